import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, SEARCH_FILTER, searchFilter } from '../../shared/descriptions/filters';
import { spaceLocator } from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { isLock, lockSummary } from '../../shared/locks/lockSummary';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import { listMatching } from '../../shared/transport/paginate';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get Many',
	description:
		'List smart locks, each with whether it is locked and online, its battery and its PIN code capabilities',
	action: 'Get many locks',
};

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	...returnAllOrLimit,
	filtersCollection([
		searchFilter('Only locks whose name contains this text'),
		spaceLocator({ required: false, description: 'Only the locks of this space (e.g. a unit)' }),
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
	if (search) params.search = search;
	if (space_id) params.space_id = space_id;
	// Seam's devices list, kept to locks: it pages and searches, which the SDK's locks list does not.
	const locks = await listMatching(
		api,
		i,
		form.returnLimit(),
		(seam, limit) => seam.createPaginator(seam.devices.list({ ...params, limit })),
		isLock,
	);
	return locks.map(lockSummary);
}
