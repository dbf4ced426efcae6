import type * as SvixWebhook from '../../vendor/seam-webhook';

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
	| 'ambiguous_headers'
	| 'invalid_timestamp'
	| 'stale_timestamp'
	| 'future_timestamp'
	| 'signature_mismatch'
	| 'verifier_error';

export type SignatureCheck = { valid: true } | { valid: false; reason: RejectionReason };

export type HeaderValue = string | string[] | undefined;

let svix: Promise<typeof SvixWebhook> | undefined;

/** The verifier is loaded on the first delivery, not when n8n reads the node's description. */
async function loadSvix(): Promise<typeof SvixWebhook> {
	if (!svix) svix = import('../../vendor/seam-webhook');
	return await svix;
}

// Svix's own header names, and the Standard Webhooks names svix also accepts.
const SIGNATURE_HEADERS = [
	'svix-id',
	'svix-timestamp',
	'svix-signature',
	'webhook-id',
	'webhook-timestamp',
	'webhook-signature',
];

/**
 * Lower-cased header names; a header that arrived several times (an array) is joined when it is
 * a signature list and accepted when every copy agrees otherwise: two different message ids or
 * timestamps cannot both be right, so they are refused rather than one picked.
 */
export function signatureHeaders(
	headers: Record<string, HeaderValue>,
): Record<string, string> | 'ambiguous_headers' {
	const found: Record<string, string> = {};
	for (const [rawName, rawValue] of Object.entries(headers)) {
		const name = rawName.toLowerCase();
		if (!SIGNATURE_HEADERS.includes(name) || rawValue === undefined) continue;
		const values = (Array.isArray(rawValue) ? rawValue : [rawValue])
			.map((value) => String(value).trim())
			.filter((value) => value !== '');
		if (values.length === 0) continue;
		if (name.endsWith('-signature')) {
			found[name] = [found[name], ...values].filter(Boolean).join(' ');
		} else {
			const distinct = new Set([found[name], ...values].filter(Boolean));
			if (distinct.size > 1) return 'ambiguous_headers';
			found[name] = [...distinct][0];
		}
	}
	return found;
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
	const normalised = signatureHeaders(headers);
	if (normalised === 'ambiguous_headers') return { valid: false, reason: normalised };

	const { Webhook, WebhookVerificationError } = await loadSvix();
	// A malformed stored secret makes the constructor throw: that is a fault on our side, not a
	// bad delivery, so it propagates (n8n answers 500 and logs it) instead of becoming a 401.
	const webhook = new Webhook(secret);
	try {
		webhook.verify(rawBody.toString('utf8'), normalised);
		return { valid: true };
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
