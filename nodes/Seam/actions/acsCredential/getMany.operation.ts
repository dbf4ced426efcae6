import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { acsSystemLocator, acsUserLocator } from '../../shared/descriptions/locators';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { listPaginated } from '../../shared/transport/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List the credentials of an ACS system or user',
	action: 'Get many credentials',
};

export const properties: INodeProperties[] = [
	acsSystemLocator(),
	acsUserLocator({ required: false, description: 'Only the credentials of this user. Optional.' }),
	...returnAllOrLimit,
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const acs_system_id = form.id({ name: 'acsSystemId', label: 'ACS System' });
	const acs_user_id = form.optionalId({ name: 'acsUserId', label: 'ACS User' });
	return await listPaginated(api, i, form.returnLimit(), (seam, limit) =>
		seam.createPaginator(
			seam.acs.credentials.list(
				acs_user_id ? { acs_system_id, acs_user_id, limit } : { acs_system_id, limit },
			),
		),
	);
}
