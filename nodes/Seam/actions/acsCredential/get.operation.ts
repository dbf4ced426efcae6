import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { acsSystemLocator, credentialLocator } from '../../shared/descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a credential, with its PIN code',
	action: 'Get a credential',
};

export const properties: INodeProperties[] = [
	acsSystemLocator({
		required: false,
		description: 'Narrows the credential list to this ACS system. Optional.',
	}),
	credentialLocator(),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	// ACS System only narrows the Credential list in the editor and is not sent; a value that is
	// not an ID still means a broken mapping, so it is refused like any other field.
	form.optionalId({ name: 'acsSystemId', label: 'ACS System' });
	const acs_credential_id = form.id({ name: 'credentialId', label: 'Credential' });
	return (await api.call(
		(seam) => seam.acs.credentials.get({ acs_credential_id }),
		i,
	)) as IDataObject;
}
