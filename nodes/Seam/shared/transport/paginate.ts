import type { IDataObject } from 'n8n-workflow';

import { MAX_LIMIT, type ReturnLimit } from '../parameters';
import type { SeamApi } from './client';
import type { SeamClient } from './sdk';

type Pagination = Awaited<ReturnType<ReturnType<SeamClient['createPaginator']>['firstPage']>>[1];
type Page = Promise<readonly [readonly unknown[], Pagination]>;

/** What listPaginated needs of the SDK's SeamPaginator, whatever it lists. */
export interface PageReader {
	firstPage(): Page;
	nextPage(cursor: Pagination['nextPageCursor']): Page;
}

/**
 * Reads a paginated Seam list, page by page, stopping as soon as `limit` items are in hand.
 * `makeReader` receives the page size to ask for and returns `seam.createPaginator(<list request>)`.
 */
export async function listPaginated(
	api: SeamApi,
	itemIndex: number,
	{ returnAll, limit }: ReturnLimit,
	makeReader: (seam: SeamClient, pageSize: number) => PageReader,
): Promise<IDataObject[]> {
	const pageSize = returnAll ? MAX_LIMIT : Math.min(Math.max(limit, 1), MAX_LIMIT);
	return await api.call(async (seam) => {
		const paginator = makeReader(seam, pageSize);
		const results: IDataObject[] = [];
		let [page, pagination] = await paginator.firstPage();
		results.push(...(page as unknown as IDataObject[]));
		while (
			pagination.hasNextPage &&
			pagination.nextPageCursor &&
			(returnAll || results.length < limit)
		) {
			[page, pagination] = await paginator.nextPage(pagination.nextPageCursor);
			results.push(...(page as unknown as IDataObject[]));
		}
		return returnAll ? results : results.slice(0, limit);
	}, itemIndex);
}

export function applyLimit<T>(items: readonly T[], { returnAll, limit }: ReturnLimit): T[] {
	return returnAll ? [...items] : items.slice(0, limit);
}

/**
 * A list with an optional filter Seam cannot apply server-side (e.g. a capability flag). Without
 * `keep` it pages only as far as the limit needs; with it, it reads every page, keeps the
 * matches, then applies the user's limit.
 */
export async function listMatching(
	api: SeamApi,
	itemIndex: number,
	limits: ReturnLimit,
	makeReader: (seam: SeamClient, pageSize: number) => PageReader,
	keep?: (thing: IDataObject) => boolean,
): Promise<IDataObject[]> {
	if (!keep) return await listPaginated(api, itemIndex, limits, makeReader);
	const all = await listPaginated(api, itemIndex, { returnAll: true, limit: 0 }, makeReader);
	return applyLimit(all.filter(keep), limits);
}
