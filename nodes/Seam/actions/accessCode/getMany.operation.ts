import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { LOCK } from '../../shared/accessCodes/pickedCode';
import { withSetFlag } from '../../shared/accessCodes/setOnLock';
import { filtersCollection, SEARCH_FILTER, searchFilter } from '../../shared/descriptions/filters';
import { lockWithCodesLocator } from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import { listPaginated } from '../../shared/transport/paginate';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get Many',
	description:
		'List the access codes set on a lock through Seam, each with its PIN, validity and is_set_on_lock',
	action: 'Get many access codes of a lock',
};

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	lockWithCodesLocator({ description: 'The lock whose access codes to list' }),
	...returnAllOrLimit,
	filtersCollection([searchFilter('Only codes whose name, code or ID contains this text')]),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const device_id = form.id(LOCK);
	const search = form.text(SEARCH_FILTER);
	const codes = await listPaginated(api, i, form.returnLimit(), (seam, limit) =>
		seam.createPaginator(
			seam.accessCodes.list({ device_id, limit, ...(search ? { search } : {}) }),
		),
	);
	return codes.map(withSetFlag);
}
