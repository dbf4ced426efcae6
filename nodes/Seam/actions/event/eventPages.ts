import type { IDataObject } from 'n8n-workflow';

import type { EventWindow } from '../../polling/eventCursor';
import { MAX_LIMIT, type ReturnLimit } from '../../shared/parameters';

/** The time range to list, as Seam takes it: `since` (open upper end) or `between`. */
export interface EventRange {
	/** Events created after this instant (exclusive, as Seam reads it). */
	after: string;
	/** Events created before this instant (exclusive); none: up to now. */
	before?: string;
}

/** One /events/list request: the range and the page, without the caller's filters. */
export type { EventWindow };

export type ReadEvents = (window: EventWindow) => Promise<IDataObject[]>;

const createdAt = (event: IDataObject): number => Date.parse(String(event.created_at));

/**
 * The events of a range, newest first as Seam lists them, up to the limit. /events/list has no
 * page cursor, so this pages backwards in time as the polling trigger does: after each page the
 * upper bound moves to just past the page's oldest millisecond, and `unstable_offset` skips the
 * events of that millisecond already listed. The upper bound is fixed after the first page, so
 * events that happen while reading do not shift the pages. A range ends with a page that lists
 * nothing new: a short page proves nothing, as Seam may cap `limit` below what was asked.
 */
export async function readEventsNewestFirst(
	read: ReadEvents,
	range: EventRange,
	{ returnAll, limit }: ReturnLimit,
): Promise<IDataObject[]> {
	const pageSize = returnAll ? MAX_LIMIT : Math.min(Math.max(limit, 1), MAX_LIMIT);
	const events: IDataObject[] = [];
	const listed = new Set<string>();
	let before = range.before;
	let offset = 0;
	for (;;) {
		const window: EventWindow =
			before === undefined
				? { since: range.after, limit: pageSize }
				: { between: [range.after, before], limit: pageSize };
		if (offset > 0) window.unstable_offset = offset;
		const page = await read(window);
		let fresh = 0;
		for (const event of page) {
			const id = String(event.event_id);
			if (listed.has(id)) continue;
			listed.add(id);
			fresh += 1;
			events.push(event);
			if (!returnAll && events.length >= limit) return events;
		}
		if (fresh === 0) return events;
		const times = page.map(createdAt);
		if (times.some(Number.isNaN)) {
			// Without times the range cannot be narrowed: walk on by offset alone.
			offset += page.length;
			continue;
		}
		const oldest = Math.min(...times);
		const nextBefore = new Date(oldest + 1).toISOString();
		const atOldest = times.filter((time) => time === oldest).length;
		offset = (nextBefore === before ? offset : 0) + atOldest;
		before = nextBefore;
	}
}
