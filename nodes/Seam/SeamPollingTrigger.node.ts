import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventsProperty, filtersProperty } from './shared/events/eventPicker';
import { getAcsSystems, getDevices } from './methods/loadOptions';
import { type CursorSettings, DEFAULT_CURSOR_SETTINGS } from './polling/eventCursor';
import { pollSeamEvents, type PollSettings } from './polling/pollEvents';
import { DEFAULT_TRANSPORT_SETTINGS, type TransportSettings } from './shared/transport/client';

/**
 * How the node reads Seam: page size and per-poll budget (`poll`), and the connection
 * (`transport`); whatever is left out keeps its default.
 */
export interface SeamPollingTriggerSettings {
	poll?: Partial<CursorSettings>;
	transport?: Partial<TransportSettings>;
}

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

	// n8n calls poll with its poll context as `this`, not this node, so the settings reach it
	// through the closure made in the constructor.
	poll: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;

	/** n8n builds the node without settings: the defaults apply. */
	constructor(settings: SeamPollingTriggerSettings = {}) {
		const resolved: PollSettings = {
			poll: Object.freeze({ ...DEFAULT_CURSOR_SETTINGS, ...settings.poll }),
			transport: Object.freeze({ ...DEFAULT_TRANSPORT_SETTINGS, ...settings.transport }),
		};
		this.poll = async function (this: IPollFunctions) {
			return await pollSeamEvents(this, resolved);
		};
	}
}
