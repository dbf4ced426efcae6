import { randomUUID } from 'node:crypto';

import {
	accessCodeFailure,
	type AccessCodeFailure,
	delayWarning,
	presentFailure,
} from './access-code-failures';
import { createActionAttempt, failActionAttempt, succeedActionAttempt } from './action-attempts';
import { deviceErrorsOf } from './device-errors';
import { type EventSubject, recordEvent, type SandboxEventType } from './events';
import type { AccessCodeRecord, AccessCodeStatus, AccessCodeUpdate, Store } from './store';

// The life of a managed access code on a smart lock, as Seam's "Lifecycle of
// Access Codes" describes it: created → `setting` (or `unset` until a future
// starts_at) → `set` (access_code.set_on_device) → at ends_at, or after
// /access_codes/delete (`removing`), removed from the lock
// (access_code.removed_from_device, only if it was ever set) and deleted
// (access_code.deleted). Nothing runs on a timer: settleAccessCodes() brings
// every code up to date before each request (settle.ts), and the status is
// derived from the recorded times on each read.
//
// When the lock is to take a code, it may not: offline (sandbox.setDeviceOnline),
// the code waits with a delay_in_setting_on_device warning and is set when the
// lock is back; refusing codes (sandbox.failAccessCodesOn), the code gets the
// error instead (access-code-failures.ts).

export interface NewAccessCode {
	device_id: string;
	name: string | null;
	code: string;
	common_code_key: string | null;
	starts_at: string | null;
	ends_at: string | null;
	is_offline_access_code: boolean;
	is_one_time_use: boolean;
	is_external_modification_allowed: boolean;
}

export function accessCodeStatus(code: AccessCodeRecord, now: Date): AccessCodeStatus {
	if (code.removal_due_at_ms != null) return 'removing';
	if (code.set_at != null) return 'set';
	if (code.starts_at != null && Date.parse(code.starts_at) > now.getTime()) return 'unset';
	return 'setting';
}

/** When the lock will report a code with these times as programmed: at starts_at at the earliest. */
function setDueAt(starts_at: string | null, now: Date, delayMs: number): number {
	const from = starts_at == null ? now.getTime() : Math.max(now.getTime(), Date.parse(starts_at));
	return from + delayMs;
}

/** Creates the code and its CREATE_ACCESS_CODE action attempt; set at once when nothing is to wait for. */
export function createAccessCode(
	store: Store,
	fields: NewAccessCode,
	now: Date,
	delayMs: number,
	access_code_id: string = randomUUID(),
	/** A code that is already on the lock (convert_to_managed): no created / set_on_device events. */
	{ silent = false }: { silent?: boolean } = {},
): AccessCodeRecord {
	const setDue = setDueAt(fields.starts_at, now, delayMs);
	const attempt = createActionAttempt(store, 'CREATE_ACCESS_CODE', fields.device_id, now, 0);
	attempt.due_at_ms = setDue;
	const code: AccessCodeRecord = {
		seq: store.nextSeq(),
		access_code_id,
		...fields,
		set_due_at_ms: setDue,
		set_at: null,
		removal_due_at_ms: null,
		action_attempt_id: attempt.action_attempt_id,
		update: null,
		fails_with: silent ? null : (store.accessCodeFailures.get(fields.device_id) ?? null),
		failure: null,
		delayed_at: null,
		created_at: now.toISOString(),
	};
	store.accessCodes.set(code.access_code_id, code);
	if (silent) {
		code.set_at = now.toISOString();
		succeedActionAttempt(attempt, { access_code: presentAccessCode(store, code, now) });
		return code;
	}
	recordCodeEvent(store, 'access_code.created', code, now);
	settleAccessCodes(store, now);
	return code;
}

/**
 * New name, code or times. A change the lock must be told about (code, times)
 * is programmed again: the code goes back to `setting` (or `unset`) until the
 * lock reports it, and an UPDATE_ACCESS_CODE attempt finishes then; a new name
 * only is done at once.
 */
export function updateAccessCode(
	store: Store,
	code: AccessCodeRecord,
	to: Pick<AccessCodeRecord, 'name' | 'code' | 'starts_at' | 'ends_at'>,
	now: Date,
	delayMs: number,
): string {
	const reprogram =
		to.code !== code.code || to.starts_at !== code.starts_at || to.ends_at !== code.ends_at;
	finishPendingAttempt(store, code);
	const attempt = createActionAttempt(store, 'UPDATE_ACCESS_CODE', code.device_id, now, 0);
	// A code already on the lock reports what is being changed; one not yet set is still being created.
	if (reprogram && code.set_at != null) {
		code.update = {
			from: { code: code.code, starts_at: code.starts_at, ends_at: code.ends_at },
			created_at: now.toISOString(),
		};
	}
	Object.assign(code, to);
	if (reprogram) {
		code.set_at = null;
		code.set_due_at_ms = setDueAt(code.starts_at, now, delayMs);
		attempt.due_at_ms = code.set_due_at_ms;
		// The lock is asked again: an earlier refusal or delay is over, and it may refuse this one.
		code.failure = null;
		code.delayed_at = null;
		code.fails_with = store.accessCodeFailures.get(code.device_id) ?? null;
	}
	code.action_attempt_id = attempt.action_attempt_id;
	recordCodeEvent(store, 'access_code.changed', code, now);
	if (!reprogram) finishPendingAttempt(store, code);
	settleAccessCodes(store, now);
	return attempt.action_attempt_id;
}

