import http from 'node:http';
import type { AddressInfo } from 'node:net';

// Listing calendars as Airbnb, Booking.com and Vrbo export them (the shapes of the samples in
// test/fixtures/ical/), with dates relative to today, served over HTTP by a local server whose
// feeds a test changes between sync runs.

export type Channel = 'airbnb' | 'bookingCom' | 'vrbo';

export interface FeedEvent {
	uid: string;
	/** Days from today (UTC) of the check-in and check-out days. */
	from: number;
	to: number;
	/** A blocked period (owner stay, maintenance), not a guest. */
	blocked?: boolean;
	/** Airbnb: the last 4 digits of the guest's phone; Vrbo: the guest's name. */
	phoneLast4?: string;
	guestName?: string;
}

const day = (offset: number) => {
	const date = new Date(Date.now() + offset * 86_400_000);
	return date.toISOString().slice(0, 10).replace(/-/g, '');
};

function airbnbEvent(event: FeedEvent): string[] {
	const lines = [`DTEND;VALUE=DATE:${day(event.to)}`, `DTSTART;VALUE=DATE:${day(event.from)}`];
	lines.push(`UID:${event.uid}`);
	if (event.blocked) return [...lines, 'SUMMARY:Airbnb (Not available)'];
	const url = `https://www.airbnb.com/hosting/reservations/details/${event.uid.slice(0, 10).toUpperCase()}`;
	const phone = event.phoneLast4 ? `\\nPhone Number (Last 4 Digits): ${event.phoneLast4}` : '';
	return [...lines, `DESCRIPTION:Reservation URL: ${url}${phone}`, 'SUMMARY:Reserved'];
}

function bookingComEvent(event: FeedEvent): string[] {
	return [
		`DTSTART;VALUE=DATE:${day(event.from)}`,
		`DTEND;VALUE=DATE:${day(event.to)}`,
		`UID:${event.uid}`,
		`SUMMARY:${event.blocked ? 'CLOSED - Not available' : 'CLOSED - Not available'}`,
	];
}

function vrboEvent(event: FeedEvent): string[] {
	return [
		`UID:${event.uid}`,
		`DTSTAMP:${day(0)}T000000Z`,
		`DTSTART;VALUE=DATE:${day(event.from)}`,
		`DTEND;VALUE=DATE:${day(event.to)}`,
		`SUMMARY:${event.blocked ? 'Blocked' : `Reserved - ${event.guestName ?? 'Guest'}`}`,
	];
}

const PRODID: Record<Channel, string> = {
	airbnb: 'PRODID;X-RICAL-TZSOURCE=TZINFO:-//Airbnb Inc//Hosting Calendar 0.8.8//EN',
	bookingCom: 'PRODID:-//admin.booking.com//EN',
	vrbo: 'PRODID:-//HomeAway.com\\, Inc.//EN',
};

const EVENT: Record<Channel, (event: FeedEvent) => string[]> = {
	airbnb: airbnbEvent,
	bookingCom: bookingComEvent,
	vrbo: vrboEvent,
};

/** A whole feed in a channel's style, CRLF line ends as iCalendar wants. */
export function calendarFeed(channel: Channel, events: FeedEvent[]): string {
	return [
		'BEGIN:VCALENDAR',
		PRODID[channel],
		'CALSCALE:GREGORIAN',
		'VERSION:2.0',
		...events.flatMap((event) => ['BEGIN:VEVENT', ...EVENT[channel](event), 'END:VEVENT']),
		'END:VCALENDAR',
		'',
	].join('\r\n');
}

export interface FeedServer {
	url(name: string): string;
	/** What GET /<name>.ics answers from now on: a feed text, or a status with a body. */
	set(name: string, body: string, status?: number): void;
	/** How many times each feed was fetched. */
	fetches: Map<string, number>;
	close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
	const feeds = new Map<string, { body: string; status: number }>();
	const fetches = new Map<string, number>();
	const server = http.createServer((req, res) => {
		const name = (req.url ?? '').replace(/^\//, '').replace(/\.ics(\?.*)?$/, '');
		fetches.set(name, (fetches.get(name) ?? 0) + 1);
		const feed = feeds.get(name);
		if (!feed) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('no such calendar');
			return;
		}
		res.writeHead(feed.status, { 'content-type': 'text/calendar; charset=utf-8' }).end(feed.body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: (name) => `http://127.0.0.1:${port}/${name}.ics`,
		set: (name, body, status = 200) => feeds.set(name, { body, status }),
		fetches,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
