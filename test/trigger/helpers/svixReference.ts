/**
 * The reference implementations the signature tests measure the Seam Trigger against: the
 * `svix` package (what Seam signs with) and `@seamapi/webhook` (Seam's own verifier, which wraps
 * svix 1.x). Both ship only ES modules, so they are imported outside Jest's module system.
 */
import { randomBytes } from 'node:crypto';

import { importEsm } from '../../sandbox/esm-import';

type SvixModule = typeof import('svix');
type SeamWebhookModule = typeof import('@seamapi/webhook');

export interface References {
	/** Signs like Seam: `v1,<signature>` for this id, time and payload. */
	sign(secret: string, messageId: string, at: Date, payload: string): string;
	/** Whether svix's Webhook.verify accepts the delivery. */
	svixAccepts(secret: string, payload: string, headers: Record<string, string>): boolean;
	/** Whether SeamWebhook.verify accepts it (it also requires a Seam event in the body). */
	seamWebhookAccepts(secret: string, payload: string, headers: Record<string, string>): boolean;
}

function accepts(verify: () => unknown): boolean {
	try {
		verify();
		return true;
	} catch {
		return false;
	}
}

export async function loadReferences(): Promise<References> {
	const svix = await importEsm<SvixModule>('svix');
	const seam = await importEsm<SeamWebhookModule>('@seamapi/webhook');
	return {
		sign: (secret, messageId, at, payload) => new svix.Webhook(secret).sign(messageId, at, payload),
		svixAccepts: (secret, payload, headers) =>
			accepts(() => new svix.Webhook(secret).verify(payload, headers)),
		seamWebhookAccepts: (secret, payload, headers) =>
			accepts(() => new seam.SeamWebhook(secret).verify(payload, headers)),
	};
}

/** A secret in Svix's format: `whsec_` + base64 of 24 random bytes. */
export function newSecret(): string {
	return `whsec_${randomBytes(24).toString('base64')}`;
}
