/**
 * Stays from a calendar feed: which events of an Airbnb, Booking.com or Vrbo export (or any
 * iCalendar feed) are guests' bookings, what they tell about the guest, their check-in and
 * check-out, and the feeds that must not be used at all. The sample feeds and the sources of each
 * rule are in test/fixtures/ical/ (README.md).
 *
 * The calendar module loads the ical.js and luxon bundles from dist/vendor, so the build must have
 * run (`npm test` builds first).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { InputProblem } from '../../nodes/Seam/shared/parameters';
import {
	bookingsInCalendar,
	type CalendarBooking,
	type CalendarOptions,
} from '../../nodes/Seam/shared/stays/calendar';
import { eventKind, guestDetails } from '../../nodes/Seam/shared/stays/calendar/channelRules';

const root = path.resolve(__dirname, '../..');
const fixture = (name: string): string =>
	readFileSync(path.join(root, 'test/fixtures/ical', name), 'utf8');

const AIRBNB_URL = 'https://www.airbnb.com/calendar/ical/41234567.ics?s=0123456789abcdef';
const SOURCE = 'https://pms.example/feeds/unit-4.ics';

/** An iCalendar text from lines, CRLF as the platforms send it. */
const calendar = (...lines: string[]): string =>
	['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR', ''].join(
		'\r\n',
	);
const event = (...lines: string[]): string[] => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];
const stay = (uid: string, start: string, end: string, ...more: string[]): string[] =>
	event(`UID:${uid}`, `DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`, ...more);

/** What bookingsInCalendar rejected the feed with: an InputProblem, message and description. */
async function problemOf(
	text: unknown,
	source = SOURCE,
	options?: CalendarOptions,
): Promise<{ message: string; description: string }> {
	try {
		await bookingsInCalendar(text as string, source, options);
	} catch (error) {
		expect(error).toBeInstanceOf(InputProblem);
		const { message, description } = error as InputProblem;
		return { message, description };
	}
	throw new Error('the feed was accepted');
}

describe('Airbnb', () => {
	let bookings: CalendarBooking[];
	beforeAll(async () => {
		bookings = await bookingsInCalendar(fixture('airbnb.ics'), AIRBNB_URL);
	});

	test('"Reserved" events are bookings; "Airbnb (Not available)" is the host blocking dates', () => {
		expect(bookings.map((b) => b.reservationId)).toEqual([
			'1418fb94e984-9c2a8f0e5b1d3c7a6e4f2d8b0a9c1e3f@airbnb.com',
			'1418fb94e984-3b7d9f1a2c4e6b8d0f2a4c6e8b1d3f5a@airbnb.com',
		]);
	});

	test('all-day events: the check-in day and the check-out day (DTEND)', () => {
		expect(bookings[0]).toMatchObject({
			checkIn: { date: '2030-03-08' },
			checkOut: { date: '2030-03-12' },
		});
		expect(bookings[1]).toMatchObject({
			checkIn: { date: '2030-03-20' },
			checkOut: { date: '2030-03-25' },
		});
	});

	test('the phone digits and the reservation link from the (folded, escaped) DESCRIPTION', () => {
		expect(bookings[0]).toEqual({
			reservationId: '1418fb94e984-9c2a8f0e5b1d3c7a6e4f2d8b0a9c1e3f@airbnb.com',
			phoneLastDigits: '4821',
			reservationUrl: 'https://www.airbnb.com/hosting/reservations/details/HMQ4TZ8K2A',
			checkIn: { date: '2030-03-08' },
			checkOut: { date: '2030-03-12' },
			summary: 'Reserved',
			description:
				'Reservation URL: https://www.airbnb.com/hosting/reservations/details/HMQ4TZ8K2A\nPhone Number (Last 4 Digits): 4821',
		});
		expect(bookings[1].phoneLastDigits).toBe('0917');
	});

	test('no guest name: Airbnb took names out of its feeds in 2019', () => {
		for (const booking of bookings) expect(booking.guestName).toBeUndefined();
	});
});

