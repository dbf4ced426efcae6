// The polling trigger's cursor over Seam's /events/list: every event exactly once, across polls
// and n8n restarts (the state lives in the node's static data), whatever the number of events
// between two polls and however many share one timestamp. Pure logic: it talks to Seam only
// through the `ListEvents` function it is given, so it is tested directly against the sandbox.
//
// What /events/list offers: events whose created_at ("generation time") lies after `since`, or
// inside `between` (an open interval), newest first, `limit` at a time, and `unstable_offset`.
// (Seam documents `since` as the events' generation time; the sandbox and Seam's own fake filter
// and sort on created_at, and so does this cursor.)
// There is no "after this event" token, so:
//
// 1. Reads page backwards in time. A full page ends at some time tMin; the next request asks for
//    events before tMin + 1 ms, so it starts with the events of millisecond tMin again (already
//    read, skipped by event_id) and continues with older ones. When one millisecond holds more
//    events than a page, `unstable_offset` walks through it. A range is finished when a request
//    returns nothing in range; short pages prove nothing (Seam may cap `limit` below what was
//    asked), so completion never depends on the page size.
// 2. Each poll re-reads from OVERLAP before the newest event it has handled, so events that
//    become visible late (committed after a newer one was already listed) are still caught; the
//    ids handled inside that overlap are remembered and not emitted twice.
// 3. A poll makes at most `maxRequests` requests and starts none after `maxPollMs` (a bounded
//    wait, shorter than n8n's shortest poll interval, so polls do not overlap). When a burst or
//    a long outage leaves more to read, the unread older part is kept as the backlog and read
//    first by the next polls (newest part first) until it is empty; no event is dropped.
// 4. The remembered ids are bounded: at most `maxSeen` for the overlap (when more events than
//    that arrive within one overlap, the floor moves up: older late arrivals are then no longer
//    looked for), plus, while a backlog exists, the ids inside its range: the previous overlap's
//    (at most `maxSeen`) and the millisecond where reading stopped (at most a page).
//
// Limits, stated: an event that becomes visible more than OVERLAP after newer ones were listed
// is not looked for; `unstable_offset` is only used inside one millisecond holding more events
// than a page, and relies on Seam listing that millisecond in the same order twice.

/** An event as /events/list returns it. */
export interface ListedEvent {
	event_id: string;
	created_at?: string;
	occurred_at?: string;
	[field: string]: unknown;
}

/** One /events/list request (the filter on event types is the caller's). */
export interface EventWindow {
	since?: string;
	between?: [string, string];
	limit: number;
	unstable_offset?: number;
}

export type ListEvents = (window: EventWindow) => Promise<ListedEvent[]>;

export interface CursorSettings {
	/** `limit` of each request. */
	pageSize: number;
	/** Requests per poll at most. */
	maxRequests: number;
	/** How far back each poll looks again for late events (ms). */
	overlapMs: number;
	/** Ids remembered for the overlap at most. */
	maxSeen: number;
	/** No new request after this long into a poll (ms). */
	maxPollMs: number;
}

// At most 5,000 events per poll; the stored state stays under about 2 × 500 + 250 ids (70 KB)
// in the worst case and holds only the last minute's ids in normal operation.
// Frozen, since every cursor started without settings of its own shares it.
export const DEFAULT_CURSOR_SETTINGS: Readonly<CursorSettings> = Object.freeze({
	pageSize: 250,
	maxRequests: 20,
	overlapMs: 60_000,
	maxSeen: 500,
	maxPollMs: 45_000,
});

/** JSON-safe: stored as is in the node's static data. Times are epoch milliseconds. */
export interface CursorState {
	version: 1;
	/** created_at of the newest event handled (or where the cursor started). */
	newest: number;
	/** Reads of new events never start before this. */
	floor: number;
	/** event_id → created_at of handled events that a later read may list again. */
	seen: Record<string, number>;
	/**
	 * Events in [from, to) not read yet: a poll ran out of requests. `offset` is how far the
	 * reading got into the millisecond just below `to`, when it stopped inside one.
	 */
	backlog?: Backlog;
}

export interface Backlog {
	from: number;
	to: number;
	offset?: number;
}

/** created_at: what /events/list filters and sorts on (occurred_at may lie further back). */
export function eventTime(event: ListedEvent): number {
	return Date.parse(String(event.created_at));
}

/** What the cursor relies on; the caller's ListEvents must return only such events. */
export function isListedEvent(event: ListedEvent): boolean {
	return typeof event.event_id === 'string' && !Number.isNaN(eventTime(event));
}

/** Seam's lower bound is exclusive; asking from 1 ms earlier includes events at `from`. */
function windowFor(
	from: number,
	before: number | null,
	limit: number,
	offset: number,
): EventWindow {
	const after = new Date(from - 1).toISOString();
	const window: EventWindow =
		before === null
			? { since: after, limit }
			: { between: [after, new Date(before).toISOString()], limit };
	if (offset > 0) window.unstable_offset = offset;
	return window;
}

interface Listed {
	event: ListedEvent;
	time: number;
}

