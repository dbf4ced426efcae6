import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { acsUserLocator } from '../../shared/descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Unsuspend',
	description: "Restore a suspended user's access",
	action: 'Unsuspend an ACS user',
};

export const properties: INodeProperties[] = [acsUserLocator()];

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
