/**
 * Seam's deliveries as Svix sends them, for tests that drive the Seam Trigger's webhook: an
 * event, signed with the registration's secret under a message id, and posted to the node's
 * production URL.
 */
import { randomUUID } from 'node:crypto';

import type { References } from './svixReference';
import type { Delivery, EndpointAnswer, WebhookEndpoint } from './webhookEndpoint';

export interface SeamEvent {
	event_id: string;
	event_type: string;
	[field: string]: unknown;
}

export function seamEvent(eventType = 'lock.unlocked'): SeamEvent {
	return {
		event_id: randomUUID(),
		event_type: eventType,
		workspace_id: randomUUID(),
		created_at: new Date().toISOString(),
		device_id: randomUUID(),
	};
}

export const newMessageId = () => `msg_${randomUUID().replace(/-/g, '')}`;

/** `messageId` is Svix's for the event, the same on every retry; `at` is the signing time. */
export function signedDelivery(
	references: References,
	secret: string,
	event: SeamEvent,
	options: { messageId?: string; at?: Date } = {},
): Delivery & { messageId: string } {
	const messageId = options.messageId ?? newMessageId();
	const at = options.at ?? new Date();
	const body = JSON.stringify(event);
	return {
		messageId,
		rawBody: Buffer.from(body),
		headers: {
			'content-type': 'application/json',
			'svix-id': messageId,
			'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
			'svix-signature': references.sign(secret, messageId, at, body),
		},
	};
}

/** Over HTTP to the node's production URL, as Seam calls n8n; waits for the run it started. */
export async function postDelivery(
	endpoint: WebhookEndpoint,
	sent: Delivery,
): Promise<EndpointAnswer> {
	const response = await fetch(endpoint.productionUrl, {
		method: 'POST',
		headers: sent.headers as Record<string, string>,
		body: sent.rawBody,
	});
	await endpoint.settled();
	return { status: response.status, body: (await response.json()) as unknown };
}
