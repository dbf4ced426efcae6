import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { acsSystemLocator, acsUserLocator } from '../../descriptions/locators';
import { returnAllOrLimit } from '../../descriptions/returnAll';
import { listPaginated } from '../../helpers/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../transport/client';

const properties: INodeProperties[] = [
	acsSystemLocator(),
	acsUserLocator({ required: false, description: 'Only the credentials of this user. Optional.' }),
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['credential'], operation: ['getMany'] } },
	properties,
);

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
