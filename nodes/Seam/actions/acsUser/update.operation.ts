import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { accessScheduleFields } from '../../descriptions/accessSchedule';
import { acsUserLocator } from '../../descriptions/locators';
import { readAccessSchedule } from '../../helpers/dates';
import { readId } from '../../helpers/ids';
import type { SeamApi } from '../../transport/client';
import type { SeamClient, SeamParams } from '../../transport/sdk';

const properties: INodeProperties[] = [
	acsUserLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
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
			{ displayName: 'Full Name', name: 'fullName', type: 'string', default: '' },
			{
				displayName: 'Phone Number',
				name: 'phoneNumber',
				type: 'string',
				default: '',
				description: 'In E.164 format, e.g. +15555550100',
			},
		],
	},
	...accessScheduleFields(false).map((field) => ({
		...field,
		description: `${field.description}. Leave both empty to keep the current schedule.`,
	})),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['acsUser'], operation: ['update'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const acs_user_id = readId(this, 'acsUserId', 'ACS User', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as {
		email?: string;
		fullName?: string;
		phoneNumber?: string;
	};
	const access_schedule = await readAccessSchedule(this, i);
	const params: SeamParams<SeamClient['acs']['users']['update']> = { acs_user_id };
	if (fields.fullName?.trim()) params.full_name = fields.fullName.trim();
	if (fields.email?.trim()) params.email_address = fields.email.trim();
	if (fields.phoneNumber?.trim()) params.phone_number = fields.phoneNumber.trim();
	if (access_schedule) params.access_schedule = access_schedule;
	if (Object.keys(params).length === 1) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex: i,
			description: 'Add at least one field under "Update Fields", or set the access schedule.',
		});
	}
	await api.call((seam) => seam.acs.users.update(params), i);
	return (await api.call((seam) => seam.acs.users.get({ acs_user_id }), i)) as IDataObject;
}
