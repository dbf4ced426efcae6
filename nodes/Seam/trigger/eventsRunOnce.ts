import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { MEMORY_MAX_ENTRIES } from './deliveryMemory';
import { keepRecords, type RecordEvents } from './sharedRecord';

// The check every n8n process shares. The delivery memory (deliveryMemory.ts) lives in the
// process that took the webhook call and in the workflow's static data, and neither reaches far
// enough in queue mode: n8n 2.x saves no static data for a webhook call that starts a run, and a
// worker runs a webhook-started job without the workflow's static data. So a webhook processor
// that restarted, or a second one behind the same load balancer, would start a run for a Svix
// retry of an event that already ran.
//
// The run itself can reach what every process shares: n8n's de-duplication store (the one its
// Remove Duplicates node keeps), in n8n's database. The Seam Trigger's step in the run records
// the events it passes on there and passes on only events recorded for the first time
// (sharedRecord.ts keeps those records from being lost). A repeat that got past the webhook
// processor then starts a run that stops at the trigger.

const OPTIONS = { mode: 'entries' as const, maxEntries: MEMORY_MAX_ENTRIES };

export interface EventsRunOnce {
	items: INodeExecutionData[];
	/** Events this run does not pass on: an earlier run already did. */
	alreadyRun: string[];
}

/**
 * The items whose event no earlier run passed on, after recording them in n8n's de-duplication
 * store. Only for the run a delivery started (mode `webhook`): a retry of an execution or a
 * "Listen for test event" run is the user's choice to run an event again. When the store cannot
 * be used (an n8n without it, or its database failing), the events run: losing an accepted
 * delivery would be worse than running it twice, and the reason is logged.
 */
export async function eventsRunOnce(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<EventsRunOnce> {
	const store = context.helpers as Partial<Pick<typeof context.helpers, 'checkProcessedAndRecord'>>;
	if (context.getMode() !== 'webhook' || typeof store.checkProcessedAndRecord !== 'function') {
		return { items, alreadyRun: [] };
	}
	const eventIds = [
		...new Set(
			items
				.map((item) => item.json.event_id)
				.filter((eventId): eventId is string => typeof eventId === 'string'),
		),
	];
	if (eventIds.length === 0) return { items, alreadyRun: [] };

	const node = context.getNode();
	const helpers = context.helpers;
	const record: RecordEvents = async (ids) =>
		(await helpers.checkProcessedAndRecord!(ids, 'node', OPTIONS)).new.map(String);
	const warn = (message: string) => context.logger.warn(message, { node: node.name });
	let fresh: Set<string>;
	try {
		fresh = await keepRecords(`${context.getWorkflow().id ?? ''}/${node.id}`, record, warn).add(
			eventIds,
		);
	} catch (error) {
		warn(
			`Seam Trigger could not check n8n's de-duplication store, so the events run without that check: ${(error as Error).message}`,
		);
		return { items, alreadyRun: [] };
	}
	return {
		items: items.filter((item) => {
			const eventId = item.json.event_id;
			return typeof eventId !== 'string' || fresh.has(eventId);
		}),
		alreadyRun: eventIds.filter((eventId) => !fresh.has(eventId)),
	};
}
