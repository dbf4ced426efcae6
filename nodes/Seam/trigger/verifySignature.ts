import type * as SvixWebhook from '../../../vendor/seam-webhook';

// Svix signature check of a Seam webhook delivery (Seam sends its webhooks through Svix):
// HMAC-SHA256 over `<svix-id>.<svix-timestamp>.<raw body>` with the base64 key after `whsec_`,
// any one of the space-separated `v1,<signature>` entries may match (Svix sends several while a
// secret rotates), the timestamp must be within 5 minutes of now in either direction, and the
// comparison is constant-time. The HMAC, tolerance and comparison are svix's own `Webhook`
// class (bundled into dist/vendor/seam-webhook.js); this file feeds it the right inputs.

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

let svix: Promise<typeof SvixWebhook> | undefined;

/** The verifier is loaded on the first delivery, not when n8n reads the node's description. */
async function loadSvix(): Promise<typeof SvixWebhook> {
	if (!svix) svix = import('../../../vendor/seam-webhook');
	return await svix;
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

/** Every value sent under one of `names`, in any letter case, as separate strings. */
function valuesOf(headers: Record<string, HeaderValue>, names: readonly string[]): string[] {
	for (const name of names) {
		const values = Object.entries(headers)
			.filter(([rawName, value]) => rawName.toLowerCase() === name && value !== undefined)
			.flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
			.map((value) => String(value).trim())
			.filter((value) => value !== '');
		if (values.length > 0) return values;
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
	const ids = valuesOf(headers, NAMES.id);
	const timestamps = valuesOf(headers, NAMES.timestamp);
	const signatures = valuesOf(headers, NAMES.signature);
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

/** svix reports why it refused only in its message; map those to stable reasons. */
function reasonFor(message: string): RejectionReason {
	if (/missing required headers/i.test(message)) return 'missing_headers';
	if (/invalid signature headers/i.test(message)) return 'invalid_timestamp';
	if (/too old/i.test(message)) return 'stale_timestamp';
	if (/too new/i.test(message)) return 'future_timestamp';
	return 'signature_mismatch';
}

/**
 * Checks one delivery. `rawBody` must be the bytes as received: re-serialised JSON (other key
 * order, spacing or escaping) no longer matches the signature, by design.
 */
export async function verifySignature(
	rawBody: Buffer | undefined,
	headers: Record<string, HeaderValue>,
	secret: string | undefined,
): Promise<SignatureCheck> {
	if (!secret) return { valid: false, reason: 'not_registered' };
	if (!Buffer.isBuffer(rawBody)) return { valid: false, reason: 'missing_body' };
	const signed = signedHeaders(headers);
	if (typeof signed === 'string') return { valid: false, reason: signed };

	const { Webhook, WebhookVerificationError } = await loadSvix();
	// A malformed stored secret makes the constructor throw: that is a fault on our side, not a
	// bad delivery, so it propagates (n8n answers 500 and logs it) instead of becoming a 401.
	const webhook = new Webhook(secret);
	try {
		// Only the values checked above reach svix, so it verifies exactly the id returned.
		webhook.verify(rawBody.toString('utf8'), {
			'svix-id': signed.id,
			'svix-timestamp': signed.timestamp,
			'svix-signature': signed.signature,
		});
		return { valid: true, messageId: signed.id };
	} catch (error) {
		// Anything else svix throws while checking still means "not verified": fail closed, and
		// say so distinctly (the caller logs the reason).
		return {
			valid: false,
			reason:
				error instanceof WebhookVerificationError ? reasonFor(error.message) : 'verifier_error',
		};
	}
}
