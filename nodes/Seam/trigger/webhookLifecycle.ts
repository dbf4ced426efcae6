import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unlessNotFound } from '../shared/transport/unlessNotFound';
import type { SeamApi } from '../shared/transport/client';
import { sameEventTypes } from '../shared/events/eventSelection';
import { forgetRegistration, readRegistration, saveRegistration } from './registration';
import { connectToSeam } from '../shared/transport/client';
import { nodeSelection } from '../shared/events/nodeSelection';

// The Seam side of the webhook trigger's lifecycle, called by n8n on activation (checkExists,
// then create when it answers false) and deactivation (delete). Activating, deactivating and
// activating again leaves exactly one webhook on Seam for this node.

interface SeamWebhook {
	webhook_id: string;
	url: string;
	event_types?: string[];
	secret?: string;
}

/** null when Seam no longer has it (deleted in Seam Console, or by an earlier deactivation). */
async function findWebhook(api: SeamApi, webhookId: string): Promise<SeamWebhook | null> {
	const webhook = await api.call((seam) =>
		unlessNotFound(seam.webhooks.get({ webhook_id: webhookId })),
	);
	return webhook as unknown as SeamWebhook | null;
}

/** Deleting a webhook that is already gone is what was wanted: a 404 is success. */
async function removeWebhook(api: SeamApi, webhookId: string): Promise<void> {
	await api.call((seam) => unlessNotFound(seam.webhooks.delete({ webhook_id: webhookId })));
}

/**
 * Webhooks at this node's URL that the node has no record of: left by a registration whose
 * static data was lost (n8n crashed between Seam's answer and saving it, or the workflow was
 * restored from an export). Their secret is unknown, so they can only be removed.
 */
async function removeUnrecordedWebhooks(api: SeamApi, url: string): Promise<void> {
	const webhooks = (await api.call((seam) => seam.webhooks.list())) as unknown as SeamWebhook[];
	for (const webhook of webhooks.filter((candidate) => candidate.url === url)) {
		await removeWebhook(api, webhook.webhook_id);
	}
}

function webhookUrlOf(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL for this node');
	return url;
}

/**
 * True when Seam still has the webhook this node registered, at this node's URL, for the chosen
 * events. A webhook deleted on Seam's side is forgotten; one that no longer fits (the URL or
 * the events changed) is deleted and forgotten, so create() replaces it.
 */
export async function webhookExists(context: IHookFunctions): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	const url = webhookUrlOf(context);
	const { eventTypes } = nodeSelection(context);
	const api = await connectToSeam(context);

	const stored = readRegistration(staticData);
	if (!stored) {
		await removeUnrecordedWebhooks(api, url);
		return false;
	}
	const remote = await findWebhook(api, stored.webhookId);
	const fits =
		remote !== null &&
		remote.url === url &&
		stored.url === url &&
		sameEventTypes(stored.eventTypes, eventTypes) &&
		(remote.event_types === undefined || sameEventTypes(remote.event_types, eventTypes));
	if (fits) return true;
	if (remote !== null) await removeWebhook(api, stored.webhookId);
	forgetRegistration(staticData);
	return false;
}

export async function createWebhook(context: IHookFunctions): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	const url = webhookUrlOf(context);
	const { eventTypes } = nodeSelection(context);
	const api = await connectToSeam(context);

	// No event_types means Seam's default, ['*']: every event, including types added later.
	const webhook = (await api.call((seam) =>
		seam.webhooks.create(eventTypes ? { url, event_types: eventTypes } : { url }),
	)) as unknown as SeamWebhook;
	if (!webhook.secret) {
		await removeWebhook(api, webhook.webhook_id);
		throw new NodeOperationError(
			context.getNode(),
			'Seam created the webhook without a signing secret, so its deliveries could not be verified; it was removed again',
		);
	}
	saveRegistration(staticData, {
		webhookId: webhook.webhook_id,
		secret: webhook.secret,
		url,
		eventTypes,
	});
	return true;
}

export async function deleteWebhook(context: IHookFunctions): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	const stored = readRegistration(staticData);
	if (!stored) return true;
	const api = await connectToSeam(context);
	// A failure other than 404 propagates: n8n logs it and keeps the static data, so the next
	// activation's checkExists finds the webhook again instead of leaving it behind.
	await removeWebhook(api, stored.webhookId);
	forgetRegistration(staticData);
	return true;
}
