import { loadLuxon } from '../../luxon';

import type { Ical } from './ical';
import { type JCalComponent, type JCalProperty, parameter, property, propertyText } from './jcal';

/** A check-in or check-out as the feed gives it: a day, or an instant. */
export type CalendarMoment = { date: string } | { dateTime: string };

/** A moment and where it falls, to compare and sort moments of either kind. */
export interface PlacedMoment {
	moment: CalendarMoment;
	/** Milliseconds since the epoch: the instant, or midnight UTC of the day. */
	at: number;
}

export interface EventSpan {
	start: PlacedMoment;
	end: PlacedMoment;
}

/** Where the time zones of a calendar's times come from. */
export interface CalendarZones {
	ical: Ical;
	/** The calendar's VTIMEZONE components by TZID (RFC 5545 §3.6.5). */
	definitions: Map<string, JCalComponent>;
	/** The definitions read so far, each expanded once per feed. */
	timezones?: Map<string, InstanceType<Ical['Timezone']>>;
	/** X-WR-TIMEZONE: the zone of the calendar's floating times (Google Calendar, Apple). */
	calendarZone?: string;
	/** The zone the caller gives for floating times, when the calendar names none. */
	fallbackZone?: string;
}

/** Says what is wrong with the event; the caller names the feed and the event. */
export type EventFault = (what: string, detail: string) => never;

