import { createHmac, timingSafeEqual } from 'node:crypto';

// Svix signature check of a Seam webhook delivery (Seam sends its webhooks through Svix):
// HMAC-SHA256 over `<svix-id>.<svix-timestamp>.<raw body>` with the base64 key after `whsec_`,
// any one of the space-separated `v1,<signature>` entries may match (Svix sends several while a
// secret rotates), the timestamp must be within 5 minutes of now in either direction, and the
// comparison is constant-time. These are the rules of svix's own `Webhook.verify`, written out
// with node:crypto so that the package ships no bundled verifier: n8n Cloud's package scan
// refuses the globals svix's bundle uses.

export type RejectionReason =
	| 'not_registered'
	| 'missing_body'
	| 'missing_headers'
	| 'repeated_header'
	| 'invalid_message_id'
	| 'invalid_timestamp'
	| 'stale_timestamp'
	| 'future_timestamp'
	| 'signature_mismatch'
	| 'verifier_error';

/** A verified delivery carries the message id it was signed with (Svix's id for the event). */
export type SignatureCheck =
	| { valid: true; messageId: string }
	| { valid: false; reason: RejectionReason };

export type HeaderValue = string | string[] | undefined;

/** The three values a signature covers, each exactly as it will be verified. */
export interface SignedHeaders {
	id: string;
	timestamp: string;
	signature: string;
}

// Svix's own header names first, then the Standard Webhooks names svix also accepts: the same
// precedence as svix, so the id checked here is the id the signature covers.
const NAMES = {
	id: ['svix-id', 'webhook-id'],
	timestamp: ['svix-timestamp', 'webhook-timestamp'],
	signature: ['svix-signature', 'webhook-signature'],
} as const;

// One message id: Svix's are `msg_` and base62; a comma or whitespace means several values were
// joined (Node.js joins a repeated header as "a, b") or the value was altered on the way.
const MESSAGE_ID = /^[^\s,]+$/;
// Unix seconds, digits only: "a, b" from a repeated header is not one.
const TIMESTAMP = /^[0-9]+$/;

const SECRET_PREFIX = 'whsec_';
const TOLERANCE_SECONDS = 5 * 60;
// The standard base64 alphabet; svix's decoder refuses anything else (no base64url, no spaces).
const BASE64 = /^[A-Za-z0-9+/]*$/;

const WANTED = new Set<string>([...NAMES.id, ...NAMES.timestamp, ...NAMES.signature]);

/**
 * Every value sent under each wanted name, in any letter case, as separate strings. One pass over
 * the request's headers: a delivery is checked on every call, so this is kept cheap.
 */
function wantedValues(headers: Record<string, HeaderValue>): Map<string, string[]> {
	const found = new Map<string, string[]>();
	for (const rawName of Object.keys(headers)) {
		const name = rawName.toLowerCase();
		const value = headers[rawName];
		if (!WANTED.has(name) || value === undefined) continue;
		for (const one of Array.isArray(value) ? value : [value]) {
			const trimmed = String(one).trim();
			if (trimmed === '') continue;
			const values = found.get(name);
			if (values) values.push(trimmed);
			else found.set(name, [trimmed]);
		}
	}
	return found;
}

/** The values of the first of `names` that has any. */
function valuesOf(found: Map<string, string[]>, names: readonly string[]): string[] {
	for (const name of names) {
		const values = found.get(name);
		if (values) return values;
	}
	return [];
}

/**
 * The id, timestamp and signature list of a delivery, or why they cannot be verified. The id and
 * timestamp must each be one well-formed value: a header sent twice (an array here, or joined
 * into "a, b" by Node.js) is refused rather than one copy picked, since only one of two
 * different ids or times can be what was signed. The signature header may hold several
 * space-separated entries, and copies of it are joined into one list.
 */
export function signedHeaders(
	headers: Record<string, HeaderValue>,
): SignedHeaders | RejectionReason {
	const found = wantedValues(headers);
	const ids = valuesOf(found, NAMES.id);
	const timestamps = valuesOf(found, NAMES.timestamp);
	const signatures = valuesOf(found, NAMES.signature);
	if (ids.length === 0 || timestamps.length === 0 || signatures.length === 0) {
		return 'missing_headers';
	}
	if (ids.length > 1 || timestamps.length > 1) return 'repeated_header';
	const [id] = ids;
	const [timestamp] = timestamps;
	if (!MESSAGE_ID.test(id)) return 'invalid_message_id';
	if (!TIMESTAMP.test(timestamp)) return 'invalid_timestamp';
	return { id, timestamp, signature: signatures.join(' ') };
}