/** Where the next request of a backward read starts. */
interface Position {
	/** Exclusive upper bound (null: up to now). */
	before: number | null;
	/** How many events just below `before` were listed already (inside one millisecond). */
	offset: number;
}

interface Page {
	/** The page's events created in range, newest first. */
	listed: Listed[];
	/** Where the read continues: everything in range at or after `before` has been listed. */
	next: Position;
}

/**
 * The events created in [from, before) (before = null: up to now), one request per step, newest
 * first. Ends after the request that finds nothing more in range. See point 1 at the top.
 */
async function* pagesBackward(
	list: ListEvents,
	from: number,
	start: Position,
	pageSize: number,
): AsyncGenerator<Page, void, undefined> {
	let upper = start.before;
	let offset = start.offset;
	for (;;) {
		const page = await list(windowFor(from, upper, pageSize, offset));
		// Anything older than `from` was handled by an earlier read (or predates the trigger).
		const listed = page
			.map((event) => ({ event, time: eventTime(event) }))
			.filter(({ time }) => time >= from);
		if (listed.length === 0) return;
		const oldest = Math.min(...listed.map(({ time }) => time));
		if (upper !== null && oldest >= upper - 1) {
			// The whole page is the millisecond just below `upper`: walk on through it.
			offset += page.length;
		} else {
			upper = oldest + 1;
			offset = 0;
		}
		yield { listed, next: { before: upper, offset } };
	}
}

/** What one poll may still spend: requests and time. */
class Budget {
	private readonly deadline: number;
	private requestsLeft: number;

	constructor(settings: CursorSettings) {
		this.deadline = Date.now() + settings.maxPollMs;
		this.requestsLeft = settings.maxRequests;
	}

	get exhausted(): boolean {
		return this.requestsLeft <= 0 || Date.now() >= this.deadline;
	}

	spend(): void {
		this.requestsLeft -= 1;
	}
}

interface RangeRead {
	/** New events, in the order listed (newest first). */
	events: ListedEvent[];
	/** created_at of each new event. */
	times: Map<string, number>;
	/** Newest created_at listed in range, handled before or not (-Infinity if none). */
	newestTime: number;
	complete: boolean;
	/** When not complete: where the next read of this range has to continue. */
	resume: Position;
}

/**
 * Reads [from, start.before) while the budget lasts (one request at least, so an unfinished read
 * always ends on a page), skipping handled events.
 */
async function readRange(
	list: ListEvents,
	from: number,
	start: Position,
	handled: (eventId: string) => boolean,
	pageSize: number,
	budget: Budget,
): Promise<RangeRead> {
	const read: RangeRead = {
		events: [],
		times: new Map(),
		newestTime: -Infinity,
		complete: false,
		resume: start,
	};
	const pages = pagesBackward(list, from, start, pageSize);
	do {
		const next = await pages.next();
		budget.spend();
		if (next.done) {
			read.complete = true;
			break;
		}
		for (const { event, time } of next.value.listed) {
			read.newestTime = Math.max(read.newestTime, time);
			if (handled(event.event_id) || read.times.has(event.event_id)) continue;
			read.events.push(event);
			read.times.set(event.event_id, time);
		}
		read.resume = next.value.next;
	} while (!budget.exhausted);
	return read;
}

/** Oldest first; events of one millisecond keep Seam's order, reversed (oldest first too). */
function chronological(reads: RangeRead[]): ListedEvent[] {
	const all = reads.flatMap((read) =>
		[...read.events]
			.reverse()
			.map((event) => ({ event, time: read.times.get(event.event_id) ?? 0 })),
	);
	return all.sort((a, b) => a.time - b.time).map(({ event }) => event);
}

function headStart(newest: number, floor: number, settings: CursorSettings): number {
	return Math.max(newest - settings.overlapMs, floor);
}

/** The backlog left by an unfinished read of [from, …). */
function backlogOf(from: number, read: RangeRead): Backlog {
	// A read stops only after a page, which always sets `before`.
	const to = read.resume.before ?? Number.MAX_SAFE_INTEGER;
	return read.resume.offset > 0 ? { from, to, offset: read.resume.offset } : { from, to };
}

/** Keeps only the ids a later read can list again, at most `maxSeen` of them for the overlap. */
function trimmed(
	newest: number,
	floor: number,
	seen: Map<string, number>,
	backlog: Backlog | undefined,
	settings: CursorSettings,
	readNow: ReadonlyMap<string, number> = new Map(),
): CursorState {
	const start = headStart(newest, floor, settings);
	const overlap = [...seen].filter(([, time]) => time >= start).sort((a, b) => b[1] - a[1]);
	let nextFloor = floor;
	let kept = overlap;
	if (overlap.length > settings.maxSeen) {
		// The newest dropped id's millisecond goes below the floor with it, whole.
		nextFloor = Math.max(floor, overlap[settings.maxSeen][1] + 1);
		kept = overlap.slice(0, settings.maxSeen).filter(([, time]) => time >= nextFloor);
	}
	const next: Record<string, number> = Object.fromEntries(kept);
	if (backlog) {
		// The backlog's next read lists its range again: ids handled in it must stay. Except the
		// millisecond this poll stopped inside (offset > 0): the read resumes after what it listed
		// there, so those ids (up to a whole poll's worth) are not needed.
		const boundary = backlog.to - 1;
		for (const [id, time] of seen) {
			if (time < backlog.from || time >= backlog.to) continue;
			if (backlog.offset && time === boundary && readNow.has(id)) continue;
			next[id] = time;
		}
	}
	return { version: 1, newest, floor: nextFloor, seen: next, ...(backlog ? { backlog } : {}) };
}

