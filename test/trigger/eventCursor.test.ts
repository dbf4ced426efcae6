/**
 * The polling cursor (nodes/Seam/polling/eventCursor.ts) against the sandbox's /events/list:
 * every event emitted exactly once across polls and restarts (the state goes through JSON
 * between polls, as n8n's database keeps it), with thousands of events, hundreds sharing one
 * millisecond, pages far smaller than a poll's worth, a request budget that leaves a backlog,
 * events that become visible late, and a Seam that caps `limit` below what was asked.
 */
import { randomUUID } from 'node:crypto';

import { SeamHttp } from '@seamapi/http';

import {
	advanceCursor,
	type CursorSettings,
	type CursorState,
	latestEvent,
	type ListedEvent,
	type ListEvents,
	parseCursorState,
	startCursor,
} from '../../nodes/Seam/polling/eventCursor';
import { startSandbox, type Sandbox } from '../sandbox';

jest.setTimeout(120_000);

let sandbox: Sandbox;
let seam: SeamHttp;

beforeAll(async () => {
	// validate: false only skips checking each of the thousands of responses against the OpenAPI
	// document (slow); the emitted events themselves are still checked against the event schema.
	sandbox = await startSandbox({ validate: false });
	seam = SeamHttp.fromApiKey(sandbox.apiKey, { endpoint: sandbox.url });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => {
	sandbox.reset();
});

afterEach(() => {
	expect(sandbox.contractViolations).toEqual([]);
});

interface Recorder {
	list: ListEvents;
	requests: number;
}

/** /events/list as the node calls it; `cap` plays a Seam that returns fewer than `limit`. */
function lister(options: { cap?: number; eventTypes?: string[] } = {}): Recorder {
	const recorder: Recorder = {
		requests: 0,
		list: async (window) => {
			recorder.requests += 1;
			const events = (await seam.events.list({
				...window,
				...(options.eventTypes ? { event_types: options.eventTypes } : {}),
			} as Parameters<typeof seam.events.list>[0])) as unknown as ListedEvent[];
			return options.cap === undefined ? events : events.slice(0, options.cap);
		},
	};
	return recorder;
}

/** n8n keeps the state in its database: every poll starts from a JSON copy (a restart). */
const restart = (state: CursorState): CursorState => {
	const parsed = parseCursorState(JSON.parse(JSON.stringify(state)));
	if (!parsed) throw new Error('the stored state did not parse');
	return parsed;
};

const at = (msAgo: number) => new Date(Date.now() - msAgo);

class Consumer {
	state!: CursorState;
	readonly emitted: ListedEvent[] = [];
	polls = 0;
	largestState = 0;

	constructor(
		private readonly list: ListEvents,
		readonly settings: CursorSettings,
	) {}

	async start(): Promise<void> {
		this.state = restart(await startCursor(this.list, Date.now(), this.settings));
	}

	async poll(): Promise<ListedEvent[]> {
		const { state, events } = await advanceCursor(this.state, this.list, this.settings);
		// Within a poll, oldest first.
		const times = events.map((event) => Date.parse(String(event.created_at)));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		this.state = restart(state);
		this.largestState = Math.max(this.largestState, Object.keys(this.state.seen).length);
		this.emitted.push(...events);
		this.polls += 1;
		return events;
	}

	/** Polls until a poll finds nothing and no backlog is left (bounded). */
	async drain(maxPolls = 500): Promise<void> {
		for (let poll = 0; poll < maxPolls; poll += 1) {
			const events = await this.poll();
			if (events.length === 0 && !this.state.backlog) return;
		}
		throw new Error(`Not drained after ${maxPolls} polls`);
	}

	expectExactly(expected: Array<{ event_id: string }>): void {
		const ids = this.emitted.map((event) => event.event_id);
		expect(new Set(ids).size).toBe(ids.length); // nothing twice
		expect(ids.sort()).toEqual(expected.map((event) => event.event_id).sort()); // nothing lost
	}
}

const SMALL: CursorSettings = {
	pageSize: 25,
	maxRequests: 8,
	overlapMs: 60_000,
	maxSeen: 400,
	maxPollMs: 45_000,
};

/**
 * Bursts need what the defaults have (500 ids remembered, 5,000 events a poll): a poll that can
 * read well beyond what the overlap remembers. Where it cannot (SMALL: 400 remembered, 200 a
 * poll, less after page-boundary re-reads), a poll that first finishes a backlog may stop its
 * read of the new events at the same place every time and never drain.
 */
const BURSTS: CursorSettings = { ...SMALL, maxSeen: 100, maxRequests: 16 };

test('thousands of events in bursts, hundreds per millisecond, tiny pages and budgets, a restart every poll', async () => {
	sandbox.emitEvents(40, 'lock.unlocked', { at: at(20_000) }); // before activation: never emitted
	const consumer = new Consumer(lister().list, BURSTS);
	await consumer.start();

	const expected: Array<{ event_id: string }> = [];
	for (let round = 0; round < 10; round += 1) {
		// A burst sharing one millisecond (more than a page, more than a poll's budget of pages)...
		expected.push(...sandbox.emitEvents(230 + round * 7, 'lock.unlocked', { at: new Date() }));
		// ...events one by one (often the same millisecond by chance)...
		for (let single = 0; single < 60; single += 1) {
			expected.push(sandbox.emitEvent(single % 2 ? 'lock.locked' : 'device.disconnected'));
		}
		// ...and another burst in the next millisecond.
		await new Promise((resolve) => setTimeout(resolve, 2));
		expected.push(...sandbox.emitEvents(40, 'lock.access_denied', { at: new Date() }));
		// A poll or two between rounds: the rest waits in the backlog.
		await consumer.poll();
		if (round % 2 === 0) await consumer.poll();
	}
	await consumer.drain();

	expect(expected.length).toBeGreaterThan(3000);
	consumer.expectExactly(expected);
	expect(consumer.state.backlog).toBeUndefined();
	// Bounded state: the overlap's ids, the previous overlap's and a page at the backlog's edge.
	expect(consumer.largestState).toBeLessThanOrEqual(2 * BURSTS.maxSeen + BURSTS.pageSize);
	expect(JSON.stringify(consumer.state).length).toBeLessThan(
		(2 * BURSTS.maxSeen + BURSTS.pageSize) * 60,
	);
	// Every poll respected its request budget.
	const perPoll = sandbox.requests.length / (consumer.polls + 1);
	expect(perPoll).toBeLessThanOrEqual(BURSTS.maxRequests);
});

test('a millisecond holding more events than several pages, across the page and budget boundaries', async () => {
	const consumer = new Consumer(lister().list, { ...SMALL, pageSize: 10, maxRequests: 3 });
	await consumer.start();
	const before = sandbox.emitEvents(5, 'lock.locked', { at: at(3) });
	const tie = sandbox.emitEvents(97, 'lock.unlocked', { at: at(2) });
	const after = sandbox.emitEvents(5, 'lock.locked', { at: at(1) });
	await consumer.drain();
	consumer.expectExactly([...before, ...tie, ...after]);
	expect(consumer.polls).toBeGreaterThan(5); // the budget forced a backlog through many polls
});

test('Seam capping `limit` below what was asked: nothing is lost (completion never trusts a short page)', async () => {
	const consumer = new Consumer(lister({ cap: 7 }).list, {
		...SMALL,
		pageSize: 500,
		maxRequests: 30,
	});
	await consumer.start();
	const events = [
		...sandbox.emitEvents(60, 'lock.unlocked', { at: at(5) }),
		...sandbox.emitEvents(30, 'lock.locked'),
	];
	await consumer.drain();
	consumer.expectExactly(events);
});

test('a slow Seam: a poll stops starting requests after maxPollMs, the rest waits in the backlog', async () => {
	const slow = lister();
	const slowList: ListEvents = async (window) => {
		await new Promise((resolve) => setTimeout(resolve, 40));
		return await slow.list(window);
	};
	const settings = { ...SMALL, pageSize: 10, maxRequests: 1000, maxPollMs: 150 };
	const consumer = new Consumer(slowList, settings);
	await consumer.start();
	const events = sandbox.emitEvents(120, 'lock.unlocked');
	slow.requests = 0;
	const started = Date.now();
	await consumer.poll();
	expect(Date.now() - started).toBeLessThan(1000);
	expect(slow.requests).toBeLessThanOrEqual(6);
	expect(consumer.state.backlog).toBeDefined();
	await consumer.drain();
	consumer.expectExactly(events);
});

test('events that become visible late (created earlier than events already seen) are caught within the overlap', async () => {
	const consumer = new Consumer(lister().list, SMALL);
	await consumer.start();
	const first = sandbox.emitEvents(3, 'lock.unlocked');
	expect(await consumer.poll()).toHaveLength(3);
	// Listed only now, but created 20 s ago: before the events the last poll handled.
	const late = sandbox.emitEvent('lock.access_denied', {}, { at: at(20_000) });
	const newest = Date.parse(String(first[2].created_at));
	const sameMsAsLast = sandbox.emitEvent('lock.locked', {}, { at: new Date(newest) });
	// Exactly one overlap before the newest handled event: the window's inclusive lower edge.
	const atEdge = sandbox.emitEvent('lock.locked', {}, { at: new Date(newest - SMALL.overlapMs) });
	const polled = await consumer.poll();
	expect(polled.map((event) => event.event_id)).toEqual([
		atEdge.event_id,
		late.event_id,
		sameMsAsLast.event_id,
	]);
	await consumer.drain();
	consumer.expectExactly([...first, late, sameMsAsLast, atEdge]);
});

test('nothing new: a poll costs one request once the overlap is empty, and emits nothing', async () => {
	const recorder = lister();
	const consumer = new Consumer(recorder.list, SMALL);
	await consumer.start();
	recorder.requests = 0;
	expect(await consumer.poll()).toEqual([]);
	expect(recorder.requests).toBe(1);
});

test("the event-type filter is Seam's: other types never reach the cursor", async () => {
	const consumer = new Consumer(lister({ eventTypes: ['access_method.issued'] }).list, SMALL);
	await consumer.start();
	sandbox.emitEvents(5, 'lock.unlocked');
	const wanted = sandbox.emitEvents(3, 'access_method.issued');
	await consumer.drain();
	consumer.expectExactly(wanted);
});

/**
 * /events/list over rows kept here, with the sandbox's (and Seam's fake's) semantics: created_at
 * inside the open window, newest first, later rows first within a millisecond, then
 * `unstable_offset` and `limit`. A row may repeat an event_id: Seam listing one event twice.
 */
function rowsLister(rows: ListedEvent[]): ListEvents {
	return async (window) => {
		const [after, before] = window.between
			? window.between.map((time) => Date.parse(time))
			: [Date.parse(window.since!), Infinity];
		const offset = window.unstable_offset ?? 0;
		return rows
			.map((event, seq) => ({ event, seq, time: Date.parse(String(event.created_at)) }))
			.filter(({ time }) => time > after && time < before)
			.sort((a, b) => b.time - a.time || b.seq - a.seq)
			.slice(offset, offset + window.limit)
			.map(({ event }) => ({ ...event }));
	};
}

function listedEvent(time: number): ListedEvent {
	return {
		event_id: randomUUID(),
		event_type: 'lock.unlocked',
		created_at: new Date(time).toISOString(),
	};
}

test('the same event listed twice, in one page, across pages and polls: emitted once', async () => {
	const rows: ListedEvent[] = [];
	// Pages of 7 with a 3-request budget: pairs straddle page boundaries and polls (backlogs).
	const consumer = new Consumer(rowsLister(rows), { ...SMALL, pageSize: 7, maxRequests: 3 });
	await consumer.start();
	const burstAt = Date.now() - 5_000;
	const burst = Array.from({ length: 30 }, () => listedEvent(burstAt)); // one millisecond
	const singles = Array.from({ length: 20 }, (_, index) => listedEvent(burstAt + 1 + index));
	for (const event of [...burst, ...singles]) rows.push(event, { ...event });
	await consumer.drain();
	consumer.expectExactly([...burst, ...singles]);
});

test('an event listed again in a later poll, within the lookback window: not emitted again', async () => {
	const rows: ListedEvent[] = [];
	const consumer = new Consumer(rowsLister(rows), SMALL);
	await consumer.start();
	const first = listedEvent(Date.now() - 2_000);
	rows.push(first);
	expect(await consumer.poll()).toEqual([first]);
	// Seam lists it again (same event_id and created_at), next to a new event.
	const next = listedEvent(Date.now() - 1_000);
	rows.push({ ...first }, next);
	expect(await consumer.poll()).toEqual([next]);
	rows.push({ ...first }, { ...next });
	expect(await consumer.poll()).toEqual([]);
	consumer.expectExactly([first, next]);
});

test('latestEvent: the newest event a predicate accepts, looking back through pages', async () => {
	const target = sandbox.emitEvent('lock.unlocked', {
		device_id: '66666666-6666-4666-8666-000000000002',
	});
	sandbox.emitEvents(30, 'lock.unlocked');
	const found = await latestEvent(
		lister().list,
		Date.now() - 60_000,
		(event) => event.device_id === '66666666-6666-4666-8666-000000000002',
		{ ...SMALL, pageSize: 10 },
	);
	expect(found?.event_id).toBe(target.event_id);
	expect(
		await latestEvent(lister().list, Date.now() - 60_000, () => false, { ...SMALL, pageSize: 10 }),
	).toBeUndefined();
});

test('a stored state this version does not understand is refused (the trigger starts over)', () => {
	expect(parseCursorState(undefined)).toBeUndefined();
	expect(parseCursorState({ version: 2, newest: 1, floor: 1, seen: {} })).toBeUndefined();
	expect(parseCursorState({ version: 1, newest: '1', floor: 1, seen: {} })).toBeUndefined();
	expect(parseCursorState({ version: 1, newest: 1, floor: 1, seen: { a: 'x' } })).toBeUndefined();
	expect(
		parseCursorState({ version: 1, newest: 1, floor: 1, seen: {}, backlog: { from: 5, to: 5 } }),
	).toBeUndefined();
	expect(
		parseCursorState({
			version: 1,
			newest: 2,
			floor: 1,
			seen: { a: 2 },
			backlog: { from: 1, to: 2 },
		}),
	).toEqual({
		version: 1,
		newest: 2,
		floor: 1,
		seen: { a: 2 },
		backlog: { from: 1, to: 2 },
	});
});
