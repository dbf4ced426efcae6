import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, SEARCH_FILTER, searchFilter } from '../../shared/descriptions/filters';
import { acsSystemLocator } from '../../shared/descriptions/locators';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { listMatching } from '../../shared/transport/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List entrances, with whether a PIN code can open each',
	action: 'Get many entrances',
};

export const properties: INodeProperties[] = [
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
	filtersCollection([
		searchFilter('Only entrances whose name contains this text'),
		{
			displayName: 'Unlockable With Code Only',
			name: 'canUnlockWithCode',
			type: 'boolean',
			default: true,
			description: 'Whether to return only the entrances a PIN code can open',
		},
	]),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const params: SeamParams<SeamClient['acs']['entrances']['list']> = {};
	const acs_system_id = form.optionalId({ name: 'acsSystemId', label: 'ACS System' });
	const search = form.text(SEARCH_FILTER);
	// Not added to Filters: every entrance, as the switch's default only applies once it is added.
	const codeOnly = form.boolean(
		{ name: 'filters.canUnlockWithCode', label: 'Unlockable With Code Only' },
		false,
	);
	if (acs_system_id) params.acs_system_id = acs_system_id;
	if (search) params.search = search;
	return await listMatching(
		api,
		i,
		form.returnLimit(),
		(seam, limit) => seam.createPaginator(seam.acs.entrances.list({ ...params, limit })),
		codeOnly ? (thing) => thing.can_unlock_with_code === true : undefined,
	);
}
