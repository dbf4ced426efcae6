import { nextAccessCodeDueAt, settleAccessCodes } from './access-codes';
import { settleAccessGrants } from './access-grant-lifecycle';
import { issueDueCredentials } from './credentials';
import { nextLockActionDueAt, settleLockActions } from './lock-actions';
import type { Store } from './store';

/**
 * Brings time-based state up to `now` before a request is handled: PINs and
 * access methods that providers have finished programming, access time
 * changes that have been reprogrammed, access codes set, expired or removed,
 * and lock actions finished. See credentials.ts and
 * access-grant-lifecycle.ts for why this is lazy rather than timer-driven.
 */
export function settleDueWork(store: Store, now: Date): void {
	issueDueCredentials(store, now);
	settleAccessGrants(store, now);
	settleAccessCodes(store, now);
	settleLockActions(store, now);
}

/**
 * When settleDueWork next has something to do (epoch ms), or null. Webhooks
 * need it: nobody may send a request when a PIN is due, yet its event must
 * still be delivered then (see due-work-timer.ts).
 */
export function nextDueAt(store: Store): number | null {
	let next = Math.min(nextAccessCodeDueAt(store), nextLockActionDueAt(store));
	for (const credential of store.credentials.values()) {
		if (credential.issued_at == null) next = Math.min(next, credential.issue_due_at_ms);
	}
	for (const method of store.accessMethods.values()) {
		if (method.issued_at == null) next = Math.min(next, method.issue_due_at_ms);
	}
	for (const grant of store.accessGrants.values()) {
		if (grant.times_change != null) next = Math.min(next, grant.times_change.due_at_ms);
	}
	return Number.isFinite(next) ? next : null;
}
