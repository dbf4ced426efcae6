import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { accessScheduleFields } from '../../descriptions/accessSchedule';
import { acsUserLocator } from '../../descriptions/locators';
import { UpdateFields, updateField, updateFieldsCollection } from '../../descriptions/updateFields';
import { type FormReader, readForm } from '../../shared/parameters';
import type { SeamApi } from '../../transport/client';
import type { SeamClient, SeamParams } from '../../transport/sdk';

const USER = { name: 'acsUserId', label: 'ACS User' };
const EMAIL = updateField('email', 'Email');
const FULL_NAME = updateField('fullName', 'Full Name');
const PHONE = updateField('phoneNumber', 'Phone Number');
const STARTS = { name: 'startsAt', label: 'Access Starts At' };
const ENDS = { name: 'endsAt', label: 'Access Ends At' };

const properties: INodeProperties[] = [
	acsUserLocator(),
	updateFieldsCollection([
		{
			displayName: EMAIL.label,
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{ displayName: FULL_NAME.label, name: 'fullName', type: 'string', default: '' },
		{
			displayName: PHONE.label,
			name: 'phoneNumber',
			type: 'string',
			default: '',
			description: 'In E.164 format, e.g. +15555550100',
		},
	]),
	...accessScheduleFields(false).map((field) => ({
		...field,
		description: `${field.description}. Leave both empty to keep the current schedule.`,
	})),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['acsUser'], operation: ['update'] } },
	properties,
);

type UpdateParams = SeamParams<SeamClient['acs']['users']['update']>;

/**
 * A new access schedule replaces the whole schedule, so it takes both ends: with one of them
 * empty the user would lose their end (or start) of access. Both empty keeps the current one.
 */
async function readNewSchedule(
	form: FormReader,
): Promise<{ starts_at: string; ends_at: string } | undefined> {
	const window = await form.timeWindow(STARTS, ENDS);
	if (!window.starts_at && !window.ends_at) return undefined;
	if (!window.starts_at || !window.ends_at) {
		form.fail(
			`${STARTS.label} and ${ENDS.label} go together`,
			'A new access schedule needs both a start and an end. Leave both empty to keep the current schedule.',
		);
	}
	return { starts_at: window.starts_at, ends_at: window.ends_at };
}

/** Only the fields the user added under Update Fields, and the schedule if both ends are set. */
async function readChanges(form: FormReader, acs_user_id: string): Promise<UpdateParams> {
	const params: UpdateParams = { acs_user_id };
	const fields = new UpdateFields(form);
	const full_name = fields.text(FULL_NAME);
	const email_address = fields.text(EMAIL);
	const phone_number = fields.text(PHONE);
	const access_schedule = await readNewSchedule(form);
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
