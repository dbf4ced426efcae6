import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userIdentityLocator } from '../../descriptions/locators';
import { readReturnLimit, returnAllOrLimit } from '../../descriptions/returnAll';
import { readOptionalId } from '../../helpers/ids';
import { listPaginated } from '../../helpers/paginate';
import type { SeamApi } from '../../transport/client';
import type { SeamClient, SeamParams } from '../../transport/sdk';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	userIdentityLocator({
		required: false,
		description: 'Only the grants of this person. Optional.',
	}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Access Grant Key', name: 'accessGrantKey', type: 'string', default: '' },
			{
				displayName: 'Device ID',
				name: 'deviceId',
				type: 'string',
				default: '',
				description: 'Only grants covering this device',
			},
			{
				displayName: 'Entrance ID',
				name: 'entranceId',
				type: 'string',
				default: '',
				description: 'Only grants covering this ACS entrance',
			},
			{
				displayName: 'Space ID',
				name: 'spaceId',
				type: 'string',
				default: '',
				description: 'Only grants covering this space',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['accessGrant'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const params: SeamParams<SeamClient['accessGrants']['list']> = {};
	const user_identity_id = readOptionalId(this, 'userIdentityId', 'User Identity', i);
	const f = this.getNodeParameter('filters', i, {}) as {
		accessGrantKey?: string;
		deviceId?: string;
		entranceId?: string;
		spaceId?: string;
	};
	if (user_identity_id) params.user_identity_id = user_identity_id;
	if (f.accessGrantKey?.trim()) params.access_grant_key = f.accessGrantKey.trim();
	if (f.deviceId?.trim()) params.device_id = f.deviceId.trim();
	if (f.entranceId?.trim()) params.acs_entrance_id = f.entranceId.trim();
	if (f.spaceId?.trim()) params.space_id = f.spaceId.trim();
	return await listPaginated(api, i, readReturnLimit(this, i), (seam, limit) =>
		seam.createPaginator(seam.accessGrants.list({ ...params, limit })),
	);
}
