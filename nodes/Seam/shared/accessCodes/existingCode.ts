import type { IDataObject } from 'n8n-workflow';

import type { Field, FormReader } from '../parameters';
import type { CodeRequest } from './codeFields';
import { type CodeLock, codeMisfit } from './codeLock';

// Seam's access codes take no idempotency key, and a code Seam chooses differs on every create:
// a step run again (n8n retrying a failed execution, a schedule firing twice) would put a second
// code on the lock and use up its few places. The code an earlier run made is found instead, by
// what the form asked for, among the lock's codes read before creating (freeSlot.ts).

/**
 * A time as whole seconds since the epoch, or undefined when absent. Seconds, not milliseconds:
 * the same time may come back from Seam without the milliseconds it was sent with.
 */
function instant(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	return Math.floor(Date.parse(value) / 1000);
}

/**
 * Whether this code on the lock is the one the request would create: the same name, the same
 * validity (compared as instants; with Valid From empty each run sends its own "now", so any
 * code that has already started matches), the same custom code when one is given, the same kind
 * (offline or not), and not being removed. A code changed by hand since is no match.
 */
export function isSameCode(code: IDataObject, request: CodeRequest): boolean {
	if (code.status === 'removing') return false;
	if ((code.is_offline_access_code === true) !== request.offline) return false;
	if (typeof code.name !== 'string' || code.name.trim() !== request.name) return false;
	if (request.code !== undefined && code.code !== request.code) return false;
	if (instant(code.ends_at) !== instant(request.window.ends_at)) return false;
	const starts = instant(code.starts_at);
	const asked = instant(request.window.starts_at);
	if (!request.startsNow) return starts === asked;
	return starts === undefined || (asked !== undefined && starts <= asked);
}

/** The matching code made first, when an earlier double run left more than one. */
export function findSameCode(codes: IDataObject[], request: CodeRequest): IDataObject | undefined {
	return codes
		.filter((code) => isSameCode(code, request))
		.sort((a, b) => (instant(a.created_at) ?? 0) - (instant(b.created_at) ?? 0))[0];
}

/** The PIN every one of these codes has, when they all have one and the same. */
export function sharedCode(codes: IDataObject[]): string | undefined {
	const pins = new Set(codes.map((code) => code.code));
	const [only] = pins;
	return pins.size === 1 && typeof only === 'string' && only !== '' ? only : undefined;
}

const names = (locks: CodeLock[]) => locks.map((lock) => lock.name).join(', ');

/**
 * A lock still without the code gets the PIN the other locks already have, so that whoever uses
 * it keeps one PIN. When the lock cannot take it (its keypad, or another of its codes has those
 * digits) and the form says codes must not differ, nothing is created.
 */
export function assertSharedCodeFits(
	form: FormReader,
	{ code, lock, codesThere, holders, whenNotShared, differentCode }: SharedCodeCheck,
): void {
	const taken = codesThere.find((other) => other.code === code);
	const misfit =
		codeMisfit(code, lock) ??
		(taken === undefined
			? undefined
			: taken.status === 'removing'
				? `still holds ${code} in a code being removed (${String(taken.access_code_id)}): run this again once it is gone`
				: `already has ${code} in another code (${String(taken.access_code_id)})`);
	if (misfit === undefined) return;
	const have = holders.length === 1 ? 'has' : 'have';
	form.fail(
		`${lock.name} cannot take the code ${code} that ${names(holders)} already ${have}`,
		`An earlier run of this step gave ${names(holders)} the code ${code} (the same Name, Valid From and Valid Until), and ${lock.name} ${misfit}. To give ${lock.name} a code of its own, set "${whenNotShared.label}" to "${differentCode}"; to give every lock a new common code, delete the code on ${names(holders)} first (Access Code → Delete). Nothing was created.`,
	);
}

export interface SharedCodeCheck {
	/** The PIN the other locks have. */
	code: string;
	/** The lock that does not have it yet. */
	lock: CodeLock;
	/** That lock's managed codes, as read before creating. */
	codesThere: IDataObject[];
	/** The locks that have it. */
	holders: CodeLock[];
	/** The field that decides what happens when a lock cannot share the code, and its other choice. */
	whenNotShared: Field;
	differentCode: string;
}
