import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readRequiredString } from '../../helpers/text';
import type { SeamApi } from '../../transport/client';
import type { SeamClient, SeamParams } from '../../transport/sdk';

const properties: INodeProperties[] = [
	{
		displayName: 'Full Name',
		name: 'fullName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Jane Doe',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Phone Number',
				name: 'phoneNumber',
				type: 'string',
				default: '',
				description: 'In E.164 format, e.g. +15555550100',
			},
			{
				displayName: 'User Identity Key',
				name: 'userIdentityKey',
				type: 'string',
				default: '',
				description:
					'Your own unique key for this person (for example the guest or tenant ID in your system)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['userIdentity'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const full_name = readRequiredString(this, 'fullName', 'Full Name', i);
	const fields = this.getNodeParameter('additionalFields', i, {}) as {
		email?: string;
		phoneNumber?: string;
		userIdentityKey?: string;
	};
	const params: SeamParams<SeamClient['userIdentities']['create']> = { full_name };
	if (fields.email?.trim()) params.email_address = fields.email.trim();
	if (fields.phoneNumber?.trim()) params.phone_number = fields.phoneNumber.trim();
	if (fields.userIdentityKey?.trim()) params.user_identity_key = fields.userIdentityKey.trim();
	return (await api.call((seam) => seam.userIdentities.create(params), i)) as IDataObject;
}
