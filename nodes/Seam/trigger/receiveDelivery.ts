import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { deliveryScope, firstDelivery } from './deliveryMemory';
import { matchesSelection } from '../shared/events/eventSelection';
import { nodeSelection } from '../shared/events/nodeSelection';
import { presentEvent } from '../shared/events/presentEvent';
import { readRegistration } from './registration';
import { verifySignature, type HeaderValue } from './verifySignature';

// One webhook delivery from Seam: nothing runs until the signature is verified on the raw body.
// Seam (through Svix) retries a delivery until it gets a 2xx, so every answer is explicit:
// 401 for anything unverified, 200 otherwise, and a workflow run only for a wanted event seen
// for the first time.

/** A Seam event as SeamWebhook (@seamapi/webhook) defines one: string event_id and event_type. */
function parseEvent(rawBody: Buffer): IDataObject | undefined {
	let data: unknown;
	try {
		data = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
	const { event_id, event_type } = data as IDataObject;
	return typeof event_id === 'string' && typeof event_type === 'string'
		? (data as IDataObject)
		: undefined;
}

export async function receiveDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = context.getRequestObject();
	const response = context.getResponseObject();
	const staticData = context.getWorkflowStaticData('node');
	const registration = readRegistration(staticData);
	const node = context.getNode();

	const check = verifySignature(
		request.rawBody,
		request.headers as Record<string, HeaderValue>,
		registration?.secret,
	);
	if (!check.valid || !registration) {
		const reason = check.valid ? 'not_registered' : check.reason;
		context.logger.warn(`Seam Trigger refused a webhook delivery: ${reason}`, { node: node.name });
		// The same answer whatever the reason: it tells a caller without the secret nothing about
		// how close it came. The reason is in n8n's log.
		response.status(401).json({ error: 'unauthorized' });
		return { noWebhookResponse: true };
	}

	const event = parseEvent(request.rawBody as Buffer);
	if (!event) {
		// Signed by Seam yet not an event: retrying cannot fix it, so it is acknowledged and logged
		// (as @seamapi/webhook advises) rather than refused.
		context.logger.error('Seam Trigger received a signed delivery that is not a Seam event', {
			node: node.name,
		});
		response.status(200).json({ received: true, ignored: 'not_a_seam_event' });
		return { noWebhookResponse: true };
	}

	// Events outside the selection start nothing, so they are not remembered: the memory is kept
	// for the deliveries that could otherwise start a second run.
	if (!matchesSelection(event, nodeSelection(context))) {
		response.status(200).json({ received: true, ignored: 'not_selected' });
		return { noWebhookResponse: true };
	}

	// Checked and recorded after verification only, so no one but Seam can fill the memory. A
	// "Listen for test event" run has its own static data and its own Seam webhook (so its own
	// scope): an event production already ran still shows in the editor, and an editor run never hides
	// one from production.
	const eventId = event.event_id as string;
	const scope = deliveryScope(context.getWorkflow().id, node.name, registration.webhookId);
	if (!firstDelivery(staticData, scope, { messageId: check.messageId, eventId })) {
		context.logger.info('Seam Trigger ignored a repeated delivery', {
			node: node.name,
			messageId: check.messageId,
			eventId,
		});
		// 200, so that Svix stops retrying: the event already started its run.
		response.status(200).json({ received: true, ignored: 'duplicate' });
		return { noWebhookResponse: true };
	}
	return { workflowData: [context.helpers.returnJsonArray([presentEvent(event)])] };
}
