import { loadLuxon } from '../luxon';

import { describeValue } from './describeValue';
import { InputProblem, requiredProblem } from './inputProblem';
import { isEmpty } from './isEmpty';

const FORMAT_HINT =
	'Use an ISO 8601 date and time, e.g. 2025-02-10T15:00:00Z, or pick one in the date picker.';

function looksLikeLuxon(value: unknown): value is { toISO: () => string | null } {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	);
}

/**
 * An n8n date field (a date picker value, an ISO text from an expression, a Date or a Luxon
 * DateTime) as an ISO 8601 instant. Values without a time zone are read in the workflow's time
 * zone, as n8n's date picker means them. A bare number is refused: seconds and milliseconds
 * since 1970 cannot be told apart.
 */
export async function dateTimeValue(
	value: unknown,
	field: string,
	timezone: string,
): Promise<string | undefined> {
	if (isEmpty(value)) return undefined;
	if (value instanceof Date) {
		if (!Number.isNaN(value.getTime())) return value.toISOString();
	} else if (looksLikeLuxon(value)) {
		const iso = value.toISO();
		if (iso) return new Date(iso).toISOString();
	} else if (typeof value === 'string') {
		const { DateTime } = await loadLuxon();
		const parsed = DateTime.fromISO(value.trim(), { zone: timezone });
		if (parsed.isValid) return parsed.toUTC().toISO() ?? undefined;
		throw new InputProblem(`${field}: "${value.trim()}" is not a valid date and time`, FORMAT_HINT);
	}
	throw new InputProblem(
		`${field}: ${describeValue(value)} is not a valid date and time`,
		typeof value === 'number'
			? `${FORMAT_HINT} A number could be seconds or milliseconds; in an expression, turn it into a date first, e.g. {{ DateTime.fromSeconds($json.checkout).toISO() }}.`
			: FORMAT_HINT,
	);
}

export interface TimeWindowFields {
	starts: string;
	ends: string;
}

export function assertEndsAfterStarts(
	startsAt: string | undefined,
	endsAt: string | undefined,
	fields: TimeWindowFields,
): void {
	if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
		throw new InputProblem(
			`${fields.ends} must be after ${fields.starts}`,
			`${fields.starts} is ${startsAt}, ${fields.ends} is ${endsAt}.`,
		);
	}
}

/**
 * The end of someone's access. Left empty it would mean "never ends", which nobody should get
 * because a booking lacked its check-out date: so an empty end is an error unless the form's
 * explicit open-ended switch (named in `openEndedSwitch`) is on.
 */
export function requireEnd(
	endsAt: string | undefined,
	rawEnd: unknown,
	fields: TimeWindowFields,
	openEndedSwitch: string,
): void {
	if (endsAt !== undefined) return;
	throw requiredProblem(
		fields.ends,
		`Without ${fields.ends} the access would never end. ${fields.ends} resolved to ${describeValue(rawEnd)}. Fill it in, or turn on "${openEndedSwitch}" if this access really must not end.`,
	);
}
