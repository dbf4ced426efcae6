import type { IDataObject } from 'n8n-workflow';

import type { StayChange } from './stayPlan';
import type { StayPins } from './stayPins';
import { readableTime } from './stayTimes';

export interface Guest {
	name: string | null;
	email: string | null;
	phone: string | null;
	user_identity_id: string;
}

export interface StayFacts {
	status: string;
	reservationId: string;
	grant: IDataObject;
	guest: Guest;
	pins: StayPins;
	/** The doors by name, as the form asked for them (or as the grant's PINs open them). */
	doors: string[];
	timeZone: string;
	changes?: StayChange[];
	/** Words for the guest message's subject, e.g. "Your stay has moved". */
	headline: string;
}

function list(names: string[]): string {
	if (names.length <= 1) return names.join('');
	return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function pinLines(pins: StayPins, doors: string[]): string {
	const issued = pins.pins.filter((pin) => pin.code);
	const codes = [...new Set(issued.map((pin) => pin.code))];
	if (!pins.issued || codes.length === 0) {
		return 'Your door code is being set up on the locks. We will send it to you as soon as it is ready.';
	}
	if (codes.length === 1) {
		return `Your door code is ${codes[0]}. It opens ${list(doors.length ? doors : issued.flatMap((p) => p.doors))}.`;
	}
	return ['Your door codes:', ...issued.map((pin) => `- ${pin.code}: ${list(pin.doors)}`)].join(
		'\n',
	);
}

/** The seam warnings a host can act on, without Seam's timestamps. */
function warningsOf(grant: IDataObject): IDataObject[] {
	return ((grant.warnings ?? []) as IDataObject[]).map((warning) =>
		Object.fromEntries(Object.entries(warning).filter(([field]) => field !== 'created_at')),
	);
}

/**
 * One output item per stay: what happened, the PIN, the doors, when access starts and ends (as
 * Seam stores it and as the guest reads it at the property), and a message ready for an Email
 * or SMS node.
 */
export async function stayItem(facts: StayFacts): Promise<IDataObject> {
	const { grant, pins, guest, timeZone } = facts;
	const validFrom = String(grant.starts_at);
	const validUntil = String(grant.ends_at);
	const fromLocal = await readableTime(validFrom, timeZone);
	const untilLocal = await readableTime(validUntil, timeZone);
	const codes = pins.pins.map((pin) => pin.code).filter((code): code is string => Boolean(code));
	const greeting = guest.name ? `Hello ${guest.name},` : 'Hello,';
	const message = [
		greeting,
		'',
		pinLines(pins, facts.doors),
		`Valid from ${fromLocal} until ${untilLocal} (${timeZone} time).`,
		'',
		`Reservation ${facts.reservationId}`,
	].join('\n');
	const changed = ['created', 'updated', 'moved'].includes(facts.status);
	return {
		status: facts.status,
		reservation_id: facts.reservationId,
		...(facts.changes ? { changes: facts.changes } : {}),
		guest: { ...guest },
		pin: pins.issued ? (codes[0] ?? null) : null,
		pin_status: pins.issued ? 'issued' : 'pending',
		pins: pins.pins.map((pin) => ({ ...pin, doors: [...pin.doors] })),
		doors: [...facts.doors],
		valid_from: validFrom,
		valid_until: validUntil,
		valid_from_local: fromLocal,
		valid_until_local: untilLocal,
		time_zone: timeZone,
		access_grant_id: String(grant.access_grant_id),
		warnings: warningsOf(grant),
		notify_guest: changed && pins.issued,
		message_subject: `${facts.headline}: reservation ${facts.reservationId}`,
		message,
	};
}