describe('Booking.com', () => {
	test('every event is "CLOSED - Not available", so every event is taken as a booking', async () => {
		const bookings = await bookingsInCalendar(
			fixture('booking-com.ics'),
			'https://ical.booking.com/v1/export?t=5f3c',
		);
		expect(bookings).toEqual([
			{
				reservationId: '8a2f0c7e41b9d3f5a6c8e0b2d4f6a8c0@booking.com',
				checkIn: { date: '2030-04-02' },
				checkOut: { date: '2030-04-05' },
				summary: 'CLOSED - Not available',
			},
			{
				reservationId: '3c9e1a5b7d2f4c6e8a0b2d4f6c8e0a2b@booking.com',
				checkIn: { date: '2030-04-10' },
				checkOut: { date: '2030-04-17' },
				summary: 'CLOSED - Not available',
			},
			{
				reservationId: 'f04b6d8a2c1e3f5b7d9a0c2e4b6d8f1a@booking.com',
				checkIn: { date: '2030-04-20' },
				checkOut: { date: '2030-04-22' },
				summary: 'CLOSED - Not available',
			},
		]);
	});
});

describe('Vrbo', () => {
	test('"Reserved - <name>" is a booking with the guest\'s name; "Blocked" is not a guest', async () => {
		const bookings = await bookingsInCalendar(
			fixture('vrbo.ics'),
			'https://www.vrbo.com/icalendar/a1b2.ics',
		);
		expect(bookings).toEqual([
			{
				reservationId: '6b1f2e3d-4c5b-4a69-8f7e-0d1c2b3a4f5e',
				guestName: 'Maria Garcia',
				checkIn: { date: '2030-05-03' },
				checkOut: { date: '2030-05-08' },
				summary: 'Reserved - Maria Garcia',
			},
			{
				reservationId: '2a3b4c5d-6e7f-4a8b-9c0d-e1f2a3b4c5d6',
				guestName: "Tom O'Brien",
				checkIn: { date: '2030-05-14' },
				checkOut: { date: '2030-05-21' },
				summary: "Reserved - Tom O'Brien",
			},
		]);
	});
});

describe('which events are bookings', () => {
	test.each([
		['Reserved', 'booking'],
		['Reserved - Jane Doe', 'booking'],
		['Airbnb (Not available)', 'closed'],
		['Not available', 'closed'],
		['Reserved - Not available', 'closed'],
		['Blocked', 'closed'],
		['Blocked - owner stay', 'closed'],
		['Unavailable', 'closed'],
		['Closed', 'closed'],
		['CLOSED - Not available', 'booking'],
		['Closed – not available', 'booking'],
		['Stay - Ana Lopez', 'booking'],
		['', 'booking'],
	])('SUMMARY %j: %s', (summary, kind) => {
		expect(eventKind({ summary })).toBe(kind);
	});

	test('STATUS:CANCELLED is never a booking', () => {
		expect(eventKind({ summary: 'Reserved', status: 'CANCELLED' })).toBe('cancelled');
		expect(eventKind({ summary: 'Reserved', status: 'CONFIRMED' })).toBe('booking');
	});

	test('guest details come only from the fields that carry them', () => {
		expect(guestDetails({ summary: 'Reserved' })).toEqual({});
		expect(guestDetails({ summary: 'Reserved – Zoë Brontë ' })).toEqual({
			guestName: 'Zoë Brontë',
		});
		expect(
			guestDetails({
				summary: 'Reserved',
				description: 'Phone Number (Last 4 Digits): 12345',
				url: 'https://pms.example/r/1',
			}),
		).toEqual({ reservationUrl: 'https://pms.example/r/1' });
		expect(
			guestDetails({ summary: 'Reserved', description: 'Phone Number (Last 4 Digits): 0042' }),
		).toEqual({ phoneLastDigits: '0042' });
	});
});

