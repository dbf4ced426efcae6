import { createHash } from 'node:crypto';

import { invalidInput } from './errors';

// Seam's cursor pagination: { has_next_page, next_page_cursor, next_page_url }.
// The cursor is opaque to clients; here it records the seq of the last item
// served and a hash of the filters, so a cursor reused with other filters is
// rejected instead of silently returning an unrelated page.

interface Cursor {
	after: number;
	filters: string;
}

export interface Page<T> {
	items: T[];
	pagination: {
		has_next_page: boolean;
		next_page_cursor: string | null;
		next_page_url: string | null;
	};
}

export function paginate<T extends { seq: number }>(
	items: T[],
	params: Record<string, unknown>,
	requestUrl: URL,
	defaultLimit: number,
): Page<T> {
	const { page_cursor: rawCursor, limit: rawLimit, ...filters } = params;
	const filtersHash = hashFilters(filters);
	const limit = typeof rawLimit === 'number' && rawLimit > 0 ? Math.floor(rawLimit) : defaultLimit;

	const after = rawCursor == null ? 0 : decodeCursor(rawCursor, filtersHash).after;
	const remaining = items.filter((item) => item.seq > after).sort((a, b) => a.seq - b.seq);
	const pageItems = remaining.slice(0, limit);
	const hasNextPage = remaining.length > pageItems.length;

	let nextCursor: string | null = null;
	let nextUrl: string | null = null;
	if (hasNextPage) {
		nextCursor = encodeCursor({ after: pageItems[pageItems.length - 1].seq, filters: filtersHash });
		const url = new URL(requestUrl.pathname, requestUrl.origin);
		appendSearchParams(url.searchParams, {
			...filters,
			...(rawLimit == null ? {} : { limit: rawLimit }),
		});
		url.searchParams.set('page_cursor', nextCursor);
		url.searchParams.sort();
		nextUrl = url.toString();
	}

	return {
		items: pageItems,
		pagination: {
			has_next_page: hasNextPage,
			next_page_cursor: nextCursor,
			next_page_url: nextUrl,
		},
	};
}

function hashFilters(filters: Record<string, unknown>): string {
	const canonical = JSON.stringify(
		Object.keys(filters)
			.sort()
			.map((key) => [key, filters[key]]),
	);
	return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

const encodeCursor = (cursor: Cursor): string =>
	Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(raw: unknown, filtersHash: string): Cursor {
	const bad = (message: string) => invalidInput({ page_cursor: message });
	if (typeof raw !== 'string') throw bad('page_cursor must be a string');
	let cursor: unknown;
	try {
		cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
	} catch {
		throw bad('page_cursor is not a cursor returned by this endpoint');
	}
	const { after, filters } = (cursor ?? {}) as Partial<Cursor>;
	if (typeof after !== 'number' || typeof filters !== 'string') {
		throw bad('page_cursor is not a cursor returned by this endpoint');
	}
	if (filters !== filtersHash)
		throw bad('page_cursor was issued for a request with different filters');
	return { after, filters };
}

// Same encoding as @seamapi/url-search-params-serializer for the flat
// parameters list endpoints take: arrays as repeated keys, `key=` for [].
function appendSearchParams(
	search: URLSearchParams,
	params: Record<string, unknown>,
	prefix = '',
): void {
	for (const [key, value] of Object.entries(params)) {
		const name = `${prefix}${key}`;
		if (value === undefined) continue;
		if (Array.isArray(value)) {
			if (value.length === 0) search.append(name, '');
			for (const item of value) search.append(name, String(item));
		} else if (value !== null && typeof value === 'object') {
			appendSearchParams(search, value as Record<string, unknown>, `${name}.`);
		} else {
			search.append(name, value === null ? '' : String(value));
		}
	}
}
