import { randomUUID } from 'node:crypto';

import {
	ALL_EVENTS,
	checkEventTypes,
	checkWebhookUrl,
	newWebhookSecret,
	presentWebhook,
	requireWebhook,
} from '../webhooks';
import type { RouteTable } from './types';

// /webhooks/*: the endpoints only. Delivery happens outside the request
// (webhook-delivery.ts), so creating or changing a webhook never waits on it.

export const webhookRoutes: RouteTable = {
	'/webhooks/create': ({ store, input, now }) => {
		const url = checkWebhookUrl(input.requiredString('url'));
		const eventTypes = checkEventTypes(input.stringArray('event_types') ?? [ALL_EVENTS]);
		const webhook = {
			seq: store.nextSeq(),
			webhook_id: randomUUID(),
			url,
			event_types: eventTypes,
			secret: newWebhookSecret(),
			created_at: now.toISOString(),
		};
		store.webhooks.set(webhook.webhook_id, webhook);
		return { webhook: presentWebhook(webhook) };
	},

	'/webhooks/get': ({ store, input }) => ({
		webhook: presentWebhook(requireWebhook(store, input.requiredString('webhook_id'))),
	}),

	'/webhooks/list': ({ store }) => ({
		webhooks: [...store.webhooks.values()]
			.sort((a, b) => a.seq - b.seq)
			.map((webhook) => presentWebhook(webhook)),
	}),

	// Changes which future events are delivered; messages already queued keep going.
	'/webhooks/update': ({ store, input }) => {
		const webhook = requireWebhook(store, input.requiredString('webhook_id'));
		const eventTypes = input.stringArray('event_types');
		if (eventTypes != null) webhook.event_types = checkEventTypes(eventTypes);
		return {};
	},

	// Svix stops delivering to a removed endpoint, queued messages and retries included.
	'/webhooks/delete': ({ store, input }) => {
		const webhook = requireWebhook(store, input.requiredString('webhook_id'));
		store.webhooks.delete(webhook.webhook_id);
		return {};
	},
};
