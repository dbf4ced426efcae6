import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { acsSystemLocator } from '../../descriptions/locators';
import { readReturnLimit, returnAllOrLimit } from '../../descriptions/returnAll';
import { readOptionalId } from '../../helpers/ids';
import { listMatching } from '../../helpers/paginate';
import type { SeamApi } from '../../transport/client';
import type { SeamClient, SeamParams } from '../../transport/sdk';

const properties: INodeProperties[] = [
	{
		displayName:
			'Each entrance carries <code>can_unlock_with_code</code>: whether a PIN code can open it.',
		name: 'entranceNotice',
		type: 'notice',
		default: '',
	},
	acsSystemLocator({
		required: false,
		description: 'Only entrances of this ACS system. Leave empty for all systems.',
	}),
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
				description: 'Only entrances whose name contains this text',
			},
			{
				displayName: 'Unlockable With Code Only',
				name: 'canUnlockWithCode',
				type: 'boolean',
				default: true,
				description: 'Whether to return only the entrances a PIN code can open',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['entrance'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const params: SeamParams<SeamClient['acs']['entrances']['list']> = {};
	const acs_system_id = readOptionalId(this, 'acsSystemId', 'ACS System', i);
	const filters = this.getNodeParameter('filters', i, {}) as {
		search?: string;
		canUnlockWithCode?: boolean;
	};
	if (acs_system_id) params.acs_system_id = acs_system_id;
	if (filters.search?.trim()) params.search = filters.search.trim();
	return await listMatching(
		api,
		i,
		readReturnLimit(this, i),
		(seam, limit) => seam.createPaginator(seam.acs.entrances.list({ ...params, limit })),
		filters.canUnlockWithCode ? (thing) => thing.can_unlock_with_code === true : undefined,
	);
}