describe('times', () => {
	let bookings: Map<string, CalendarBooking>;
	let order: string[];
	beforeAll(async () => {
		const list = await bookingsInCalendar(fixture('timed.ics'), SOURCE);
		order = list.map((b) => b.reservationId);
		bookings = new Map(list.map((b) => [b.reservationId, b]));
	});

	test('UTC times (Z) are kept as instants', () => {
		expect(bookings.get('utc-1@pms.example')).toMatchObject({
			checkIn: { dateTime: '2030-06-01T15:00:00.000Z' },
			checkOut: { dateTime: '2030-06-04T10:00:00.000Z' },
			reservationUrl: 'https://pms.example/reservations/utc-1',
		});
	});

	test("a TZID defined in the feed's VTIMEZONE (summer time: UTC+2)", () => {
		expect(bookings.get('vtimezone-1@pms.example')).toMatchObject({
			checkIn: { dateTime: '2030-07-10T14:00:00.000Z' },
			checkOut: { dateTime: '2030-07-14T09:00:00.000Z' },
		});
	});

	test('a TZID that is an IANA zone without a VTIMEZONE (winter time in Madrid: UTC+1)', () => {
		expect(bookings.get('iana-1@pms.example')).toMatchObject({
			checkIn: { dateTime: '2030-12-30T14:00:00.000Z' },
			checkOut: { dateTime: '2031-01-02T10:00:00.000Z' },
		});
	});

	test("a floating time is read in the calendar's X-WR-TIMEZONE", () => {
		expect(bookings.get('floating-1@pms.example')).toMatchObject({
			checkIn: { dateTime: '2030-08-01T19:00:00.000Z' },
			checkOut: { dateTime: '2030-08-03T15:00:00.000Z' },
		});
	});

	test('recurring and cancelled events are not bookings; bookings come in check-in order', () => {
		expect(order).toEqual([
			'utc-1@pms.example',
			'vtimezone-1@pms.example',
			'floating-1@pms.example',
			'iana-1@pms.example',
		]);
	});

	test('a floating time without X-WR-TIMEZONE is read in the time zone given', async () => {
		const feed = calendar(
			...event('UID:f', 'DTSTART:20300801T150000', 'DTEND:20300803T110000', 'SUMMARY:Stay'),
		);
		const [booking] = await bookingsInCalendar(feed, SOURCE, { timeZone: 'Europe/Lisbon' });
		expect(booking).toMatchObject({
			checkIn: { dateTime: '2030-08-01T14:00:00.000Z' },
			checkOut: { dateTime: '2030-08-03T10:00:00.000Z' },
		});
		const problem = await problemOf(feed);
		expect(problem.message).toBe(
			`The calendar feed ${SOURCE} has an event "f" that has a time without a time zone`,
		);
		expect(problem.description).toContain('DTSTART "2030-08-01T15:00:00"');
	});

	test('a TZID written as a path (/mozilla.org/…/Europe/Paris) is its IANA zone', async () => {
		const feed = calendar(
			...event(
				'UID:p',
				'DTSTART;TZID=/mozilla.org/20050126_1/Europe/Paris:20300105T160000',
				'DTEND;TZID=/mozilla.org/20050126_1/Europe/Paris:20300107T100000',
			),
		);
		const [booking] = await bookingsInCalendar(feed, SOURCE);
		expect(booking.checkIn).toEqual({ dateTime: '2030-01-05T15:00:00.000Z' });
	});

	test('an unknown TZID is a problem, not a guess', async () => {
		const feed = calendar(
			...event('UID:m', 'DTSTART;TZID=Mars/Olympus:20300105T160000', 'DTEND:20300107T100000Z'),
		);
		const problem = await problemOf(feed);
		expect(problem.message).toBe(
			`The calendar feed ${SOURCE} has an event "m" that uses an unknown time zone`,
		);
		expect(problem.description).toContain('"Mars/Olympus"');
	});

	test('DURATION instead of DTEND; an all-day event without either lasts one day', async () => {
		const feed = calendar(
			...event('UID:d1', 'DTSTART;VALUE=DATE:20300601', 'DURATION:P1W'),
			...event('UID:d2', 'DTSTART:20300610T150000Z', 'DURATION:P2DT19H'),
			...event('UID:d3', 'DTSTART;VALUE=DATE:20300620'),
		);
		const bookings = await bookingsInCalendar(feed, SOURCE);
		expect(bookings.map(({ checkIn, checkOut }) => ({ checkIn, checkOut }))).toEqual([
			{ checkIn: { date: '2030-06-01' }, checkOut: { date: '2030-06-08' } },
			{
				checkIn: { dateTime: '2030-06-10T15:00:00.000Z' },
				checkOut: { dateTime: '2030-06-13T10:00:00.000Z' },
			},
			{ checkIn: { date: '2030-06-20' }, checkOut: { date: '2030-06-21' } },
		]);
	});
});

