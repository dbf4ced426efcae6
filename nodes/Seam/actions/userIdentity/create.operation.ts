import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	NodeApiError,
	type NodeOperationError,
} from 'n8n-workflow';

import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';
import { fullNameField, personAdditionalFields, readPerson } from '../personFields';

export const option: OperationOption = {
	name: 'Create',
	description: 'Create a user identity: one person across all your access systems',
	action: 'Create a user identity',
};

export const properties: INodeProperties[] = [
	fullNameField('e.g. Jane Doe'),
	personAdditionalFields({
		displayName: 'User Identity Key',
		name: 'userIdentityKey',
		type: 'string',
		default: '',
		description:
			'Your own unique key for this person (for example the guest or tenant ID in your system). Makes this step safe to run again: if a user identity with this key exists, it is returned instead of creating a second one.',
	}),
];

/** The identity already made with this key, or undefined; Seam answers 404 when there is none. */
async function existingIdentity(
	api: SeamApi,
	user_identity_key: string,
	i: number,
): Promise<IDataObject | undefined> {
	try {
		return (await api.call(
			(seam) => seam.userIdentities.get({ user_identity_key }),
			i,
		)) as IDataObject;
	} catch (error) {
		// The transport only ever throws n8n's own errors: anything but a 404 goes on as it is.
		const failure = error as NodeApiError | NodeOperationError;
		if (failure instanceof NodeApiError && failure.httpCode === '404') return undefined;
		throw failure;
	}
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const person = readPerson(form, 'additionalFields');
	const user_identity_key = form.text({
		name: 'additionalFields.userIdentityKey',
		label: 'User Identity Key',
	});

	if (user_identity_key) {
		const existing = await existingIdentity(api, user_identity_key, i);
		if (existing) return { ...existing, reused_existing_user_identity: true };
	}
	const params: SeamParams<SeamClient['userIdentities']['create']> = { ...person };
	if (user_identity_key) params.user_identity_key = user_identity_key;
	const created = (await api.call((seam) => seam.userIdentities.create(params), i)) as IDataObject;
	return user_identity_key ? { ...created, reused_existing_user_identity: false } : created;
}
