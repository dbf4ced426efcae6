import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userIdentityLocator } from '../../shared/descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a user identity',
	action: 'Get a user identity',
};

export const properties: INodeProperties[] = [userIdentityLocator()];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const user_identity_id = readForm(this, i).id({ name: 'userIdentityId', label: 'User Identity' });
	return (await api.call(
		(seam) => seam.userIdentities.get({ user_identity_id }),
		i,
	)) as IDataObject;
}
