import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	accessGrantLocator,
	deviceLocator,
	entranceLocator,
	spaceLocator,
} from '../../descriptions/locators';
import { readReturnLimit, returnAllOrLimit } from '../../descriptions/returnAll';
import { readId } from '../../helpers/ids';
import { applyLimit } from '../../helpers/paginate';
import type { SeamApi } from '../../transport/client';
import type { SeamClient, SeamParams } from '../../transport/sdk';

const FILTERS = {
	accessGrant: { field: 'Access Grant', parameter: 'accessGrantId', param: 'access_grant_id' },
	device: { field: 'Device', parameter: 'deviceId', param: 'device_id' },
	entrance: { field: 'Entrance', parameter: 'entranceId', param: 'acs_entrance_id' },
	space: { field: 'Space', parameter: 'spaceId', param: 'space_id' },
} as const;

const properties: INodeProperties[] = [
	{
		displayName: 'List By',
		name: 'listBy',
		type: 'options',
		options: [
			{
				name: 'Access Grant',
				value: 'accessGrant',
				description: 'The PIN codes, cards and mobile keys of one grant (seed step 3)',
			},
			{ name: 'Device', value: 'device' },
			{ name: 'Entrance', value: 'entrance' },
			{ name: 'Space', value: 'space' },
		],
		default: 'accessGrant',
	},
	accessGrantLocator({ displayOptions: { show: { listBy: ['accessGrant'] } } }),
	deviceLocator({ displayOptions: { show: { listBy: ['device'] } } }),
	entranceLocator({ displayOptions: { show: { listBy: ['entrance'] } } }),
	spaceLocator({ displayOptions: { show: { listBy: ['space'] } } }),
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['accessMethod'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const listBy = this.getNodeParameter('listBy', i) as keyof typeof FILTERS;
	const { field, parameter, param } = FILTERS[listBy];
	const id = readId(this, parameter, field, i);
	const params = { [param]: id } as unknown as SeamParams<SeamClient['accessMethods']['list']>;
	const methods = await api.call((seam) => seam.accessMethods.list(params), i);
	return applyLimit(methods as unknown as IDataObject[], readReturnLimit(this, i));
}
