import { resumeAccessCodes } from './access-codes';
import { createActionAttempt, failActionAttempt, succeedActionAttempt } from './action-attempts';
import { recordEvent } from './events';
import type { ActionAttemptRecord, DeviceRecord, Store } from './store';

// Remote lock and unlock (Seam's "Locking and Unlocking Smart Locks"): the
// request answers with a pending LOCK_DOOR / UNLOCK_DOOR action attempt, and
// the lock reports back after SandboxOptions.actionAttemptDelayMs. Whether it
// worked is decided then: an offline lock (sandbox.setDeviceOnline) fails the
// attempt; otherwise properties.locked changes, with lock.locked /
// lock.unlocked (method 'remote', the attempt's id) and
// action_attempt.<lock_door|unlock_door>.succeeded, or .failed on error.

type LockActionType = 'LOCK_DOOR' | 'UNLOCK_DOOR';

// Seam documents no error type for an action attempt on an unreachable lock;
// this one follows its device/access code error code of the same meaning.
export const DEVICE_OFFLINE_ERROR = {
	type: 'device_offline',
	message: 'The device is offline: Seam could not reach it. Try again once it is back online.',
};

export function requestLockAction(
	store: Store,
	device: DeviceRecord,
	action_type: LockActionType,
	now: Date,
	delayMs: number,
): ActionAttemptRecord {
	const attempt = createActionAttempt(store, action_type, device.device_id, now, delayMs);
	settleLockActions(store, now);
	return attempt;
}

export function settleLockActions(store: Store, now: Date): void {
	const due = [...store.actionAttempts.values()]
		.filter(
			(attempt) =>
				isLockAction(attempt) && attempt.status === 'pending' && attempt.due_at_ms <= now.getTime(),
		)
		.sort((a, b) => a.due_at_ms - b.due_at_ms || a.seq - b.seq);
	for (const attempt of due) finishLockAction(store, attempt, new Date(attempt.due_at_ms));
}

export function nextLockActionDueAt(store: Store): number {
	let next = Infinity;
	for (const attempt of store.actionAttempts.values()) {
		if (isLockAction(attempt) && attempt.status === 'pending')
			next = Math.min(next, attempt.due_at_ms);
	}
	return next;
}

const isLockAction = (attempt: ActionAttemptRecord): boolean =>
	attempt.action_type === 'LOCK_DOOR' || attempt.action_type === 'UNLOCK_DOOR';

function finishLockAction(store: Store, attempt: ActionAttemptRecord, at: Date): void {
	const device = attempt.device_id == null ? undefined : store.devices.get(attempt.device_id);
	const locking = attempt.action_type === 'LOCK_DOOR';
	const prefix = locking ? 'action_attempt.lock_door' : 'action_attempt.unlock_door';
	const subject = {
		action_attempt_id: attempt.action_attempt_id,
		action_type: attempt.action_type,
		...(device == null ? {} : { device_id: device.device_id }),
	};
	if (device == null || !device.online) {
		failActionAttempt(attempt, DEVICE_OFFLINE_ERROR);
		recordEvent(store, `${prefix}.failed`, { ...subject, status: 'error' }, at);
		return;
	}
	device.locked = locking;
	succeedActionAttempt(attempt, { was_confirmed_by_device: true });
	recordEvent(
		store,
		locking ? 'lock.locked' : 'lock.unlocked',
		{ device_id: device.device_id, method: 'remote', action_attempt_id: attempt.action_attempt_id },
		at,
	);
	recordEvent(store, `${prefix}.succeeded`, { ...subject, status: 'success' }, at);
}

/**
 * sandbox.setDeviceOnline: the lock drops off (device.disconnected) or comes back
 * (device.connected) and takes the access codes that waited for it (access-codes.ts).
 */
export function setDeviceOnline(
	store: Store,
	device: DeviceRecord,
	online: boolean,
	now: Date,
): void {
	if (device.online === online) return;
	device.online = online;
	device.offline_since = online ? null : now.toISOString();
	if (online) {
		recordEvent(store, 'device.connected', { device_id: device.device_id }, now);
		resumeAccessCodes(store, device.device_id, now);
	} else {
		recordEvent(
			store,
			'device.disconnected',
			{
				device_id: device.device_id,
				error_code: 'device_disconnected',
				connected_account_errors: [],
				connected_account_warnings: [],
				device_errors: [],
				device_warnings: [],
			},
			now,
		);
	}
}
