import { excerpt, feedProblem } from './feedProblems';

const CONTENT_LINE = /^(BEGIN|END):([A-Za-z0-9-]+)\s*$/i;

/**
 * The checks that come before parsing: there is text, it is iCalendar, and every BEGIN has its
 * END. ical.js reads an END that closes the wrong component without a word, and a feed cut off
 * in transit would otherwise read as a calendar with fewer bookings, which a sync would take for
 * cancellations. Returns the text without a byte-order mark.
 */
export function checkedFeedText(input: unknown, feed: string): string {
	if (typeof input !== 'string') {
		throw feedProblem(
			feed,
			'did not arrive as text',
			`It arrived as ${input === null ? 'null' : typeof input}; an iCalendar feed is text beginning with BEGIN:VCALENDAR. If the feed is downloaded by an HTTP Request node, set its response format to Text.`,
		);
	}
	const text = input.replace(/^\uFEFF/, '');
	if (text.trim() === '') {
		throw feedProblem(
			feed,
			'is empty',
			'It has no text at all, not even an empty calendar (BEGIN:VCALENDAR … END:VCALENDAR), as when a download fails. An empty answer is not taken to mean "no bookings".',
		);
	}
	const lines = text.split(/\r\n|\n|\r/);
	const first = lines.find((line) => line.trim() !== '') ?? '';
	if (first.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
		throw feedProblem(
			feed,
			'is not an iCalendar feed',
			`It begins with ${excerpt(first)}, where an iCalendar feed begins with BEGIN:VCALENDAR. Check that the link is the listing's calendar export link (Airbnb: Calendar → Availability → Connect to another website; Booking.com: Calendar → Sync calendars; Vrbo: Calendar → Import & export), not a web page.`,
		);
	}
	const open: Array<{ name: string; line: number }> = [];
	lines.forEach((line, index) => {
		const match = CONTENT_LINE.exec(line);
		if (!match) return;
		const name = match[2].toUpperCase();
		if (match[1].toUpperCase() === 'BEGIN') {
			open.push({ name, line: index + 1 });
			return;
		}
		const closing = open.pop();
		if (closing?.name !== name) {
			throw feedProblem(
				feed,
				'is not valid iCalendar',
				closing
					? `Line ${index + 1} ends ${name}, but the component open there is the ${closing.name} begun on line ${closing.line}.`
					: `Line ${index + 1} ends ${name}, which was never begun.`,
			);
		}
	});
	const unclosed = open.pop();
	if (unclosed) {
		throw feedProblem(
			feed,
			'is cut off',
			`The ${unclosed.name} begun on line ${unclosed.line} never ends: the text stops before END:${unclosed.name}, as when a download is interrupted. A partial feed would make the stays it lost look cancelled.`,
		);
	}
	return text;
}