/**
 * The cursor for a trigger that starts now: events from the last overlap are marked as handled
 * (they happened before the workflow was active), so only later ones are ever emitted. Looking
 * back one overlap also absorbs a clock difference between n8n and Seam.
 */
export async function startCursor(
	list: ListEvents,
	now: number,
	settings: CursorSettings = DEFAULT_CURSOR_SETTINGS,
): Promise<CursorState> {
	let floor = now - settings.overlapMs;
	const start = { before: null, offset: 0 };
	const budget = new Budget(settings);
	const read = await readRange(list, floor, start, () => false, settings.pageSize, budget);
	// Anything not read before activation is old history: never emit it.
	if (!read.complete) floor = backlogOf(floor, read).to;
	const newest = Number.isFinite(read.newestTime) ? Math.max(read.newestTime, floor) : floor;
	return trimmed(newest, floor, read.times, undefined, settings);
}

/** One poll: the events not handled before, oldest first, and the state to store. */
export async function advanceCursor(
	state: CursorState,
	list: ListEvents,
	settings: CursorSettings = DEFAULT_CURSOR_SETTINGS,
): Promise<{ state: CursorState; events: ListedEvent[] }> {
	const seen = new Map(Object.entries(state.seen));
	const handled = (eventId: string) => seen.has(eventId);
	const reads: RangeRead[] = [];
	const readNow = new Map<string, number>();
	const budget = new Budget(settings);
	let { newest, backlog } = state;

	const take = (read: RangeRead) => {
		for (const [id, time] of read.times) {
			seen.set(id, time);
			readNow.set(id, time);
		}
		reads.push(read);
	};

	if (backlog) {
		const start = { before: backlog.to, offset: backlog.offset ?? 0 };
		const read = await readRange(list, backlog.from, start, handled, settings.pageSize, budget);
		take(read);
		backlog = read.complete ? undefined : backlogOf(backlog.from, read);
	}
	// New events wait until the backlog is read: one unread range at a time keeps the state small.
	if (!backlog && !budget.exhausted) {
		const from = headStart(newest, state.floor, settings);
		const start = { before: null, offset: 0 };
		const read = await readRange(list, from, start, handled, settings.pageSize, budget);
		take(read);
		newest = Math.max(newest, read.newestTime);
		if (!read.complete) backlog = backlogOf(from, read);
	}
	return {
		state: trimmed(newest, state.floor, seen, backlog, settings, readNow),
		events: chronological(reads),
	};
}

/** Stored state, if it is one this version understands (anything else starts over). */
export function parseCursorState(value: unknown): CursorState | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const state = value as Partial<CursorState>;
	const isTime = (time: unknown): time is number =>
		typeof time === 'number' && Number.isFinite(time);
	if (state.version !== 1 || !isTime(state.newest) || !isTime(state.floor)) return undefined;
	if (typeof state.seen !== 'object' || state.seen === null) return undefined;
	if (!Object.values(state.seen).every(isTime)) return undefined;
	const backlog = parseBacklog(state.backlog);
	if (backlog === null) return undefined;
	return {
		version: 1,
		newest: state.newest,
		floor: state.floor,
		seen: { ...state.seen },
		...(backlog ? { backlog } : {}),
	};
}

/** undefined: no backlog; null: not a valid one. */
function parseBacklog(value: unknown): Backlog | undefined | null {
	if (value === undefined) return undefined;
	if (typeof value !== 'object' || value === null) return null;
	const { from, to, offset } = value as Partial<Backlog>;
	if (typeof from !== 'number' || typeof to !== 'number' || !(from < to)) return null;
	if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
	if (offset === undefined) return { from, to };
	return Number.isInteger(offset) && offset > 0 ? { from, to, offset } : null;
}

/**
 * The newest event created since `from` that `wanted` accepts, reading back within one poll's
 * budget: what "Fetch Test Event" shows. Changes no state.
 */
export async function latestEvent(
	list: ListEvents,
	from: number,
	wanted: (event: ListedEvent) => boolean,
	settings: CursorSettings = DEFAULT_CURSOR_SETTINGS,
): Promise<ListedEvent | undefined> {
	const pages = pagesBackward(list, from, { before: null, offset: 0 }, settings.pageSize);
	for (const budget = new Budget(settings); !budget.exhausted; ) {
		const next = await pages.next();
		budget.spend();
		if (next.done) return undefined;
		const match = next.value.listed.find(({ event }) => wanted(event));
		if (match) return match.event;
	}
	return undefined;
}