interface LocalTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z?)$/;
const DURATION = /^([+-]?)P(?:(\d+)W|(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/;
const DAY = 86_400_000;

/** A real calendar day: ical.js turns "20261345" into "2026-13-45" without complaint. */
function dayAt(year: number, month: number, day: number): number | undefined {
	const at = Date.UTC(year, month - 1, day);
	const date = new Date(at);
	return date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day
		? at
		: undefined;
}

function isoDay(at: number): string {
	return new Date(at).toISOString().slice(0, 10);
}

/** The IANA name in a TZID: as it is, or at the end of a path such as /mozilla.org/…/Europe/Paris. */
function ianaCandidates(tzid: string): string[] {
	const inPath =
		/(?:^|\/)((?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z0-9_+-]+(?:\/[A-Za-z0-9_+-]+)?)$/.exec(
			tzid,
		)?.[1];
	return inPath && inPath !== tzid ? [tzid, inPath] : [tzid];
}

async function inIanaZone(local: LocalTime, zone: string): Promise<number | undefined> {
	const { DateTime } = await loadLuxon();
	for (const name of ianaCandidates(zone)) {
		const time = DateTime.fromObject(local, { zone: name });
		if (time.isValid) return time.toMillis();
	}
	return undefined;
}

async function instantOf(
	local: LocalTime,
	tzid: string | undefined,
	written: string,
	zones: CalendarZones,
	fault: EventFault,
): Promise<number> {
	if (tzid !== undefined) {
		const definition = zones.definitions.get(tzid);
		if (definition) {
			const { Component, Time, Timezone } = zones.ical;
			zones.timezones ??= new Map();
			let zone = zones.timezones.get(tzid);
			if (!zone) {
				zone = new Timezone(new Component(definition));
				zones.timezones.set(tzid, zone);
			}
			return new Time({ ...local, isDate: false }, zone).toUnixTime() * 1000;
		}
		const at = await inIanaZone(local, tzid);
		if (at !== undefined) return at;
		return fault(
			'uses an unknown time zone',
			`${written} names the time zone "${tzid}", which the feed does not define (no VTIMEZONE with that TZID) and which is not a time zone name such as Europe/Madrid.`,
		);
	}
	for (const [zone, from] of [
		[zones.calendarZone, 'the calendar’s X-WR-TIMEZONE'],
		[zones.fallbackZone, 'the property time zone given'],
	] as const) {
		if (zone === undefined) continue;
		const at = await inIanaZone(local, zone);
		if (at !== undefined) return at;
		return fault(
			'uses an unknown time zone',
			`${written} is a local time, read in ${from}, "${zone}", which is not a time zone name such as Europe/Madrid.`,
		);
	}
	return fault(
		'has a time without a time zone',
		`${written} has neither a TZID nor a final Z (UTC), and the calendar names no time zone (X-WR-TIMEZONE), so the moment it means is unknown. Give the property's time zone, or use a feed that writes times in UTC or with a TZID.`,
	);
}

/** DTSTART or DTEND as a moment: a date stays a date, a date-time becomes an instant in UTC. */
async function momentOf(
	prop: JCalProperty,
	name: string,
	zones: CalendarZones,
	fault: EventFault,
): Promise<PlacedMoment & { kind: 'date' | 'date-time' }> {
	const value = propertyText(prop) ?? '';
	const type = prop[2];
	const written = `${name} ${JSON.stringify(value)}`;
	if (type === 'date') {
		const match = DATE.exec(value);
		const at = match ? dayAt(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
		if (at === undefined) {
			return fault(`has an invalid ${name}`, `${written} is not a date (VALUE=DATE: YYYYMMDD).`);
		}
		return { kind: 'date', moment: { date: value }, at };
	}
	if (type === 'date-time') {
		const match = DATE_TIME.exec(value);
		const [year, month, day, hour, minute, second] = (match ?? []).slice(1, 7).map(Number);
		if (
			!match ||
			dayAt(year, month, day) === undefined ||
			hour > 23 ||
			minute > 59 ||
			second > 59
		) {
			return fault(
				`has an invalid ${name}`,
				`${written} is not a date and time (YYYYMMDDTHHMMSS, with Z for UTC or a TZID).`,
			);
		}
		const local = { year, month, day, hour, minute, second };
		const at = match[7]
			? Date.UTC(year, month - 1, day, hour, minute, second)
			: await instantOf(local, parameter(prop, 'tzid'), written, zones, fault);
		return { kind: 'date-time', moment: { dateTime: new Date(at).toISOString() }, at };
	}
	return fault(
		`has an invalid ${name}`,
		`${name} has the value type ${type.toUpperCase()}, where it must be a DATE or a DATE-TIME.`,
	);
}

/** DTSTART + DURATION: whole days for a date, an exact length for a date-time. */
function endAfter(
	start: PlacedMoment & { kind: 'date' | 'date-time' },
	duration: string,
	fault: EventFault,
): PlacedMoment {
	const match = DURATION.exec(duration);
	if (!match || match.slice(2, 7).every((part) => part === undefined)) {
		return fault(
			'has an invalid DURATION',
			`DURATION ${JSON.stringify(duration)} is not a duration such as P3D or PT2H.`,
		);
	}
	const [weeks, days, hours, minutes, seconds] = match.slice(2, 7).map((part) => Number(part ?? 0));
	const sign = match[1] === '-' ? -1 : 1;
	if (start.kind === 'date') {
		if (hours || minutes || seconds) {
			return fault(
				'has an invalid DURATION',
				`DURATION ${duration} has hours, minutes or seconds, but the event starts on a date (VALUE=DATE), so it lasts whole days.`,
			);
		}
		const at = start.at + sign * (weeks * 7 + days) * DAY;
		return { moment: { date: isoDay(at) }, at };
	}
	const length = ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
	const at = start.at + sign * length;
	return { moment: { dateTime: new Date(at).toISOString() }, at };
}

/**
 * When the event starts and ends (RFC 5545 §3.6.1): DTSTART, and DTEND or DTSTART + DURATION; an
 * all-day event without either lasts one day. Both ends are of one kind, and the end is after the
 * start: a stay has a check-out after its check-in.
 */
export async function eventSpan(
	event: JCalComponent,
	zones: CalendarZones,
	fault: EventFault,
): Promise<EventSpan> {
	const dtstart = property(event, 'dtstart');
	if (!dtstart) return fault('has no start (DTSTART)', 'Every event needs a DTSTART.');
	const start = await momentOf(dtstart, 'DTSTART', zones, fault);
	const dtend = property(event, 'dtend');
	const duration = propertyText(property(event, 'duration'));
	let end: PlacedMoment;
	if (dtend) {
		const read = await momentOf(dtend, 'DTEND', zones, fault);
		if (read.kind !== start.kind) {
			return fault(
				'mixes a date and a date-time',
				`DTSTART is a ${start.kind === 'date' ? 'date' : 'date and time'} and DTEND a ${read.kind === 'date' ? 'date' : 'date and time'}; both must be of one kind (RFC 5545 §3.8.2.2).`,
			);
		}
		end = read;
	} else if (duration !== undefined) {
		end = endAfter(start, duration, fault);
	} else if (start.kind === 'date') {
		end = { moment: { date: isoDay(start.at + DAY) }, at: start.at + DAY };
	} else {
		return fault(
			'has no end (DTEND)',
			`It starts at ${JSON.stringify(propertyText(dtstart))} and has neither DTEND nor DURATION, so it has no length, and a stay needs a check-out.`,
		);
	}
	if (end.at <= start.at) {
		const describe = (placed: PlacedMoment) =>
			'date' in placed.moment ? placed.moment.date : placed.moment.dateTime;
		return fault(
			end.at < start.at ? 'ends before it starts' : 'ends when it starts',
			`It starts ${describe(start)} and ends ${describe(end)}; a stay's check-out must come after its check-in.`,
		);
	}
	return { start, end };
}
