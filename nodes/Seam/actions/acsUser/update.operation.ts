import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { accessScheduleFields, readAccessSchedule } from '../../shared/descriptions/accessSchedule';
import { acsUserLocator } from '../../shared/descriptions/locators';
import {
	UpdateFields,
	updateField,
	updateFieldsCollection,
} from '../../shared/descriptions/updateFields';
import { type FormReader, readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';
import { emailField, phoneNumberField } from '../personFields';

const USER = { name: 'acsUserId', label: 'ACS User' };
const EMAIL = updateField('email', 'Email');
const FULL_NAME = updateField('fullName', 'Full Name');
const PHONE = updateField('phoneNumber', 'Phone Number');

export const option: OperationOption = {
	name: 'Update',
	description: "Change a user's name, contact details or access schedule",
	action: 'Update an ACS user',
};

export const properties: INodeProperties[] = [
	acsUserLocator(),
	updateFieldsCollection([
		emailField,
		{ displayName: FULL_NAME.label, name: 'fullName', type: 'string', default: '' },
		phoneNumberField,
	]),
	...accessScheduleFields(false).map((field) => ({
		...field,
		description: `${field.description}. Leave both empty to keep the current schedule.`,
	})),
];

type UpdateParams = SeamParams<SeamClient['acs']['users']['update']>;

/** Only the fields the user added under Update Fields, and the schedule if both ends are set. */
async function readChanges(form: FormReader, acs_user_id: string): Promise<UpdateParams> {
	const params: UpdateParams = { acs_user_id };
	const fields = new UpdateFields(form);
	const full_name = fields.text(FULL_NAME);
	const email_address = fields.text(EMAIL);
	const phone_number = fields.text(PHONE);
	const access_schedule = await readAccessSchedule(form, {
		endRequired: false,
		bothEmpty: 'keep the current schedule',
	});
	if (full_name) params.full_name = full_name;
	if (email_address) params.email_address = email_address;
	if (phone_number) params.phone_number = phone_number;
	if (access_schedule) params.access_schedule = access_schedule;
	if (Object.keys(params).length === 1) {
		form.fail(
			'Nothing to update',
			'Add at least one field under "Update Fields", or set the access schedule.',
		);
	}
	return params;
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const acs_user_id = form.id(USER);
	const params = await readChanges(form, acs_user_id);
	await api.call((seam) => seam.acs.users.update(params), i);
	return (await api.call((seam) => seam.acs.users.get({ acs_user_id }), i)) as IDataObject;
}