/** /access_codes/delete: `removing` until the lock reports it gone (at once with no delay). */
export function requestAccessCodeRemoval(
	store: Store,
	code: AccessCodeRecord,
	now: Date,
	delayMs: number,
): string {
	finishPendingAttempt(store, code);
	const attempt = createActionAttempt(store, 'DELETE_ACCESS_CODE', code.device_id, now, delayMs);
	code.action_attempt_id = attempt.action_attempt_id;
	code.removal_due_at_ms = now.getTime() + delayMs;
	settleAccessCodes(store, now);
	return attempt.action_attempt_id;
}

/** Everything that has fallen due, in time order: codes set, expired and removed. */
export function settleAccessCodes(store: Store, now: Date): void {
	const nowMs = now.getTime();
	const work: Array<{ at: number; seq: number; run: () => void }> = [];
	for (const code of store.accessCodes.values()) {
		const endsAt = code.ends_at == null ? Infinity : Date.parse(code.ends_at);
		const removalAt = Math.min(endsAt, code.removal_due_at_ms ?? Infinity);
		if (waitsForLock(code) && code.set_due_at_ms <= nowMs && code.set_due_at_ms < removalAt) {
			work.push({ at: code.set_due_at_ms, seq: code.seq, run: () => putOnLock(store, code) });
		}
		if (removalAt <= nowMs) {
			work.push({ at: removalAt, seq: code.seq, run: () => removeCode(store, code, removalAt) });
		}
	}
	work.sort((a, b) => a.at - b.at || a.seq - b.seq);
	for (const item of work) item.run();
}

/** When settleAccessCodes next has something to do (epoch ms), or Infinity. */
export function nextAccessCodeDueAt(store: Store): number {
	let next = Infinity;
	for (const code of store.accessCodes.values()) {
		if (waitsForLock(code)) next = Math.min(next, code.set_due_at_ms);
		if (code.ends_at != null) next = Math.min(next, Date.parse(code.ends_at));
		if (code.removal_due_at_ms != null) next = Math.min(next, code.removal_due_at_ms);
	}
	return next;
}

/**
 * A code not yet on the lock that the lock has not answered about: not refused, and not
 * waiting for an offline lock to come back (resumeAccessCodes makes those due again).
 */
const waitsForLock = (code: AccessCodeRecord): boolean =>
	code.set_at == null && code.failure == null && code.delayed_at == null;

/**
 * The online lock is back (sandbox.setDeviceOnline): the codes that fell due while it was
 * offline are programmed now, or refused if it refuses them.
 */
export function resumeAccessCodes(store: Store, deviceId: string, now: Date): void {
	for (const code of store.accessCodes.values()) {
		if (code.device_id !== deviceId || code.delayed_at == null) continue;
		code.delayed_at = null;
		code.set_due_at_ms = now.getTime();
	}
	settleAccessCodes(store, now);
}

/** The code falls due on its lock: set, refused, or delayed while the lock is offline. */
function putOnLock(store: Store, code: AccessCodeRecord): void {
	const device = store.devices.get(code.device_id);
	if (device != null && !device.online) markDelayed(store, code);
	else if (code.fails_with != null) markFailed(store, code, code.fails_with);
	else markSet(store, code);
}

function markSet(store: Store, code: AccessCodeRecord): void {
	const at = new Date(code.set_due_at_ms);
	code.set_at = at.toISOString();
	code.update = null;
	recordCodeEvent(store, 'access_code.set_on_device', code, at, { code: code.code });
	finishPendingAttempt(store, code, at);
}

/** Offline: the code keeps waiting, with Seam's delay warning, and its attempt stays pending. */
function markDelayed(store: Store, code: AccessCodeRecord): void {
	const at = new Date(code.set_due_at_ms);
	code.delayed_at = at.toISOString();
	recordCodeEvent(store, 'access_code.delay_in_setting_on_device', code, at, issues(store, code));
}

/** Refused: the code is not set, carries the error, and its create / update attempt fails. */
function markFailed(
	store: Store,
	code: AccessCodeRecord,
	errorCode: AccessCodeFailure['error_code'],
): void {
	const at = new Date(code.set_due_at_ms);
	code.failure = accessCodeFailure(errorCode, at);
	recordCodeEvent(store, 'access_code.failed_to_set_on_device', code, at, issues(store, code));
	const attempt =
		code.action_attempt_id == null ? undefined : store.actionAttempts.get(code.action_attempt_id);
	if (attempt?.status === 'pending') {
		failActionAttempt(attempt, { type: errorCode, message: code.failure.message });
	}
}

