import { InputProblem } from '../../parameters';

/**
 * The feed as messages name it: the source given, without its query string. Calendar export links
 * carry their secret there (Airbnb's ?s=…, Booking.com's ?t=…), and messages end up in saved
 * executions.
 */
export function feedLabel(source: string): string {
	const trimmed = source.trim();
	const query = trimmed.indexOf('?');
	return query === -1 ? trimmed : `${trimmed.slice(0, query)}?…`;
}

const NOT_USED = 'The feed was not used: no stay was created, changed or ended because of it.';

/** "The calendar feed <label> <what>", with what was found and the promise that nothing moved. */
export function feedProblem(feed: string, what: string, detail: string): InputProblem {
	const name = feed ? `The calendar feed ${feed}` : 'The calendar feed';
	return new InputProblem(`${name} ${what}`, `${detail} ${NOT_USED}`);
}

/** A short, one-line rendering of text from the feed, for messages. */
export function excerpt(value: string, max = 60): string {
	const line = value.replace(/\s+/g, ' ').trim();
	return JSON.stringify(line.length > max ? `${line.slice(0, max - 1)}…` : line);
}
