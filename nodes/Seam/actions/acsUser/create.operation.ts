import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { accessScheduleFields } from '../../descriptions/accessSchedule';
import { acsUserProviderNotice } from '../../descriptions/hints';
import { acsSystemLocator, userIdentityLocator } from '../../descriptions/locators';
import { accessGroupsMultiSelect } from '../../descriptions/multiSelect';
import { readAccessSchedule } from '../../helpers/dates';
import { readId, readIdList, readOptionalId } from '../../helpers/ids';
import { readRequiredString } from '../../helpers/text';
import type { SeamApi } from '../../transport/client';
import type { SeamClient, SeamParams } from '../../transport/sdk';

const properties: INodeProperties[] = [
	acsUserProviderNotice,
	acsSystemLocator(),
	{
		displayName: 'Full Name',
		name: 'fullName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. June Doe',
	},
	...accessScheduleFields(false),
	accessGroupsMultiSelect({
		displayName: 'Access Groups to Join Names or IDs',
		description:
			'Access groups the new user joins right after creation (Salto KS: they decide which entrances the user opens). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
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
				placeholder: 'e.g. +15555550100',
				description: 'In E.164 format',
			},
		],
	},
	userIdentityLocator({
		required: false,
		description:
			'Link the new ACS user to this user identity (one person across all your access systems). Optional.',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['acsUser'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const acs_system_id = readId(this, 'acsSystemId', 'ACS System', i);
	const full_name = readRequiredString(this, 'fullName', 'Full Name', i);
	const access_schedule = await readAccessSchedule(this, i);
	const accessGroupIds = readIdList(this, 'accessGroupIds', 'Access Groups to Join', i);
	const user_identity_id = readOptionalId(this, 'userIdentityId', 'User Identity', i);
	const additional = this.getNodeParameter('additionalFields', i, {}) as {
		email?: string;
		phoneNumber?: string;
	};

	const body: SeamParams<SeamClient['acs']['users']['create']> = { acs_system_id, full_name };
	if (access_schedule) body.access_schedule = access_schedule;
	if (additional.email) body.email_address = additional.email;
	if (additional.phoneNumber) body.phone_number = additional.phoneNumber;
	if (user_identity_id) body.user_identity_id = user_identity_id;

	const user = (await api.call((seam) => seam.acs.users.create(body), i)) as IDataObject;
	for (const acs_access_group_id of accessGroupIds) {
		await api.call(
			(seam) =>
				seam.acs.users.addToAccessGroup({
					acs_user_id: user.acs_user_id as string,
					acs_access_group_id,
				}),
			i,
		);
	}
	return accessGroupIds.length ? { ...user, joined_acs_access_group_ids: accessGroupIds } : user;
}
