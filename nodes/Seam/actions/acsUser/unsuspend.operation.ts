import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { acsUserLocator } from '../../descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../transport/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['acsUser'], operation: ['unsuspend'] } },
	[acsUserLocator()],
);

/** Returns the user afterwards, so the workflow can check `is_suspended`. */
export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const acs_user_id = readForm(this, i).id({ name: 'acsUserId', label: 'ACS User' });
	await api.call((seam) => seam.acs.users.unsuspend({ acs_user_id }), i);
	return (await api.call((seam) => seam.acs.users.get({ acs_user_id }), i)) as IDataObject;
}
