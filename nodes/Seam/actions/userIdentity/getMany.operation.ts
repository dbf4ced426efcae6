import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, SEARCH_FILTER, searchFilter } from '../../shared/descriptions/filters';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { listPaginated } from '../../shared/transport/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List user identities',
	action: 'Get many user identities',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		searchFilter('Only identities whose name, email or phone number contains this text'),
	]),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const search = form.text(SEARCH_FILTER);
	return await listPaginated(api, i, form.returnLimit(), (seam, limit) =>
		seam.createPaginator(seam.userIdentities.list(search ? { search, limit } : { limit })),
	);
}
