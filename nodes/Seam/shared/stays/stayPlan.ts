import type { IDataObject } from 'n8n-workflow';

import { requestedCode } from './stayGrants';

/** What a run did to a stay, as the output's `status` says it. */
export type StayStatus = 'created' | 'updated' | 'moved' | 'unchanged';
export type StayChange = 'doors' | 'dates' | 'pin';

/** An existing grant of the reservation, with what decides whether it still fits. */
export interface CurrentGrant {
	grant: IDataObject;
	/** Its spaces, sorted; undefined when the stay is given as devices or entrances. */
	spaceIds?: string[];
	/** Devices and entrances it opens, sorted; undefined when the stay compares spaces only. */
	doorIds?: string[];
}

export interface WantedStay {
	/** Spaces, sorted; undefined when the doors are given as devices or entrances. */
	spaceIds?: string[];
	/** Devices and entrances, sorted; undefined when the doors are given as spaces. */
	doorIds?: string[];
	validFrom: string;
	validUntil: string;
	/** A code the stay asks for; undefined when Seam chooses. */
	code?: string;
}

export interface StayPlan {
	status: StayStatus;
	changes: StayChange[];
	/** The grant that stays (its times updated when `updateTimes`); undefined: create one. */
	keep?: IDataObject;
	updateTimes: boolean;
	/** Grants of the reservation to delete once the kept or new grant exists. */
	remove: IDataObject[];
	/** The grant the guest has now, newest first: the new one reuses its identity and PIN. */
	previous?: IDataObject;
}

const sameInstant = (a: unknown, b: string) => a != null && Date.parse(String(a)) === Date.parse(b);
const sameList = (a: string[] | undefined, b: string[] | undefined) =>
	a === undefined || b === undefined || (a.length === b.length && a.every((v, k) => v === b[k]));

function sameDoors(current: CurrentGrant, wanted: WantedStay): boolean {
	return sameList(current.spaceIds, wanted.spaceIds) && sameList(current.doorIds, wanted.doorIds);
}

function sameCode(current: CurrentGrant, wanted: WantedStay): boolean {
	return wanted.code === undefined || requestedCode(current.grant) === wanted.code;
}

/**
 * The upsert of a stay. A grant on the wanted doors with the wanted code is kept (its times
 * updated if they moved); any other grant of the reservation is removed after it. Without such
 * a grant a new one is created first and the old ones removed after, so the guest is never
 * without a working PIN while a move is under way. Grants are given newest first.
 */
export function planStay(current: CurrentGrant[], wanted: WantedStay): StayPlan {
	const previous = current[0]?.grant;
	const fit = current.find((c) => sameDoors(c, wanted) && sameCode(c, wanted));
	if (fit) {
		const updateTimes = !(
			sameInstant(fit.grant.starts_at, wanted.validFrom) &&
			sameInstant(fit.grant.ends_at, wanted.validUntil)
		);
		const remove = current.filter((c) => c !== fit).map((c) => c.grant);
		const changes: StayChange[] = [];
		if (remove.length > 0) changes.push('doors');
		if (updateTimes) changes.push('dates');
		return {
			status: remove.length > 0 ? 'moved' : updateTimes ? 'updated' : 'unchanged',
			changes,
			keep: fit.grant,
			updateTimes,
			remove,
			previous,
		};
	}
	if (current.length === 0) {
		return { status: 'created', changes: [], updateTimes: false, remove: [] };
	}
	const newest = current[0];
	const changes: StayChange[] = [];
	const doorsMoved = !sameDoors(newest, wanted);
	if (doorsMoved) changes.push('doors');
	if (
		!(
			sameInstant(newest.grant.starts_at, wanted.validFrom) &&
			sameInstant(newest.grant.ends_at, wanted.validUntil)
		)
	) {
		changes.push('dates');
	}
	if (!sameCode(newest, wanted)) changes.push('pin');
	return {
		status: doorsMoved ? 'moved' : 'updated',
		changes,
		updateTimes: false,
		remove: current.map((c) => c.grant),
		previous,
	};
}
