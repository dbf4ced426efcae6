import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { matchesSelection } from './eventSelection';
import { nodeSelection } from './nodeSelection';
import { presentEvent } from './presentEvent';
import { readRegistration } from './registration';
import { verifySignature, type HeaderValue } from './verifySignature';

// One webhook delivery from Seam: nothing runs until the signature is verified on the raw body.
// Seam (through Svix) retries a delivery until it gets a 2xx, so every answer is explicit:
// 401 for anything unverified, 200 otherwise, and a workflow run only for a wanted event.

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
	const registration = readRegistration(context.getWorkflowStaticData('node'));

	const check = await verifySignature(
		request.rawBody,
		request.headers as Record<string, HeaderValue>,
		registration?.secret,
	);
	if (!check.valid) {
		context.logger.warn(`Seam Trigger refused a webhook delivery: ${check.reason}`, {
			node: context.getNode().name,
		});
		response.status(401).json({ error: 'invalid_signature', reason: check.reason });
		return { noWebhookResponse: true };
	}

	const event = parseEvent(request.rawBody as Buffer);
	if (!event) {
		// Signed by Seam yet not an event: retrying cannot fix it, so it is acknowledged and logged
		// (as @seamapi/webhook advises) rather than refused.
		context.logger.error('Seam Trigger received a signed delivery that is not a Seam event', {
			node: context.getNode().name,
		});
		response.status(200).json({ received: true, ignored: 'not_a_seam_event' });
		return { noWebhookResponse: true };
	}

	if (!matchesSelection(event, nodeSelection(context))) {
		response.status(200).json({ received: true, ignored: 'not_selected' });
		return { noWebhookResponse: true };
	}
	return { workflowData: [context.helpers.returnJsonArray([presentEvent(event)])] };
}
