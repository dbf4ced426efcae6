import { randomBytes } from 'node:crypto';

import { invalidInput, notFound } from './errors';
import { isSeamEventType } from './event-catalog';
import type { Store, WebhookRecord } from './store';

// Webhook records: what /webhooks/* return and which events each one receives.
// Seam's webhooks are Svix endpoints, so the secret has Svix's form and the
// payloads are signed the Svix way (svix-signer.ts).

/** Seam's default for event_types: every event. */
export const ALL_EVENTS = '*';

/** Svix's secret format: `whsec_` + base64 of the HMAC key (Svix uses 24 random bytes). */
export function newWebhookSecret(): string {
	return `whsec_${randomBytes(24).toString('base64')}`;
}

export function presentWebhook(webhook: WebhookRecord): Record<string, unknown> {
	return {
		webhook_id: webhook.webhook_id,
		url: webhook.url,
		event_types: [...webhook.event_types],
		secret: webhook.secret,
	};
}

export function wantsEvent(webhook: WebhookRecord, eventType: string): boolean {
	return webhook.event_types.includes(ALL_EVENTS) || webhook.event_types.includes(eventType);
}

export function requireWebhook(store: Store, id: string): WebhookRecord {
	const found = store.webhooks.get(id);
	if (found == null) throw notFound('webhook', id);
	return found;
}

/**
 * Seam's OpenAPI types event_types as free strings; an unknown type would
 * silently never fire, so it is refused, as Seam's own fake does. Seam
 * documents no error type for this: invalid_input on event_types is used.
 */
export function checkEventTypes(eventTypes: string[]): string[] {
	if (eventTypes.length === 0) {
		throw invalidInput({
			event_types: 'Give at least one event type, or leave event_types out for every event',
		});
	}
	const unknown = eventTypes.filter((type) => type !== ALL_EVENTS && !isSeamEventType(type));
	if (unknown.length > 0) {
		throw invalidInput({ event_types: `Unknown event types: ${unknown.join(', ')}` });
	}
	return [...new Set(eventTypes)];
}

/** The URL the sandbox will POST to; Svix only delivers over HTTP(S). */
export function checkWebhookUrl(url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw invalidInput({ url: 'url must be an absolute http(s) URL' });
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw invalidInput({ url: 'url must use http or https' });
	}
	return url;
}
