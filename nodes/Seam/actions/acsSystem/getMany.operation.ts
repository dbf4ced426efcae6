import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../descriptions/returnAll';
import { applyLimit } from '../../helpers/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../transport/client';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only systems whose name contains this text',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['acsSystem'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const search = form.text({ name: 'filters.search', label: 'Search' });
	const limits = form.returnLimit();
	const systems = await api.call((seam) => seam.acs.systems.list(search ? { search } : {}), i);
	return applyLimit(systems as unknown as IDataObject[], limits);
}
