import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readReturnLimit, returnAllOrLimit } from '../../descriptions/returnAll';
import { listMatching } from '../../helpers/paginate';
import type { SeamApi } from '../../transport/client';
import type { SeamClient, SeamParams } from '../../transport/sdk';

const properties: INodeProperties[] = [
	{
		displayName:
			'Each device carries <code>can_program_online_access_codes</code>: whether Seam can program a PIN code on it.',
		name: 'deviceNotice',
		type: 'notice',
		default: '',
	},
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
				description: 'Only devices whose name contains this text',
			},
			{
				displayName: 'Space ID',
				name: 'spaceId',
				type: 'string',
				default: '',
				description: 'Only the devices of this space',
			},
			{
				displayName: 'PIN Capable Only',
				name: 'pinCapable',
				type: 'boolean',
				default: true,
				description: 'Whether to return only devices that can take online PIN codes',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const f = this.getNodeParameter('filters', i, {}) as {
		search?: string;
		spaceId?: string;
		pinCapable?: boolean;
	};
	const params: SeamParams<SeamClient['devices']['list']> = {};
	if (f.search?.trim()) params.search = f.search.trim();
	if (f.spaceId?.trim()) params.space_id = f.spaceId.trim();
	return await listMatching(
		api,
		i,
		readReturnLimit(this, i),
		(seam, limit) => seam.createPaginator(seam.devices.list({ ...params, limit })),
		f.pinCapable ? (thing) => thing.can_program_online_access_codes === true : undefined,
	);
}
