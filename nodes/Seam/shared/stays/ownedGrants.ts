import type { IDataObject } from 'n8n-workflow';

import type { SeamApi } from '../transport/client';

/**
 * Every Access Grant a sync owns: those whose reservation_key starts with its prefix, grouped by
 * reservation_key, newest first. Seam cannot filter by a prefix, so the workspace's grants are
 * read page by page (500 a page): a handful of requests for a thousand stays, however many of
 * them change.
 */
export async function ownedGrants(
	api: SeamApi,
	prefix: string,
	i: number,
): Promise<Map<string, IDataObject[]>> {
	const grants = (await api.call(
		(seam) => seam.createPaginator(seam.accessGrants.list({ limit: 500 })).flattenToArray(),
		i,
	)) as unknown as IDataObject[];
	const owned = new Map<string, IDataObject[]>();
	for (const grant of grants) {
		const key = grant.reservation_key;
		if (typeof key !== 'string' || !key.startsWith(prefix)) continue;
		owned.set(key, [...(owned.get(key) ?? []), grant]);
	}
	for (const list of owned.values()) {
		list.sort((a, b) => Date.parse(String(b.created_at)) - Date.parse(String(a.created_at)));
	}
	return owned;
}
