import type { IDataObject } from 'n8n-workflow';

// The deliveries that recently started a workflow run, so that the same event arriving again
// starts no second one. Seam delivers through Svix, which retries a message (same message id,
// freshly signed) whenever it did not get a 2xx answer in time, even if n8n did receive it; a
// proxy may repeat a request too; and one event may come again as a new message. A delivery is
// a repeat when its message id or its event_id was seen.
//
// Two layers, because n8n gives every webhook request its own copy of the static data (read
// from the database when the request arrives, written back after it):
// - this process's memory: checked and updated with no await in between, so two copies of one
//   delivery handled at the same time cannot both pass;
// - the node's static data, next to the registration: survives an n8n restart. Each write
//   carries everything this process remembers, so a copy saved by a request that overlapped
//   another (the last write wins) is completed again by the next delivery.
// Without a shared lock, n8n instances that do not share a process (queue mode with several
// webhook processors) each check their own memory and the latest saved copy. n8n 1.x saves the
// static data after every webhook call that changed it; n8n 2.x does not when the call starts
// an execution (preparing the run clears n8n's changed flag first). The run itself saves static
// data that changed during it, so the node writes the memory again from inside the run
// (`rememberInRun`), which also covers a queue-mode worker that never saw the delivery.

/**
 * Svix retries a message for about 28 hours (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after each
 * failed attempt); 48 hours covers that with room for slow attempts and clock differences.
 */
export const MEMORY_MAX_AGE_MS = 48 * 60 * 60 * 1000;
/**
 * At about 90 bytes an entry, at most about 90 KB, written back to n8n's database with every
 * accepted delivery. Up to 1,000 runs in 48 hours (one every three minutes) are remembered for
 * the whole retry schedule; at higher rates the last 1,000 still cover the retries that make up
 * almost every repeat (the first ones: at once, 5 seconds, 5 minutes).
 */
export const MEMORY_MAX_ENTRIES = 1000;
/** Seam Trigger nodes (and "Listen for test event" runs) this process keeps a memory for at most. */
const MAX_SCOPES = 100;

const KEY = 'recentDeliveries';

/** One accepted delivery: Svix message id, Seam event_id, when it was accepted (epoch ms). */
type Entry = [messageId: string, eventId: string, acceptedAt: number];

export interface DeliveryIds {
	messageId: string;
	eventId: string;
}

/** Per scope (one node's registration with Seam), most recently used last. */
const processMemory = new Map<string, Entry[]>();

function isEntry(value: unknown): value is Entry {
	return (
		Array.isArray(value) &&
		value.length === 3 &&
		typeof value[0] === 'string' &&
		typeof value[1] === 'string' &&
		typeof value[2] === 'number' &&
		Number.isFinite(value[2])
	);
}

/** The stored entries; anything unreadable counts as nothing remembered, never as an error. */
function storedEntries(staticData: IDataObject): Entry[] {
	const stored = staticData[KEY] as { version?: unknown; entries?: unknown } | undefined;
	if (!stored || stored.version !== 1 || !Array.isArray(stored.entries)) return [];
	return stored.entries.filter(isEntry).map(([id, eventId, at]) => [id, eventId, at]);
}

/** Both layers together, oldest first, without expired entries, at most MEMORY_MAX_ENTRIES. */
function merged(lists: Entry[][], now: number): Entry[] {
	const byMessage = new Map<string, Entry>();
	for (const entry of lists.flat()) {
		const known = byMessage.get(entry[0]);
		if (!known || entry[2] < known[2]) byMessage.set(entry[0], entry);
	}
	return [...byMessage.values()]
		.filter(([, , at]) => now - at < MEMORY_MAX_AGE_MS)
		.sort((a, b) => a[2] - b[2])
		.slice(-MEMORY_MAX_ENTRIES);
}

function keepInProcess(scope: string, entries: Entry[]): void {
	processMemory.delete(scope);
	processMemory.set(scope, entries);
	if (processMemory.size > MAX_SCOPES) {
		processMemory.delete(processMemory.keys().next().value as string);
	}
}

/**
 * Records a delivery and returns true, or returns false when it repeats one remembered for
 * `scope`. Synchronous on purpose: the check and the record happen in one step. Call it only for
 * a verified delivery that is about to start a run, so that nobody but Seam can fill the memory
 * and it holds only what could cause a second run.
 */
export function firstDelivery(
	staticData: IDataObject,
	scope: string,
	ids: DeliveryIds,
	now: number = Date.now(),
): boolean {
	const entries = merged([storedEntries(staticData), processMemory.get(scope) ?? []], now);
	const repeated = entries.some(
		([messageId, eventId]) => messageId === ids.messageId || eventId === ids.eventId,
	);
	if (repeated) {
		keepInProcess(scope, entries);
		return false;
	}
	const updated = merged([entries, [[ids.messageId, ids.eventId, now]]], now);
	keepInProcess(scope, updated);
	staticData[KEY] = { version: 1, entries: updated };
	return true;
}

/** One memory per registration with Seam: the workflow, the node and its Seam webhook. */
export function deliveryScope(
	workflowId: string | undefined,
	nodeName: string,
	webhookId: string,
): string {
	return `${workflowId ?? ''}/${nodeName}/${webhookId}`;
}

/**
 * Writes the memory into the static data of the run that a delivery started, with the events of
 * that run, so that n8n saves it when the run ends. A worker that did not receive the delivery
 * knows only the event_id; it is remembered under a stand-in message id that no Svix id can equal.
 */
export function rememberInRun(
	staticData: IDataObject,
	scope: string,
	eventIds: string[],
	now: number = Date.now(),
): void {
	const known = merged([storedEntries(staticData), processMemory.get(scope) ?? []], now);
	const seen = new Set(known.map(([, eventId]) => eventId));
	const added: Entry[] = [...new Set(eventIds)]
		.filter((eventId) => !seen.has(eventId))
		.map((eventId) => [`event:${eventId}`, eventId, now]);
	const updated = merged([known, added], now);
	keepInProcess(scope, updated);
	staticData[KEY] = { version: 1, entries: updated };
}
