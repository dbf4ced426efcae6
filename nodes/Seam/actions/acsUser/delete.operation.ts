import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { acsUserLocator } from '../../shared/descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Delete a user and invalidate their credentials',
	action: 'Delete an ACS user',
};

export const properties: INodeProperties[] = [
	acsUserLocator({ description: 'The user to delete. Their credentials stop working.' }),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const acs_user_id = readForm(this, i).id({ name: 'acsUserId', label: 'ACS User' });
	await api.call((seam) => seam.acs.users.delete({ acs_user_id }), i);
	return { deleted: true, acs_user_id };
}
