import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventsProperty, filtersProperty } from './shared/events/eventPicker';
import { getAcsSystems, getDevices } from './methods/loadOptions';
import { receiveDelivery } from './trigger/receiveDelivery';
import { passEventsThrough } from './trigger/passEventsThrough';
import { createWebhook, deleteWebhook, webhookExists } from './trigger/webhookLifecycle';

/**
 * Starts a workflow on Seam events delivered by webhook. For n8n instances Seam cannot reach,
 * SeamPollingTrigger.node.ts asks Seam instead; one node cannot do both in n8n (see the README).
 */
export class SeamTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Seam Trigger',
		name: 'seamTrigger',
		icon: { light: 'file:../../icons/seam.svg', dark: 'file:../../icons/seam.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow when Seam sends an event: a PIN issued, a door unlocked or denied, a device offline',
		defaults: { name: 'Seam Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'seamApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
				// Registered with Seam automatically on activation: nothing to copy by hand.
				ndvHideUrl: true,
			},
		],
		properties: [
			{
				displayName:
					"Seam delivers events to this n8n's webhook URL, registered and removed automatically when the workflow is activated or deactivated. Seam must be able to reach that URL (n8n's WEBHOOK_URL): if it cannot (n8n on a laptop or behind a firewall), use the Seam Polling Trigger node instead.",
				name: 'reachabilityNotice',
				type: 'notice',
				default: '',
			},
			eventsProperty,
			filtersProperty,
		],
	};

	methods = { loadOptions: { getDevices, getAcsSystems } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await passEventsThrough(this);
	}
}
