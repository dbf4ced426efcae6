import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, SEARCH_FILTER, searchFilter } from '../../shared/descriptions/filters';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { listPaginated } from '../../shared/transport/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List spaces (groups of devices and entrances, e.g. a unit)',
	action: 'Get many spaces',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([searchFilter('Only spaces whose name contains this text')]),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const search = form.text(SEARCH_FILTER);
	return await listPaginated(api, i, form.returnLimit(), (seam, limit) =>
		seam.createPaginator(seam.spaces.list(search ? { search, limit } : { limit })),
	);
}
