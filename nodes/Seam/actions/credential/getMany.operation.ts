import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { acsSystemLocator, acsUserLocator } from '../../descriptions/locators';
import { readReturnLimit, returnAllOrLimit } from '../../descriptions/returnAll';
import { readId, readOptionalId } from '../../helpers/ids';
import { listPaginated } from '../../helpers/paginate';
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
	const acs_system_id = readId(this, 'acsSystemId', 'ACS System', i);
	const acs_user_id = readOptionalId(this, 'acsUserId', 'ACS User', i);
	return await listPaginated(api, i, readReturnLimit(this, i), (seam, limit) =>
		seam.createPaginator(
			seam.acs.credentials.list(
				acs_user_id ? { acs_system_id, acs_user_id, limit } : { acs_system_id, limit },
			),
		),
	);
}
