import { isIdempotent, type RequestFailure } from './failure';

/**
 * What a create or change that lost its answer may have done, and how the user finds out in n8n
 * before running the workflow again. Keyed by the request path, because the transport sees
 * requests, not operations.
 */
interface WriteEffect {
	/** Completes "Seam may have …", e.g. "created the access grant". */
	effect: string;
	/** The n8n operation that shows whether it happened. */
	check: string;
	/** When running again cannot do it twice. */
	safeRerun?: string;
}

const WRITE_EFFECTS: Record<string, WriteEffect> = {
	'/access_grants/create': {
		effect: 'created the access grant',
		check: 'Access Grant → Get Many (or Get by Access Grant Key)',
		safeRerun: 'with an Access Grant Key set, running again is safe',
	},
	'/access_grants/update': {
		effect: 'changed the access grant',
		check: 'Access Grant → Get',
		safeRerun: 'running again sets the same values',
	},
	'/acs/users/create': {
		effect: 'created the ACS user',
		check: 'ACS User → Get Many (search by name or email)',
	},
	'/acs/users/update': {
		effect: 'changed the ACS user',
		check: 'ACS User → Get',
		safeRerun: 'running again sets the same values',
	},
	'/acs/users/suspend': { effect: 'suspended the ACS user', check: 'ACS User → Get' },
	'/acs/users/unsuspend': { effect: 'unsuspended the ACS user', check: 'ACS User → Get' },
	'/acs/credentials/create': {
		effect: 'created the PIN code',
		check: 'ACS Credential → Get Many for the ACS user',
	},
	'/user_identities/create': {
		effect: 'created the user identity',
		check: 'User Identity → Get Many (search by name or email)',
		safeRerun: 'with a User Identity Key set, running again is safe',
	},
};

const UNKNOWN_WRITE: WriteEffect = {
	effect: 'applied the change',
	check: 'the matching Get operation',
};

export interface LostWriteNotice {
	/** Appended to the error message: what may have happened anyway. */
	sentence: string;
	/** The first line of the error description: how to check, and whether a re-run is safe. */
	advice: string;
}

function whenItFailed(failure: RequestFailure): string {
	if (failure.kind === 'server-error') return 'the error';
	return failure.timedOut ? 'the request timed out' : 'the connection failed';
}

/**
 * For a write whose outcome is unknown (5xx, or no answer after the request may have left), what
 * to tell the user; undefined for reads and for failures that prove nothing was done.
 */
export function lostWriteNotice(failure: RequestFailure): LostWriteNotice | undefined {
	if (failure.method === undefined || isIdempotent(failure.method)) return undefined;
	if (failure.kind !== 'server-error' && failure.kind !== 'no-answer') return undefined;
	const known = failure.path ? WRITE_EFFECTS[failure.path] : undefined;
	const { effect, check, safeRerun } = known ?? UNKNOWN_WRITE;
	return {
		sentence: `Seam may have ${effect} before ${whenItFailed(failure)}.`,
		advice: `Check with ${check} before running again${safeRerun ? `; ${safeRerun}` : ''}.`,
	};
}
