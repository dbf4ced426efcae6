import type { INodeProperties } from 'n8n-workflow';

import type { FormReader } from '../../shared/parameters';
import { isTimeZone, STAY_FIELDS } from '../../shared/stays/stayTimes';

export const RESERVATION = { name: 'reservationId', label: 'Reservation ID' };
export const TIME_ZONE = { name: 'options.timeZone', label: STAY_FIELDS.timeZone };
export const ERROR_IF_NOT_FOUND = {
	name: 'options.errorIfNotFound',
	label: 'Error If Not Found',
};

export const reservationIdField: INodeProperties = {
	displayName: RESERVATION.label,
	name: RESERVATION.name,
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. HM-4711',
	description:
		"The booking's ID in your PMS or channel. It is the stay's key in Seam (the Access Grant's reservation key): every operation on the same reservation finds the same stay.",
};

export const timeZoneOption: INodeProperties = {
	displayName: STAY_FIELDS.timeZone,
	name: 'timeZone',
	type: 'string',
	default: '',
	placeholder: 'e.g. Europe/Madrid',
	description:
		"The property's IANA time zone. Dates and times without a zone are read in it, and the output shows the stay's times in it. Empty: the workflow's time zone.",
};

export const errorIfNotFoundOption = (what: string): INodeProperties => ({
	displayName: ERROR_IF_NOT_FOUND.label,
	name: 'errorIfNotFound',
	type: 'boolean',
	default: false,
	description: `Whether a reservation without a stay in Seam stops the workflow with an error. Off: the item says <code>status: "not_found"</code> and ${what}.`,
});

/** The property's time zone from Options, checked; the workflow's when empty. */
export async function readTimeZone(form: FormReader, workflowZone: string): Promise<string> {
	const zone = form.text(TIME_ZONE);
	if (!zone) return workflowZone;
	if (!(await isTimeZone(zone))) {
		form.fail(
			`${TIME_ZONE.label}: "${zone}" is not a time zone`,
			"Use an IANA time zone name such as Europe/Madrid or America/New_York, or leave it empty for the workflow's time zone.",
		);
	}
	return zone;
}
