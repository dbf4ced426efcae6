import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, SEARCH_FILTER, searchFilter } from '../../shared/descriptions/filters';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { applyLimit } from '../../shared/transport/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List the access control systems connected to the workspace',
	action: 'Get many ACS systems',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([searchFilter('Only systems whose name contains this text')]),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const search = form.text(SEARCH_FILTER);
	const limits = form.returnLimit();
	const systems = await api.call((seam) => seam.acs.systems.list(search ? { search } : {}), i);
	return applyLimit(systems as unknown as IDataObject[], limits);
}
