import {
	advanceCursor,
	DEFAULT_CURSOR_SETTINGS,
	type EventWindow,
	type ListedEvent,
	type ListEvents,
	startCursor,
} from '../../nodes/Seam/polling/eventCursor';
import type { BenchContext } from './context';
import { spread } from './stats';
import { type BenchRow, ms, noise, times } from './table';
import { type BenchTarget, startBenchTarget } from './target';

// Row 6 (informational): a burst of new events through the polling trigger's cursor (every
// event exactly once, across polls, with its budget per poll and its re-reads of the overlap),
// against reading the same events once with the SDK. Both read /events/list through the latency
// proxy with the cursor's page size. Seam's /events/list has no page cursor, so the SDK's
// paginator refuses it; the baseline pages with `unstable_offset`, as a script would.

const EVENTS = 10_000;
const PAGE = DEFAULT_CURSOR_SETTINGS.pageSize;
const MAX_POLLS = 10;

function listVia(target: BenchTarget, requests: { count: number }): ListEvents {
	return async (window: EventWindow) => {
		requests.count += 1;
		// The SDK's types want unstable_offset always; Seam takes it as optional.
		const parameters = window as Parameters<BenchTarget['seam']['events']['list']>[0];
		return (await target.seam.events.list(parameters)) as unknown as ListedEvent[];
	};
}

interface Sample {
	cursorMs: number;
	cursorRequests: number;
	polls: number;
	sdkMs: number;
	sdkRequests: number;
}

async function sample(target: BenchTarget): Promise<Sample> {
	await target.reset();
	const cursorRequests = { count: 0 };
	const list = listVia(target, cursorRequests);
	// The trigger was activated before the burst: nothing before it is emitted.
	let state = await startCursor(list, Date.now());
	const since = new Date(Date.now() - 1).toISOString();
	await target.emitEvents(EVENTS, 'device.connected');
	cursorRequests.count = 0;

	let started = performance.now();
	const seen = new Set<string>();
	let polls = 0;
	while (seen.size < EVENTS) {
		if (++polls > MAX_POLLS) throw new Error(`The cursor read ${seen.size} of ${EVENTS} events`);
		const poll = await advanceCursor(state, list);
		state = poll.state;
		for (const event of poll.events) {
			if (seen.has(event.event_id)) throw new Error(`Event ${event.event_id} emitted twice`);
			seen.add(event.event_id);
		}
	}
	const cursorMs = performance.now() - started;

	started = performance.now();
	let read = 0;
	let sdkRequests = 0;
	for (;;) {
		const page = await target.seam.events.list({ since, limit: PAGE, unstable_offset: read });
		sdkRequests += 1;
		if (page.length === 0) break;
		read += page.length;
	}
	const sdkMs = performance.now() - started;
	if (read !== EVENTS) throw new Error(`The SDK read ${read} of ${EVENTS} events`);
	return { cursorMs, cursorRequests: cursorRequests.count, polls, sdkMs, sdkRequests };
}

export async function eventCursorRow(context: BenchContext): Promise<BenchRow> {
	const target = await startBenchTarget();
	try {
		const samples: Sample[] = [];
		for (let round = 0; round < context.rounds; round++) {
			samples.push(await sample(target));
			context.progress(`event cursor: round ${round + 1}/${context.rounds}`);
		}
		const cursor = spread(samples.map((s) => s.cursorMs));
		const last = samples[samples.length - 1];
		return {
			id: '6',
			measure: `Polling: ${EVENTS.toLocaleString('en-US')} new events through the cursor (pages of ${PAGE})`,
			figure: `${ms(cursor.median)}, ${last.polls} polls, ${last.cursorRequests} requests`,
			baseline: `SDK paged read ${ms(spread(samples.map((s) => s.sdkMs)).median)}, ${last.sdkRequests} requests`,
			ratio: times(spread(samples.map((s) => s.cursorMs / s.sdkMs)).median),
			noise: noise(cursor, ms),
			target: 'informational',
			verdict: 'info',
			meaning: `The Seam Polling Trigger catches up on a burst of ${EVENTS.toLocaleString('en-US')} events in ${last.polls} polls (at most ${(DEFAULT_CURSOR_SETTINGS.pageSize * DEFAULT_CURSOR_SETTINGS.maxRequests).toLocaleString('en-US')} events each), ${ms(cursor.median)} of reading in all; none is emitted twice or lost.`,
		};
	} finally {
		await target.close();
	}
}
