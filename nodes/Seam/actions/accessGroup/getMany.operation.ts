import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { acsSystemLocator } from '../../descriptions/locators';
import { returnAllOrLimit } from '../../descriptions/returnAll';
import { applyLimit } from '../../helpers/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../transport/client';

const properties: INodeProperties[] = [
	acsSystemLocator(),
	...returnAllOrLimit,
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Only groups whose name contains this text',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['accessGroup'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const acs_system_id = form.id({ name: 'acsSystemId', label: 'ACS System' });
	const search = form.text({ name: 'search', label: 'Search' });
	const limits = form.returnLimit();
	const groups = await api.call(
		(seam) => seam.acs.accessGroups.list(search ? { acs_system_id, search } : { acs_system_id }),
		i,
	);
	return applyLimit(groups as unknown as IDataObject[], limits);
}
