/**
 * Event → Get Many reads /events/list, which has no page cursor, backwards in time
 * (actions/event/eventPages.ts). Against a list that behaves as Seam's does (newest first, an
 * exclusive time range, `limit` capped below what was asked, `unstable_offset`), every event of
 * the range comes out once, newest first, including many events of one millisecond.
 */
import type { IDataObject } from 'n8n-workflow';

import { type EventWindow, readEventsNewestFirst } from '../../nodes/Seam/actions/event/eventPages';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

/** Events at these offsets from T0 (ms), oldest first; ids say their order: e0, e1, … */
const eventsAt = (offsets: number[]): IDataObject[] =>
	offsets.map((ms, n) => ({ event_id: `e${n}`, created_at: at(ms), event_type: 'lock.unlocked' }));

/** Seam's list: at most `cap` events a page whatever `limit` asks. Records every window. */
function seamLike(events: IDataObject[], cap: number) {
	const windows: EventWindow[] = [];
	const read = async (window: EventWindow) => {
		windows.push(window);
		const after = Date.parse(window.since ?? window.between![0]);
		const before = window.between ? Date.parse(window.between[1]) : Infinity;
		const inRange = events
			.map((event, seq) => ({ event, seq, time: Date.parse(String(event.created_at)) }))
			.filter(({ time }) => time > after && time < before)
			.sort((a, b) => b.time - a.time || b.seq - a.seq)
			.map(({ event }) => event);
		const offset = window.unstable_offset ?? 0;
		return inRange.slice(offset, offset + Math.min(window.limit, cap));
	};
	return { read, windows };
}

const ids = (events: IDataObject[]) => events.map((event) => event.event_id);

test('every event of the range once, newest first, over pages Seam cut short', async () => {
	const seam = seamLike(eventsAt([10, 20, 30, 40, 50, 60, 70]), 2);
	const events = await readEventsNewestFirst(
		seam.read,
		{ after: at(0) },
		{ returnAll: true, limit: 0 },
	);
	expect(ids(events)).toEqual(['e6', 'e5', 'e4', 'e3', 'e2', 'e1', 'e0']);
	// The first page is open-ended; then the upper bound follows the oldest event read.
	expect(seam.windows[0]).toEqual({ since: at(0), limit: 500 });
	expect(seam.windows[1]).toEqual({ between: [at(0), at(61)], limit: 500, unstable_offset: 1 });
	expect(seam.windows.at(-1)).toMatchObject({ between: [at(0), at(11)] });
});

test('many events of one millisecond are walked through with unstable_offset', async () => {
	const seam = seamLike(eventsAt([5, 20, 20, 20, 20, 20, 30]), 2);
	const events = await readEventsNewestFirst(
		seam.read,
		{ after: at(0) },
		{ returnAll: true, limit: 0 },
	);
	expect(ids(events)).toEqual(['e6', 'e5', 'e4', 'e3', 'e2', 'e1', 'e0']);
});

test('a limit stops the reading as soon as it is reached', async () => {
	const seam = seamLike(eventsAt([10, 20, 30, 40, 50]), 500);
	const events = await readEventsNewestFirst(
		seam.read,
		{ after: at(0) },
		{ returnAll: false, limit: 3 },
	);
	expect(ids(events)).toEqual(['e4', 'e3', 'e2']);
	expect(seam.windows).toEqual([{ since: at(0), limit: 3 }]);
});

test('between: only events inside the range; a short page is followed by one empty read', async () => {
	const seam = seamLike(eventsAt([10, 20, 30, 40, 50]), 500);
	const events = await readEventsNewestFirst(
		seam.read,
		{ after: at(15), before: at(45) },
		{ returnAll: false, limit: 50 },
	);
	expect(ids(events)).toEqual(['e3', 'e2', 'e1']);
	expect(seam.windows).toEqual([
		{ between: [at(15), at(45)], limit: 50 },
		{ between: [at(15), at(21)], limit: 50, unstable_offset: 1 },
	]);
});

test('nothing in the range: one request', async () => {
	const seam = seamLike(eventsAt([10]), 500);
	expect(
		await readEventsNewestFirst(seam.read, { after: at(20) }, { returnAll: true, limit: 0 }),
	).toEqual([]);
	expect(seam.windows).toHaveLength(1);
});
