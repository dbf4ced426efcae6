import { loadLuxon } from '../luxon';

import { describeValue, InputProblem } from '../parameters';
import { dateTimeValue } from '../parameters/dates';
import { isEmpty } from '../parameters/isEmpty';

/** When the guest may open the doors, and the booking's own times it came from. */
export interface StayTimes {
	checkIn: string;
	checkOut: string;
	/** Check-in minus the buffer before it: what Seam gets as `starts_at`. */
	validFrom: string;
	/** Check-out plus the buffer after it: what Seam gets as `ends_at`. */
	validUntil: string;
	timeZone: string;
}

/** How the booking gives its times: full date-times, or dates with the property's fixed hours. */
export type DatesAre = 'dateTimes' | 'dates';

export interface StayTimeInputs {
	datesAre: DatesAre;
	checkIn: unknown;
	checkOut: unknown;
	checkInTime: unknown;
	checkOutTime: unknown;
	timeZone: string;
	bufferBeforeMinutes: number;
	bufferAfterMinutes: number;
	now: Date;
	/** Refuse a stay whose access would already have ended (default); Sync skips those instead. */
	refuseEnded?: boolean;
}

export const STAY_FIELDS = {
	checkIn: 'Check-In',
	checkOut: 'Check-Out',
	checkInTime: 'Check-In Time',
	checkOutTime: 'Check-Out Time',
	timeZone: 'Property Time Zone',
} as const;

/** Whether Luxon (and so the Intl data behind it) knows this IANA zone, e.g. Europe/Madrid. */
export async function isTimeZone(zone: string): Promise<boolean> {
	const { DateTime } = await loadLuxon();
	return DateTime.now().setZone(zone).isValid;
}

const TIME_OF_DAY = /^(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i;

/** "15:00", "3:00 PM", "3pm", "9" as hours and minutes; anything else is an input problem. */
export function timeOfDay(value: unknown, field: string): { hour: number; minute: number } {
	const text =
		typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	const match = TIME_OF_DAY.exec(text);
	if (match) {
		let hour = Number(match[1]);
		const minute = Number(match[2] ?? 0);
		const half = match[3]?.toLowerCase().replace(/\./g, '');
		if (half && hour >= 1 && hour <= 12) hour = (hour % 12) + (half === 'pm' ? 12 : 0);
		else if (half) hour = 99;
		if (hour <= 23 && minute <= 59) return { hour, minute };
	}
	throw new InputProblem(
		`${field}: ${describeValue(value)} is not a time of day`,
		`Use a 24-hour time such as 15:00, or 3:00 PM.`,
	);
}

/**
 * The calendar date a booking means. A PMS that sends dates only sends "2026-12-04"; the date
 * picker sends midnight of that day; a Luxon DateTime keeps its own zone. The day is read as
 * written, never shifted by a time zone, because "check-in on the 4th" is the 4th at the
 * property.
 */
async function calendarDate(value: unknown, field: string): Promise<string> {
	if (isEmpty(value)) throw new InputProblem(`${field} is required`, requiredHint(field, value));
	if (typeof value === 'string') {
		const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
		if (match) {
			const { DateTime } = await loadLuxon();
			if (DateTime.fromISO(match[1]).isValid) return match[1];
		}
	} else if (value instanceof Date && !Number.isNaN(value.getTime())) {
		return value.toISOString().slice(0, 10);
	} else if (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toISODate?: unknown }).toISODate === 'function'
	) {
		const date = (value as { toISODate: () => string | null }).toISODate();
		if (date) return date;
	}
	throw new InputProblem(
		`${field}: ${describeValue(value)} is not a date`,
		'With "Dates Only", give the day as YYYY-MM-DD, e.g. 2026-12-04 (a date and time is read as its day).',
	);
}

function requiredHint(field: string, value: unknown): string {
	return `A stay needs both check-in and check-out, so that access ends on time. Fill in "${field}"; if it comes from an expression, the expression resolved to ${describeValue(value)}.`;
}

async function atTimeOfDay(
	date: string,
	time: { hour: number; minute: number },
	zone: string,
): Promise<string> {
	const { DateTime } = await loadLuxon();
	const local = DateTime.fromISO(date, { zone }).set({ ...time, second: 0, millisecond: 0 });
	return local.toUTC().toISO() as string;
}

async function instant(value: unknown, field: string, zone: string): Promise<string> {
	const iso = await dateTimeValue(value, field, zone);
	if (iso === undefined) throw new InputProblem(`${field} is required`, requiredHint(field, value));
	return iso;
}

/**
 * Check-in and check-out as instants, and the access window around them. Check-out must be after
 * check-in and the window must still be open: a stay never gets access without an end, and a
 * stay that is over gets none.
 */
export async function stayTimes(inputs: StayTimeInputs): Promise<StayTimes> {
	const zone = inputs.timeZone;
	let checkIn: string;
	let checkOut: string;
	if (inputs.datesAre === 'dates') {
		const inTime = timeOfDay(inputs.checkInTime, STAY_FIELDS.checkInTime);
		const outTime = timeOfDay(inputs.checkOutTime, STAY_FIELDS.checkOutTime);
		checkIn = await atTimeOfDay(
			await calendarDate(inputs.checkIn, STAY_FIELDS.checkIn),
			inTime,
			zone,
		);
		checkOut = await atTimeOfDay(
			await calendarDate(inputs.checkOut, STAY_FIELDS.checkOut),
			outTime,
			zone,
		);
	} else {
		checkIn = await instant(inputs.checkIn, STAY_FIELDS.checkIn, zone);
		checkOut = await instant(inputs.checkOut, STAY_FIELDS.checkOut, zone);
	}
	if (Date.parse(checkOut) <= Date.parse(checkIn)) {
		throw new InputProblem(
			`${STAY_FIELDS.checkOut} must be after ${STAY_FIELDS.checkIn}`,
			`${STAY_FIELDS.checkIn} is ${checkIn}, ${STAY_FIELDS.checkOut} is ${checkOut} (${zone}). Check the booking's dates, or the mapping of the two fields.`,
		);
	}
	const minute = 60_000;
	const validFrom = new Date(
		Date.parse(checkIn) - inputs.bufferBeforeMinutes * minute,
	).toISOString();
	const validUntil = new Date(
		Date.parse(checkOut) + inputs.bufferAfterMinutes * minute,
	).toISOString();
	if (inputs.refuseEnded !== false && Date.parse(validUntil) <= inputs.now.getTime()) {
		throw new InputProblem(
			'This stay is already over',
			`Access would end at ${validUntil} (${STAY_FIELDS.checkOut} ${checkOut} plus the buffer), which has passed, so there is nothing to grant. To take away a guest's access, use Stay → End Stay.`,
		);
	}
	return { checkIn, checkOut, validFrom, validUntil, timeZone: zone };
}

const READABLE: Intl.DateTimeFormatOptions = {
	weekday: 'short',
	month: 'short',
	day: 'numeric',
	year: 'numeric',
	hour: 'numeric',
	minute: '2-digit',
};

/** An instant as a guest reads it at the property, e.g. "Fri, Dec 4, 2026, 3:00 PM". */
export async function readableTime(iso: string, zone: string): Promise<string> {
	const { DateTime } = await loadLuxon();
	return DateTime.fromISO(iso, { zone: 'utc' })
		.setZone(zone)
		.setLocale('en-US')
		.toLocaleString(READABLE);
}
