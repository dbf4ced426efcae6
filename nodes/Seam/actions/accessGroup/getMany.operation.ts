import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, SEARCH_FILTER, searchFilter } from '../../shared/descriptions/filters';
import { acsSystemLocator } from '../../shared/descriptions/locators';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { applyLimit } from '../../shared/transport/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List the access groups of an ACS system',
	action: 'Get many access groups',
};

export const properties: INodeProperties[] = [
	acsSystemLocator(),
	...returnAllOrLimit,
	filtersCollection([searchFilter('Only groups whose name contains this text')]),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const acs_system_id = form.id({ name: 'acsSystemId', label: 'ACS System' });
	const search = form.text(SEARCH_FILTER);
	const limits = form.returnLimit();
	const groups = await api.call(
		(seam) => seam.acs.accessGroups.list(search ? { acs_system_id, search } : { acs_system_id }),
		i,
	);
	return applyLimit(groups as unknown as IDataObject[], limits);
}
