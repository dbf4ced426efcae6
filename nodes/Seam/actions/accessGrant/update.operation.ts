import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { accessGrantLocator } from '../../shared/descriptions/locators';
import {
	UpdateFields,
	updateField,
	updateFieldsCollection,
} from '../../shared/descriptions/updateFields';
import { type FormReader, readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';

const GRANT = { name: 'accessGrantId', label: 'Access Grant' };
const STARTS = updateField('startsAt', 'Starts At');
const ENDS = updateField('endsAt', 'Ends At');
const NAME = updateField('name', 'Name');

export const option: OperationOption = {
	name: 'Update',
	description: "Change a grant's times or name",
	action: 'Update an access grant',
};

export const properties: INodeProperties[] = [
	accessGrantLocator(),
	updateFieldsCollection([
		{
			displayName: ENDS.label,
			name: 'endsAt',
			type: 'dateTime',
			default: '',
			description: 'New end of access, e.g. a later check-out',
		},
		{ displayName: NAME.label, name: 'name', type: 'string', default: '' },
		{
			displayName: STARTS.label,
			name: 'startsAt',
			type: 'dateTime',
			default: '',
			description: 'New start of access, e.g. an early check-in',
		},
	]),
];

type UpdateParams = SeamParams<SeamClient['accessGrants']['update']>;

/**
 * Only the fields the user added. An end is only ever moved, never removed: an added Ends At
 * that resolves to nothing is refused instead of sent.
 */
async function readChanges(form: FormReader, access_grant_id: string): Promise<UpdateParams> {
	const fields = new UpdateFields(form);
	if (fields.isEmpty) {
		form.fail('Nothing to update', 'Add Starts At, Ends At or Name under "Update Fields".');
	}
	const window = await form.timeWindow(STARTS, ENDS);
	const starts_at = fields.filledIn(STARTS, window.starts_at);
	const ends_at = fields.filledIn(ENDS, window.ends_at);
	const name = fields.text(NAME);
	const params: UpdateParams = { access_grant_id };
	if (starts_at) params.starts_at = starts_at;
	if (ends_at) params.ends_at = ends_at;
	if (name) params.name = name;
	return params;
}

/**
 * With one end moved, the other is the grant's current one: the order is checked against it
 * before Seam is asked, so the error names both fields.
 */
function assertOrderWithCurrent(
	form: FormReader,
	params: UpdateParams,
	current: IDataObject,
): void {
	const startsAt = params.starts_at ?? (current.starts_at as string | null | undefined);
	const endsAt = params.ends_at ?? (current.ends_at as string | null | undefined);
	if (!startsAt || !endsAt || Date.parse(endsAt) > Date.parse(startsAt)) return;
	const kept = params.starts_at ? ENDS.label : STARTS.label;
	form.fail(
		`${ENDS.label} must be after ${STARTS.label}`,
		`${STARTS.label} is ${startsAt}, ${ENDS.label} is ${endsAt}: ${kept} is the grant's current one, since only the other was added under "Update Fields".`,
	);
}

/** Changes the grant's times or name; its PIN codes follow. Returns the updated grant. */
export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const access_grant_id = form.id(GRANT);
	const params = await readChanges(form, access_grant_id);
	if (Boolean(params.starts_at) !== Boolean(params.ends_at)) {
		const current = (await api.call(
			(seam) => seam.accessGrants.get({ access_grant_id }),
			i,
		)) as IDataObject;
		assertOrderWithCurrent(form, params, current);
	}
	await api.call((seam) => seam.accessGrants.update(params), i);
	return (await api.call((seam) => seam.accessGrants.get({ access_grant_id }), i)) as IDataObject;
}
