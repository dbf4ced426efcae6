import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { acsUserLocator } from '../../descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../transport/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['acsUser'], operation: ['delete'] } },
	[acsUserLocator({ description: 'The user to delete. Their credentials stop working.' })],
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const acs_user_id = readForm(this, i).id({ name: 'acsUserId', label: 'ACS User' });
	await api.call((seam) => seam.acs.users.delete({ acs_user_id }), i);
	return { deleted: true, acs_user_id };
}
