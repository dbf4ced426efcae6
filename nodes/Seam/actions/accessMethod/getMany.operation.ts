import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	accessGrantLocator,
	deviceLocator,
	entranceLocator,
	spaceLocator,
} from '../../shared/descriptions/locators';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { applyLimit } from '../../shared/transport/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';

/** For each List By choice: the locator that holds the ID, and the list filter it fills. */
const FILTERS = {
	accessGrant: { name: 'accessGrantId', label: 'Access Grant', param: 'access_grant_id' },
	device: { name: 'deviceId', label: 'Device', param: 'device_id' },
	entrance: { name: 'entranceId', label: 'Entrance', param: 'acs_entrance_id' },
	space: { name: 'spaceId', label: 'Space', param: 'space_id' },
} as const;

const LIST_BY = { name: 'listBy', label: 'List By' };

const LIST_BY_OPTIONS = [
	{
		name: 'Access Grant',
		value: 'accessGrant',
		description: 'The PIN codes, cards and mobile keys of one grant',
	},
	{ name: 'Device', value: 'device' },
	{ name: 'Entrance', value: 'entrance' },
	{ name: 'Space', value: 'space' },
];

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List the access methods of a grant, device, entrance or space',
	action: 'Get many access methods',
};

export const properties: INodeProperties[] = [
	{
		displayName: LIST_BY.label,
		name: LIST_BY.name,
		type: 'options',
		options: LIST_BY_OPTIONS,
		default: 'accessGrant',
	},
	accessGrantLocator({ displayOptions: { show: { listBy: ['accessGrant'] } } }),
	deviceLocator({ displayOptions: { show: { listBy: ['device'] } } }),
	entranceLocator({ displayOptions: { show: { listBy: ['entrance'] } } }),
	spaceLocator({ displayOptions: { show: { listBy: ['space'] } } }),
	...returnAllOrLimit,
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const filter = FILTERS[form.choice<keyof typeof FILTERS>(LIST_BY, LIST_BY_OPTIONS)];
	const params = { [filter.param]: form.id(filter) } as unknown as SeamParams<
		SeamClient['accessMethods']['list']
	>;
	const limits = form.returnLimit();
	const methods = await api.call((seam) => seam.accessMethods.list(params), i);
	return applyLimit(methods as unknown as IDataObject[], limits);
}
