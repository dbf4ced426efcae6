import { randomUUID } from 'node:crypto';

import type { ActionAttemptRecord, ActionType, Store } from './store';

// Seam's action attempts: a write that a device carries out later answers with
// an attempt in status 'pending', which turns into 'success' or 'error' when
// the device reports back. Like everything time-based in the sandbox, attempts
// are finished lazily (settle.ts) by whoever owns them: lock actions in
// lock-actions.ts, access code writes in access-codes.ts.

export function createActionAttempt(
	store: Store,
	action_type: ActionType,
	device_id: string | null,
	now: Date,
	delayMs: number,
): ActionAttemptRecord {
	const attempt: ActionAttemptRecord = {
		seq: store.nextSeq(),
		action_attempt_id: randomUUID(),
		action_type,
		device_id,
		due_at_ms: now.getTime() + delayMs,
		status: 'pending',
		result: null,
		error: null,
		created_at: now.toISOString(),
	};
	store.actionAttempts.set(attempt.action_attempt_id, attempt);
	return attempt;
}

export function succeedActionAttempt(
	attempt: ActionAttemptRecord,
	result: Record<string, unknown> = {},
): void {
	attempt.status = 'success';
	attempt.result = result;
	attempt.error = null;
}

export function failActionAttempt(
	attempt: ActionAttemptRecord,
	error: { type: string; message: string },
): void {
	attempt.status = 'error';
	attempt.result = null;
	attempt.error = error;
}

/** Seam's `action_attempt` object. */
export function presentActionAttempt(attempt: ActionAttemptRecord): Record<string, unknown> {
	return {
		action_attempt_id: attempt.action_attempt_id,
		action_type: attempt.action_type,
		status: attempt.status,
		result: attempt.status === 'success' ? attempt.result : null,
		error: attempt.status === 'error' ? attempt.error : null,
	};
}
