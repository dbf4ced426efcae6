import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { acsSystemLocator } from '../../descriptions/locators';
import { readReturnLimit, returnAllOrLimit } from '../../descriptions/returnAll';
import { readId } from '../../helpers/ids';
import { applyLimit } from '../../helpers/paginate';
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
	const acs_system_id = readId(this, 'acsSystemId', 'ACS System', i);
	const search = (this.getNodeParameter('search', i, '') as string).trim();
	const groups = await api.call(
		(seam) => seam.acs.accessGroups.list(search ? { acs_system_id, search } : { acs_system_id }),
		i,
	);
	return applyLimit(groups as unknown as IDataObject[], readReturnLimit(this, i));
}
