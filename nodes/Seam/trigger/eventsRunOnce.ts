import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { MEMORY_MAX_ENTRIES } from './deliveryMemory';

// The check every n8n process shares. The delivery memory (deliveryMemory.ts) lives in the
// process that took the webhook call and in the workflow's static data, and neither reaches far
// enough in queue mode: n8n 2.x saves no static data for a webhook call that starts a run, and a
// worker runs a webhook-started job without the workflow's static data. So a webhook processor
// that restarted, or a second one behind the same load balancer, would start a run for a Svix
// retry of an event that already ran.
//
// The run itself can reach what every process shares: n8n's de-duplication store (the one its
// Remove Duplicates node keeps), in n8n's database. The Seam Trigger's step in the run records
// the events it passes on there and passes on only events recorded for the first time. A repeat
// that got past the webhook processor then starts a run that stops at the trigger.
//
// n8n's store reads the whole list and writes it back without a lock, so two processes recording
// at the same moment can drop each other's entries. Within a process the records are made one
// after another; across processes each run reads its entries back once and records again any
// that another process's write dropped.

const OPTIONS = { mode: 'entries' as const, maxEntries: MEMORY_MAX_ENTRIES };

/** The records of this process, one after another per workflow and node. */
const queues = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(key) ?? Promise.resolve();
	const next = previous.then(work, work);
	const settled = next.catch(() => undefined);
	queues.set(key, settled);
	try {
		return await next;
	} finally {
		if (queues.get(key) === settled) queues.delete(key);
	}
}

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
	const record = store.checkProcessedAndRecord.bind(context.helpers);
	const eventIds = [
		...new Set(
			items
				.map((item) => item.json.event_id)
				.filter((eventId): eventId is string => typeof eventId === 'string'),
		),
	];
	if (eventIds.length === 0) return { items, alreadyRun: [] };

	const key = `${context.getWorkflow().id ?? ''}/${context.getNode().id}`;
	let fresh: Set<string>;
	try {
		fresh = await oneAtATime(key, async () => {
			const first = await record(eventIds, 'node', OPTIONS);
			const recorded = first.new.map(String);
			// Read back: what another process's write dropped comes back as new, and is recorded again.
			if (recorded.length > 0) await record(recorded, 'node', OPTIONS);
			return new Set(recorded);
		});
	} catch (error) {
		context.logger.warn(
			`Seam Trigger could not check n8n's de-duplication store, so the events run without that check: ${(error as Error).message}`,
			{ node: context.getNode().name },
		);
		return { items, alreadyRun: [] };
	}
	const alreadyRun = eventIds.filter((eventId) => !fresh.has(eventId));
	return {
		items: items.filter((item) => {
			const eventId = item.json.event_id;
			return typeof eventId !== 'string' || fresh.has(eventId);
		}),
		alreadyRun,
	};
}
