import type { IDataObject } from 'n8n-workflow';

import type { GuestDetails } from './guestIdentity';
import { planStay, type StayPlan } from './stayPlan';
import type { StayTimes } from './stayTimes';

/** One booking of the source, as the stay it should be. */
export interface WantedBooking {
	/** The ID in the source (a PMS reservation ID, an iCal event's UID). */
	reservationId: string;
	/** Seam's reservation_key: the sync's prefix and the reservation ID. */
	reservationKey: string;
	guest: GuestDetails;
	/** The unit (and shared areas): space keys or space IDs, as the sync names units. */
	units: string[];
	times: StayTimes;
	/** A chosen code; undefined when Seam chooses. */
	code?: string;
	/** The input item it came from. */
	item: number;
}

export type SyncAction = 'create' | 'update' | 'move' | 'revoke';

export interface SyncChange {
	action: SyncAction;
	/** Why, in words a host reads. */
	reason: string;
	reservationKey: string;
	/** What the stay should be; absent for a revoke. */
	booking?: WantedBooking;
	/** How to write it; absent for a revoke. */
	plan?: StayPlan;
	/** For a revoke: the grants to delete. */
	revoke: IDataObject[];
	item: number;
}

export interface SyncPlan {
	changes: SyncChange[];
	unchanged: number;
	/** Bookings of the source whose stay is over: nothing to grant. */
	ended: number;
}

const ACTIONS = { created: 'create', updated: 'update', moved: 'move' } as const;

const isOpen = (grant: IDataObject, now: number) =>
	grant.ends_at == null || Date.parse(String(grant.ends_at)) > now;

function reasonFor(plan: StayPlan, booking: WantedBooking, current: IDataObject | undefined) {
	if (!current) return 'new booking';
	const said: string[] = [];
	if (plan.changes.includes('doors')) said.push(`unit is now ${booking.units.join(', ')}`);
	if (plan.changes.includes('dates')) {
		said.push(
			`dates changed: ${String(current.starts_at)} – ${String(current.ends_at)} → ${booking.times.validFrom} – ${booking.times.validUntil}`,
		);
	}
	if (plan.changes.includes('pin')) said.push('PIN changed');
	return said.join('; ') || 'the reservation had more than one grant';
}

/**
 * What makes Seam match the source, and nothing else: each booking's stay created, updated or
 * moved (as Grant or Update Access would), and the owned stays the source no longer has revoked
 * while they still give access. Unchanged stays and stays that are over cost nothing.
 */
export function planSync(
	wanted: WantedBooking[],
	owned: ReadonlyMap<string, IDataObject[]>,
	spaceIdsOfUnit: ReadonlyMap<string, string[]>,
	now: number,
): SyncPlan {
	const changes: SyncChange[] = [];
	let unchanged = 0;
	let ended = 0;
	const seen = new Set<string>();
	for (const booking of wanted) {
		seen.add(booking.reservationKey);
		const current = owned.get(booking.reservationKey) ?? [];
		if (Date.parse(booking.times.validUntil) <= now) {
			ended++;
			// A booking cut short into the past (an early check-out in the PMS) ends its access now.
			const open = current.filter((grant) => isOpen(grant, now));
			if (open.length > 0) {
				changes.push({
					action: 'revoke',
					reason: `the booking ended at ${booking.times.checkOut}`,
					reservationKey: booking.reservationKey,
					revoke: open,
					item: booking.item,
				});
			}
			continue;
		}
		const plan = planStay(
			current.map((grant) => ({
				grant,
				spaceIds: ((grant.space_ids ?? []) as string[]).map(String).sort(),
			})),
			{
				spaceIds: [
					...new Set(booking.units.flatMap((unit) => spaceIdsOfUnit.get(unit) ?? [])),
				].sort(),
				validFrom: booking.times.validFrom,
				validUntil: booking.times.validUntil,
				code: booking.code,
			},
		);
		if (plan.status === 'unchanged') {
			unchanged++;
			continue;
		}
		changes.push({
			action: ACTIONS[plan.status],
			reason: reasonFor(plan, booking, current[0]),
			reservationKey: booking.reservationKey,
			booking,
			plan,
			revoke: [],
			item: booking.item,
		});
	}
	for (const [reservationKey, grants] of owned) {
		if (seen.has(reservationKey)) continue;
		const open = grants.filter((grant) => isOpen(grant, now));
		if (open.length === 0) continue;
		changes.push({
			action: 'revoke',
			reason: 'no longer in the source: cancelled, or removed from the calendar',
			reservationKey,
			revoke: open,
			item: 0,
		});
	}
	return { changes, unchanged, ended };
}
