import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { waitUntil } from '../access/waitUntil';
import type { SeamApi } from '../transport/client';
import { mayPassLater } from '../transport/mayPassLater';

// Seam answers a lock or unlock at once with an action attempt ("pending") and carries the action
// out afterwards; the attempt's status turns to "success" or "error" when the lock has answered.

export type ActionAttemptStatus = 'pending' | 'success' | 'error';

/** An action attempt as Seam returns it (only the fields read here are named). */
export interface ActionAttempt extends IDataObject {
	action_attempt_id: string;
	action_type?: string;
	status: ActionAttemptStatus;
	error?: { type?: string; message?: string } | null;
}

/** Whether Seam has finished the action, one way or the other. */
export const isFinished = (attempt: ActionAttempt): boolean =>
	attempt.status === 'success' || attempt.status === 'error';

/** What the error and timeout messages call the action, e.g. "the unlock of Front Door". */
export interface AttemptSubject {
	/** "unlock", "lock" */
	action: string;
	/** The lock's name as the user knows it. */
	lockName: string;
}

/**
 * Reads the action attempt until Seam has finished it or `timeoutSeconds` have passed. The
 * attempt already in hand (the lock or unlock answer) is looked at first, so a lock that answers
 * at once costs no read. Time is up → an error that names the attempt: it may still finish.
 */
export async function waitForActionAttempt(
	node: INode,
	api: SeamApi,
	attempt: ActionAttempt,
	subject: AttemptSubject,
	timeoutSeconds: number,
	itemIndex: number,
): Promise<ActionAttempt> {
	const action_attempt_id = attempt.action_attempt_id;
	return await waitUntil<ActionAttempt>({
		first: attempt,
		read: async () =>
			(await api.call(
				(seam) => seam.actionAttempts.get({ action_attempt_id }),
				itemIndex,
			)) as unknown as ActionAttempt,
		ready: isFinished,
		timeoutSeconds,
		timedOut: (_last, waited) =>
			mayPassLater(
				new NodeOperationError(
					node,
					`Seam did not report the result of the ${subject.action} of ${subject.lockName} within ${waited}`,
					{
						itemIndex,
						description: `Action attempt ${action_attempt_id} is still pending: the lock may still ${subject.action}. Check it later with Action Attempt → Get (ID ${action_attempt_id}), or raise "Wait Timeout (Seconds)".`,
					},
				),
			),
	});
}

/**
 * The item error for an attempt Seam finished with status "error": Seam's message and error type
 * (e.g. the lock is offline), so Continue On Fail and the error output carry them.
 */
const OFFLINE_ERRORS = new Set(['device_offline', 'device_disconnected']);

export function actionAttemptFailure(
	node: INode,
	attempt: ActionAttempt,
	subject: AttemptSubject,
	itemIndex: number,
): NodeOperationError {
	const type = attempt.error?.type ?? 'unknown';
	const seamMessage = attempt.error?.message ?? 'Seam gave no reason';
	const failure = new NodeOperationError(
		node,
		`Could not ${subject.action} ${subject.lockName}: ${seamMessage}`,
		{
			itemIndex,
			description: `Seam error type: ${type} · Action attempt ID: ${attempt.action_attempt_id}`,
		},
	);
	// An offline lock may answer the same command once it is back.
	return OFFLINE_ERRORS.has(type) ? mayPassLater(failure) : failure;
}
