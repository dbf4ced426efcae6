import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { LOCK } from '../../shared/accessCodes/pickedCode';
import { filtersCollection, SEARCH_FILTER, searchFilter } from '../../shared/descriptions/filters';
import { lockWithCodesLocator } from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import { listPaginated } from '../../shared/transport/paginate';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get Many Unmanaged',
	description:
		'List the codes set on a lock outside Seam (on its keypad or in its own app). Convert one to manage it with Seam.',
	action: 'Get many unmanaged access codes of a lock',
};

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	lockWithCodesLocator({ description: 'The lock whose unmanaged codes to list' }),
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
	return await listPaginated(api, i, form.returnLimit(), (seam, limit) =>
		seam.createPaginator(
			seam.accessCodes.unmanaged.list({ device_id, limit, ...(search ? { search } : {}) }),
		),
	);
}
