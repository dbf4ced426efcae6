import { excerpt, feedLabel, feedProblem } from './feedProblems';
import { checkedFeedText } from './feedText';
import { type CalendarMoment, type CalendarZones, type EventFault, eventSpan } from './eventTimes';
import { eventKind, guestDetails } from './channelRules';
import { loadIcal } from './ical';
import {
	hasProperty,
	type JCalComponent,
	property,
	propertyText,
	rootComponents,
	subcomponents,
	textOf,
} from './jcal';

export type { CalendarMoment } from './eventTimes';

/** A guest's booking read from a calendar feed (Airbnb, Booking.com, Vrbo, or any iCalendar). */
export interface CalendarBooking {
	/** The event's UID: the same booking keeps it from one download to the next. */
	reservationId: string;
	/** Vrbo's "Reserved - <name>". */
	guestName?: string;
	/** Airbnb's "Phone Number (Last 4 Digits)". */
	phoneLastDigits?: string;
	/** An all-day event gives dates (DTEND's day is the check-out day); a timed one instants in UTC. */
	checkIn: CalendarMoment;
	checkOut: CalendarMoment;
	summary: string;
	description?: string;
	/** Airbnb's "Reservation URL", or the event's URL. */
	reservationUrl?: string;
}

export interface CalendarOptions {
	/**
	 * The IANA zone of times written without one (no TZID, no Z) when the calendar names none
	 * either (X-WR-TIMEZONE): the property's time zone.
	 */
	timeZone?: string;
}

/** A recurring event, or one occurrence of it, is a calendar entry, not a stay. */
function isRecurring(event: JCalComponent): boolean {
	return ['rrule', 'rdate', 'recurrence-id'].some((name) => hasProperty(event, name));
}

function eventName(event: JCalComponent, position: number, uid: string | undefined): string {
	if (uid) return `event ${JSON.stringify(uid)}`;
	const summary = textOf(event, 'summary');
	const start = propertyText(property(event, 'dtstart'));
	const about = [
		summary !== undefined ? `SUMMARY ${excerpt(summary)}` : undefined,
		start !== undefined ? `DTSTART ${JSON.stringify(start)}` : undefined,
	].filter(Boolean);
	return `event ${position}${about.length ? ` (${about.join(', ')})` : ''}`;
}

/**
 * The guests' bookings in an iCalendar feed, as Airbnb, Booking.com and Vrbo export one per
 * listing. Closed dates, cancelled events and recurring events are not bookings (see
 * channelRules.ts for what each platform writes). A calendar without events has no bookings; a
 * feed that is not a whole, valid calendar is an InputProblem naming `source` and what is wrong, so
 * that nothing is synchronised from it. Bookings come in check-in order.
 */
export async function bookingsInCalendar(
	text: string,
	source: string,
	options: CalendarOptions = {},
): Promise<CalendarBooking[]> {
	const feed = feedLabel(source);
	const body = checkedFeedText(text, feed);
	const ical = await loadIcal();
	let parsed: unknown;
	try {
		parsed = ical.parse(body);
	} catch (error) {
		throw feedProblem(
			feed,
			'is not valid iCalendar',
			`It could not be read: ${error instanceof Error ? error.message : String(error)}.`,
		);
	}
	const calendars = rootComponents(parsed);
	if (!calendars || calendars.length === 0) {
		throw feedProblem(feed, 'has no VCALENDAR', 'No calendar could be read from it.');
	}

	const found: Array<{ at: number; booking: CalendarBooking }> = [];
	const seen = new Map<string, number>();
	let position = 0;
	for (const calendar of calendars) {
		if (calendar[0] !== 'vcalendar') {
			throw feedProblem(
				feed,
				'has no VCALENDAR',
				`It holds a ${calendar[0].toUpperCase()} where a VCALENDAR belongs.`,
			);
		}
		const zones: CalendarZones = {
			ical,
			definitions: new Map(),
			calendarZone: textOf(calendar, 'x-wr-timezone')?.trim() || undefined,
			fallbackZone: options.timeZone?.trim() || undefined,
		};
		for (const definition of subcomponents(calendar, 'vtimezone')) {
			const tzid = textOf(definition, 'tzid');
			if (tzid) zones.definitions.set(tzid, definition);
		}

		for (const event of subcomponents(calendar, 'vevent')) {
			position += 1;
			const uid = textOf(event, 'uid')?.trim() || undefined;
			const name = eventName(event, position, uid);
			const fault: EventFault = (what, detail) => {
				throw feedProblem(feed, `has an ${name} that ${what}`, detail);
			};
			if (!uid) {
				fault(
					'has no UID',
					'A UID identifies the booking from one download to the next; without it a sync cannot tell a changed booking from a new one.',
				);
			}
			if (!hasProperty(event, 'dtstart'))
				fault('has no start (DTSTART)', 'Every event needs a DTSTART.');
			if (isRecurring(event)) continue;

			const span = await eventSpan(event, zones, fault);
			const earlier = seen.get(uid);
			if (earlier !== undefined) {
				fault(
					'repeats a UID',
					`Events ${earlier} and ${position} share the UID, which must name one booking only.`,
				);
			}
			seen.set(uid, position);

			const eventText = {
				summary: textOf(event, 'summary') ?? '',
				description: textOf(event, 'description'),
				status: textOf(event, 'status')?.trim().toUpperCase(),
				url: textOf(event, 'url'),
			};
			if (eventKind(eventText) !== 'booking') continue;
			found.push({
				at: span.start.at,
				booking: {
					reservationId: uid,
					...guestDetails(eventText),
					checkIn: span.start.moment,
					checkOut: span.end.moment,
					summary: eventText.summary,
					...(eventText.description !== undefined ? { description: eventText.description } : {}),
				},
			});
		}
	}
	found.sort((a, b) => a.at - b.at || (a.booking.reservationId < b.booking.reservationId ? -1 : 1));
	return found.map(({ booking }) => booking);
}