describe('a calendar with no bookings', () => {
	test('an empty calendar is valid: no bookings', async () => {
		await expect(bookingsInCalendar(fixture('empty-calendar.ics'), AIRBNB_URL)).resolves.toEqual(
			[],
		);
	});

	test('a calendar with closed dates only: no bookings', async () => {
		const feed = calendar(...stay('b@airbnb.com', '20300601', '20300605', 'SUMMARY:Blocked'));
		await expect(bookingsInCalendar(feed, SOURCE)).resolves.toEqual([]);
	});

	test('events of several VCALENDARs in one text are all read', async () => {
		const feed =
			calendar(...stay('one', '20300601', '20300603')) +
			calendar(...stay('two', '20300604', '20300606'));
		const bookings = await bookingsInCalendar(feed, SOURCE);
		expect(bookings.map((b) => b.reservationId)).toEqual(['one', 'two']);
	});
});

describe('feeds that are not used', () => {
	test.each<[string, string, RegExp]>([
		['empty.ics', 'is empty', /not taken to mean "no bookings"/],
		['not-ical.html', 'is not an iCalendar feed', /begins with "<!DOCTYPE html>"/],
		['no-vcalendar.ics', 'is not an iCalendar feed', /begins with "BEGIN:VEVENT"/],
		['truncated.ics', 'is cut off', /VEVENT begun on line 10 never ends/],
		[
			'missing-uid.ics',
			'has an event 1 (SUMMARY "Reserved", DTSTART "2030-03-08") that has no UID',
			/identifies the booking/,
		],
		[
			'missing-dtstart.ics',
			'has an event "no-start@airbnb.com" that has no start (DTSTART)',
			/needs a DTSTART/,
		],
		[
			'end-before-start.ics',
			'has an event "backwards@airbnb.com" that ends before it starts',
			/starts 2030-03-08 and ends 2030-03-05/,
		],
	])('%s: %s', async (file, what, detail) => {
		const problem = await problemOf(fixture(file), AIRBNB_URL);
		// The source is named, without the secret in its query string.
		expect(problem.message).toBe(
			`The calendar feed https://www.airbnb.com/calendar/ical/41234567.ics?… ${what}`,
		);
		expect(problem.message + problem.description).not.toContain('0123456789abcdef');
		expect(problem.description).toMatch(detail);
		expect(problem.description).toContain(
			'The feed was not used: no stay was created, changed or ended because of it.',
		);
	});

	test('blank text and text that is not a string', async () => {
		expect((await problemOf(' \r\n \n')).message).toBe(`The calendar feed ${SOURCE} is empty`);
		const binary = await problemOf(Buffer.from('BEGIN:VCALENDAR'));
		expect(binary.message).toBe(`The calendar feed ${SOURCE} did not arrive as text`);
		expect(binary.description).toContain('response format to Text');
	});

	test('an END that closes the wrong component', async () => {
		const feed = calendar('BEGIN:VEVENT', 'UID:x', 'DTSTART;VALUE=DATE:20300601', 'END:VTODO');
		const problem = await problemOf(feed);
		expect(problem.message).toBe(`The calendar feed ${SOURCE} is not valid iCalendar`);
		expect(problem.description).toContain(
			'Line 7 ends VTODO, but the component open there is the VEVENT begun on line 4.',
		);
	});

	test('a line that is not iCalendar', async () => {
		const feed = calendar(...stay('x', '20300601', '20300603'), '<div>oops</div>');
		const problem = await problemOf(feed);
		expect(problem.message).toBe(`The calendar feed ${SOURCE} is not valid iCalendar`);
		expect(problem.description).toContain('<div>oops</div>');
	});

	test.each([
		['a date that does not exist', 'DTSTART;VALUE=DATE:20301345', 'has an invalid DTSTART'],
		['a date that is not a date', 'DTSTART;VALUE=DATE:soon', 'has an invalid DTSTART'],
		['a time out of range', 'DTSTART:20300601T250000Z', 'has an invalid DTSTART'],
		['a start of another type', 'DTSTART;VALUE=TEXT:tomorrow', 'has an invalid DTSTART'],
	])('%s', async (_case, line, what) => {
		const feed = calendar(...event('UID:bad', line, 'DTEND;VALUE=DATE:20300610'));
		expect((await problemOf(feed)).message).toBe(
			`The calendar feed ${SOURCE} has an event "bad" that ${what}`,
		);
	});

	test('an end that is not after the start, or of another kind', async () => {
		const same = calendar(...stay('same', '20300601', '20300601'));
		expect((await problemOf(same)).message).toContain('"same" that ends when it starts');
		const mixed = calendar(
			...event('UID:mixed', 'DTSTART;VALUE=DATE:20300601', 'DTEND:20300603T100000Z'),
		);
		expect((await problemOf(mixed)).message).toContain('"mixed" that mixes a date and a date-time');
		const timedWithoutEnd = calendar(...event('UID:t', 'DTSTART:20300601T150000Z'));
		expect((await problemOf(timedWithoutEnd)).message).toContain('"t" that has no end (DTEND)');
		const badDuration = calendar(
			...event('UID:dur', 'DTSTART;VALUE=DATE:20300601', 'DURATION:PT5H'),
		);
		expect((await problemOf(badDuration)).message).toContain('"dur" that has an invalid DURATION');
	});

	test('two events with one UID', async () => {
		const feed = calendar(
			...stay('twice', '20300601', '20300603'),
			...stay('twice', '20300610', '20300612'),
		);
		const problem = await problemOf(feed);
		expect(problem.message).toBe(
			`The calendar feed ${SOURCE} has an event "twice" that repeats a UID`,
		);
		expect(problem.description).toContain('Events 1 and 2 share the UID');
	});

	test('closed dates and recurring events must be well-formed too', async () => {
		const closed = calendar(
			...event('SUMMARY:Blocked', 'DTSTART;VALUE=DATE:20300601', 'DTEND;VALUE=DATE:20300603'),
		);
		expect((await problemOf(closed)).message).toContain('that has no UID');
		const recurring = calendar(...event('UID:r', 'RRULE:FREQ=WEEKLY', 'SUMMARY:Cleaning'));
		expect((await problemOf(recurring)).message).toContain('"r" that has no start (DTSTART)');
	});
});

describe('the ical.js bundle', () => {
	test('ships as one file with its licence notice and no runtime require', () => {
		const bundle = readFileSync(path.join(root, 'dist/vendor/ical.js'), 'utf8');
		expect(bundle.split('\n')[0]).toMatch(
			/^\/\*! ical\.js \d+\.\d+\.\d+, unmodified\. .*MPL-2\.0: https:\/\/mozilla\.org\/MPL\/2\.0\/ .*https:\/\/github\.com\/kewisch\/ical\.js \*\/$/,
		);
		expect(bundle).not.toMatch(/\brequire\(/);
	});
});
