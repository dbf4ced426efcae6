import { randomBytes } from 'node:crypto';

import { importEsm } from './esm-import';

// Signs webhook payloads with the svix package itself, as Seam (a Svix
// customer) does, so a receiver verifying with svix or @seamapi/webhook checks
// the real scheme rather than a re-implementation of it.

type SvixModule = typeof import('svix');

export interface SvixHeaders {
	'svix-id': string;
	/** Unix time in seconds of this attempt. */
	'svix-timestamp': string;
	/** `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<payload>">`. */
	'svix-signature': string;
}

export type Signer = (secret: string, messageId: string, payload: string, at: Date) => SvixHeaders;

// Loaded on the first delivery, not at startup: sandboxes without webhooks never need it.
let svix: Promise<SvixModule> | null = null;

export async function loadSigner(): Promise<Signer> {
	svix ??= importEsm<SvixModule>('svix');
	const { Webhook } = await svix;
	return (secret, messageId, payload, at) => ({
		'svix-id': messageId,
		'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
		'svix-signature': new Webhook(secret).sign(messageId, at, payload),
	});
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Svix message ids look like `msg_` + 27 base62 characters (a KSUID). One id
 * per event: every attempt and every endpoint share it, which is what
 * receivers use to drop duplicates.
 */
export function newMessageId(): string {
	const bytes = randomBytes(27);
	let id = 'msg_';
	for (const byte of bytes) id += BASE62[byte % 62];
	return id;
}
