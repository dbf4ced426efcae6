import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../descriptions/returnAll';
import { listPaginated } from '../../helpers/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../transport/client';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Only spaces whose name contains this text',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['space'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const search = form.text({ name: 'search', label: 'Search' });
	return await listPaginated(api, i, form.returnLimit(), (seam, limit) =>
		seam.createPaginator(seam.spaces.list(search ? { search, limit } : { limit })),
	);
}
