import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userIdentityLocator } from '../../descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../transport/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['userIdentity'], operation: ['get'] } },
	[userIdentityLocator()],
);

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
