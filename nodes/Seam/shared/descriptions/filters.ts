import type { INodeProperties } from 'n8n-workflow';

import type { Field } from '../parameters';

/**
 * The Filters collection every Get Many shows after Return All / Limit: what narrows a list is
 * always in the same place. Options are given in name order, as n8n lists them.
 */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}

/** Seam's `search` parameter of a list, worded for what it matches in that list. */
export function searchFilter(description: string): INodeProperties {
	return { displayName: 'Search', name: 'search', type: 'string', default: '', description };
}

/** Where a Get Many's search text is read from. */
export const SEARCH_FILTER: Field = { name: 'filters.search', label: 'Search' };