/**
 * The HMAC key of a Svix secret: the base64 after `whsec_` (a secret without the prefix is all
 * base64, as svix reads it). Decoded as strictly as svix's decoder (@stablelib/base64), so every
 * secret gives the key svix derives from it, or is refused where svix refuses it: at least 4
 * characters, at most two `=` of padding, nothing outside the alphabet; a lone last character
 * holds no whole byte and that decoder drops it unread. Node's own base64 decoding is lenient (it
 * skips stray characters), hence the checks. A malformed stored secret is a fault on our side, not a bad delivery, so it
 * throws (n8n answers 500 and logs it) instead of becoming a 401. The message never quotes it.
 */
function signingKey(secret: string): Buffer {
	const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
	const unpadded = encoded.replace(/=+$/, '');
	const digits = unpadded.length % 4 === 1 ? unpadded.slice(0, -1) : unpadded;
	if (encoded.length < 4 || encoded.length - unpadded.length > 2 || !BASE64.test(digits)) {
		throw new Error('The stored Seam webhook secret is not a Svix secret (whsec_ and base64)');
	}
	return Buffer.from(digits, 'base64');
}

// A trigger checks every delivery with the same secret: decode it once, not once per delivery.
let lastKey: { secret: string; key: Buffer } | undefined;

function keyFor(secret: string): Buffer {
	if (lastKey?.secret !== secret) lastKey = { secret, key: signingKey(secret) };
	return lastKey.key;
}

/** The signature over the delivery, as Svix writes it after `v1,`. */
function expectedSignature(key: Buffer, id: string, seconds: number, rawBody: Buffer): Buffer {
	// The text signed is svix's: the timestamp as the number it parsed (a zero-padded header
	// still covers the same text), and the body as a string, so bytes that are not UTF-8 are
	// compared as the U+FFFD they decode to (the same text the event is then parsed from).
	// Without any U+FFFD the decoding replaced nothing, so the received bytes are exactly that
	// text in UTF-8 and are hashed as they are, saving the text's encoding again.
	const body = rawBody.toString('utf8');
	const hmac = createHmac('sha256', key)
		.update(`${id}.${seconds}.`)
		.update(body.includes('\uFFFD') ? body : rawBody);
	return Buffer.from(hmac.digest('base64'));
}

/**
 * Whether one of the `v1,<base64>` entries is `expected`. Entries are split on single spaces
 * and their parts on commas as svix does (a trailing comma left by Node.js joining a repeated
 * header is harmless); other versions are ignored. The base64 text is compared as sent, not
 * decoded, so only the exact encoding Svix writes matches; the lengths are public (every v1
 * signature has the same length), the bytes are compared in constant time.
 */
function anyEntryMatches(signatureList: string, expected: Buffer): boolean {
	for (const entry of signatureList.split(' ')) {
		const [version, signature] = entry.split(',');
		if (version !== 'v1' || signature === undefined) continue;
		const given = Buffer.from(signature);
		if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
	}
	return false;
}

/**
 * Checks one delivery. `rawBody` must be the bytes as received: re-serialised JSON (other key
 * order, spacing or escaping) no longer matches the signature, by design.
 */
export function verifySignature(
	rawBody: Buffer | undefined,
	headers: Record<string, HeaderValue>,
	secret: string | undefined,
): SignatureCheck {
	if (!secret) return { valid: false, reason: 'not_registered' };
	if (!Buffer.isBuffer(rawBody)) return { valid: false, reason: 'missing_body' };
	const signed = signedHeaders(headers);
	if (typeof signed === 'string') return { valid: false, reason: signed };
	const key = keyFor(secret);

	// Digits only (checked above), so this is the whole number.
	const seconds = Number.parseInt(signed.timestamp, 10);
	const now = Math.floor(Date.now() / 1000);
	if (now - seconds > TOLERANCE_SECONDS) return { valid: false, reason: 'stale_timestamp' };
	if (seconds > now + TOLERANCE_SECONDS) return { valid: false, reason: 'future_timestamp' };

	let matches: boolean;
	try {
		const expected = expectedSignature(key, signed.id, seconds, rawBody);
		matches = anyEntryMatches(signed.signature, expected);
	} catch {
		// Anything thrown while checking still means "not verified": fail closed, and say so
		// distinctly (the caller logs the reason).
		return { valid: false, reason: 'verifier_error' };
	}
	return matches
		? { valid: true, messageId: signed.id }
		: { valid: false, reason: 'signature_mismatch' };
}