/** The errors and warnings an access code issue event carries (Seam's event issue fields). */
function issues(store: Store, code: AccessCodeRecord): Omit<EventSubject, 'device_id'> {
	// The event's issue entries are { error_code | warning_code, message, created_at } only.
	const plain = ({ error_code, message, created_at }: Record<string, unknown>) => ({
		error_code,
		message,
		created_at,
	});
	const device = store.devices.get(code.device_id);
	return {
		access_code_errors: code.failure == null ? [] : [plain({ ...code.failure })],
		access_code_warnings: code.delayed_at == null ? [] : [delayWarning(code.delayed_at)],
		device_errors: device == null ? [] : deviceErrorsOf(device).map(plain),
		device_warnings: [],
		connected_account_errors: [],
		connected_account_warnings: [],
	};
}

function removeCode(store: Store, code: AccessCodeRecord, atMs: number): void {
	if (!store.accessCodes.has(code.access_code_id)) return;
	const at = new Date(atMs);
	store.accessCodes.delete(code.access_code_id);
	// Seam: no removed_from_device for a code that was never programmed onto the lock.
	if (code.set_at != null) recordCodeEvent(store, 'access_code.removed_from_device', code, at);
	recordCodeEvent(store, 'access_code.deleted', code, at, { code: code.code });
	finishPendingAttempt(store, code, at);
}

/** The code's create / update / delete attempt succeeds (its result shows the code as it is then). */
function finishPendingAttempt(store: Store, code: AccessCodeRecord, at?: Date): void {
	const attempt =
		code.action_attempt_id == null ? undefined : store.actionAttempts.get(code.action_attempt_id);
	if (attempt == null || attempt.status !== 'pending') return;
	succeedActionAttempt(
		attempt,
		attempt.action_type === 'DELETE_ACCESS_CODE'
			? {}
			: { access_code: presentAccessCode(store, code, at ?? new Date(attempt.due_at_ms)) },
	);
}

export function recordCodeEvent(
	store: Store,
	type: SandboxEventType,
	code: { access_code_id: string; device_id: string },
	at: Date,
	extra: Omit<EventSubject, 'access_code_id' | 'device_id'> = {},
): void {
	recordEvent(
		store,
		type,
		{ access_code_id: code.access_code_id, device_id: code.device_id, ...extra },
		at,
	);
}

/** Seam's `access_code` object. */
export function presentAccessCode(
	store: Store,
	code: AccessCodeRecord,
	now: Date,
): Record<string, unknown> {
	const status = accessCodeStatus(code, now);
	const device = store.devices.get(code.device_id);
	const timeBound = code.starts_at != null || code.ends_at != null;
	return {
		access_code_id: code.access_code_id,
		device_id: code.device_id,
		workspace_id: store.workspace.workspace_id,
		name: code.name,
		code: code.code,
		common_code_key: code.common_code_key,
		type: timeBound ? 'time_bound' : 'ongoing',
		...(timeBound ? { starts_at: code.starts_at ?? code.created_at, ends_at: code.ends_at } : {}),
		created_at: code.created_at,
		status,
		is_managed: true,
		is_scheduled_on_device: status === 'set',
		is_waiting_for_code_assignment: false,
		is_backup_access_code_available: false,
		is_external_modification_allowed: code.is_external_modification_allowed,
		is_one_time_use: code.is_one_time_use,
		is_offline_access_code: code.is_offline_access_code,
		pending_mutations: pendingMutations(code, status),
		errors: [
			...(code.failure == null ? [] : [presentFailure(code.failure)]),
			...(device == null ? [] : deviceErrorsOf(device)),
		],
		warnings: code.delayed_at == null ? [] : [delayWarning(code.delayed_at)],
	};
}

function pendingMutations(code: AccessCodeRecord, status: AccessCodeStatus): unknown[] {
	const created_at = code.created_at;
	if (code.update != null && (status === 'setting' || status === 'unset')) {
		return updateMutations(code, code.update);
	}
	switch (status) {
		case 'unset':
			return [
				{
					mutation_code: 'deferring_creation',
					created_at,
					message: 'The code is programmed onto the lock at its starts_at',
					scheduled_at: code.starts_at,
				},
			];
		case 'setting':
			return [
				{ mutation_code: 'creating', created_at, message: 'Programming the code onto the lock' },
			];
		case 'removing':
			return [
				{ mutation_code: 'deleting', created_at, message: 'Removing the code from the lock' },
			];
		default:
			return [];
	}
}

/** Seam's updating_code / updating_time_frame mutations for a change not yet on the lock. */
function updateMutations(code: AccessCodeRecord, update: AccessCodeUpdate): unknown[] {
	const mutations: unknown[] = [];
	if (update.from.code !== code.code) {
		mutations.push({
			mutation_code: 'updating_code',
			created_at: update.created_at,
			message: 'Programming the new code onto the lock',
			from: { code: update.from.code },
			to: { code: code.code },
		});
	}
	if (update.from.starts_at !== code.starts_at || update.from.ends_at !== code.ends_at) {
		mutations.push({
			mutation_code: 'updating_time_frame',
			created_at: update.created_at,
			message: 'Programming the new times onto the lock',
			from: { starts_at: update.from.starts_at, ends_at: update.from.ends_at },
			to: { starts_at: code.starts_at, ends_at: code.ends_at },
		});
	}
	return mutations;
}
