import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { acsSystemLocator, credentialLocator } from '../../descriptions/locators';
import { readId } from '../../helpers/ids';
import type { SeamApi } from '../../transport/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['credential'], operation: ['get'] } },
	[
		acsSystemLocator({
			required: false,
			description: 'Narrows the credential list to this ACS system. Optional.',
		}),
		credentialLocator(),
	],
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const acs_credential_id = readId(this, 'credentialId', 'Credential', i);
	return (await api.call(
		(seam) => seam.acs.credentials.get({ acs_credential_id }),
		i,
	)) as IDataObject;
}
