import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventsProperty, filtersProperty } from './shared/events/eventPicker';
import { getAcsSystems, getDevices } from './methods/loadOptions';
import { pollSeamEvents } from './polling/pollEvents';

/**
 * Starts a workflow on Seam events by asking Seam's /events/list on a schedule: for n8n
 * instances Seam cannot reach. n8n adds the "Poll Times" field to every `polling` node.
 */
export class SeamPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Seam Polling Trigger',
		name: 'seamPollingTrigger',
		icon: { light: 'file:../../icons/seam.svg', dark: 'file:../../icons/seam.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow on new Seam events, checking Seam on a schedule (for n8n instances Seam cannot reach)',
		defaults: { name: 'Seam Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'seamApi', required: true }],
		properties: [
			{
				displayName:
					'Checks Seam for new events at the Poll Times; each event starts the workflow once, including events from while n8n was stopped. When Seam can reach this n8n, the Seam Trigger node is faster (events arrive in seconds) and makes no requests in between.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			eventsProperty,
			filtersProperty,
		],
	};

	methods = { loadOptions: { getDevices, getAcsSystems } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollSeamEvents(this);
	}
}
