import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, SEARCH_FILTER, searchFilter } from '../../shared/descriptions/filters';
import { spaceLocator } from '../../shared/descriptions/locators';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { listMatching } from '../../shared/transport/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List smart locks and other devices, with their capabilities',
	action: 'Get many devices',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			'Each device carries <code>can_program_online_access_codes</code>: whether Seam can program a PIN code on it.',
		name: 'deviceNotice',
		type: 'notice',
		default: '',
	},
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'PIN Capable Only',
			name: 'pinCapable',
			type: 'boolean',
			default: true,
			description: 'Whether to return only devices that can take online PIN codes',
		},
		searchFilter('Only devices whose name contains this text'),
		spaceLocator({ required: false, description: 'Only the devices of this space' }),
	]),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const params: SeamParams<SeamClient['devices']['list']> = {};
	const search = form.text(SEARCH_FILTER);
	const space_id = form.optionalId({ name: 'filters.spaceId', label: 'Space' });
	// Not added to Filters: every device, as the switch's default only applies once it is added.
	const pinCapable = form.boolean({ name: 'filters.pinCapable', label: 'PIN Capable Only' }, false);
	if (search) params.search = search;
	if (space_id) params.space_id = space_id;
	return await listMatching(
		api,
		i,
		form.returnLimit(),
		(seam, limit) => seam.createPaginator(seam.devices.list({ ...params, limit })),
		pinCapable ? (thing) => thing.can_program_online_access_codes === true : undefined,
	);
}
