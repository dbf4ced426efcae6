import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { afterCreate } from '../access/afterCreate';
import type { SeamApi } from '../transport/client';
import {
	type ActionAttempt,
	actionAttemptFailure,
	type AttemptSubject,
	waitForActionAttempt,
} from './actionAttempt';
import { lockedState, lockName } from './lockSummary';

export type LockAction = 'lock' | 'unlock';

export interface LockActionRequest {
	action: LockAction;
	device_id: string;
	/** Wait until Seam reports the result; otherwise answer with the pending attempt. */
	wait: boolean;
	timeoutSeconds: number;
	itemIndex: number;
}

const CAPABILITY: Record<LockAction, string> = {
	lock: 'can_remotely_lock',
	unlock: 'can_remotely_unlock',
};

/**
 * What a workflow branches on first (did it work, which lock, is it locked now), then the action
 * attempt as Seam returns it. `locked` is the state the action brought about once it succeeded;
 * while it is pending, the state Seam reported just before it was sent.
 */
function outcome(action: LockAction, device: IDataObject, attempt: ActionAttempt): IDataObject {
	const succeeded = attempt.status === 'success';
	return {
		succeeded,
		status: attempt.status,
		action,
		device_id: device.device_id,
		lock_name: lockName(device),
		locked: succeeded ? action === 'lock' : lockedState(device),
		action_attempt_id: attempt.action_attempt_id,
		action_attempt: attempt,
	};
}

/**
 * Locks or unlocks one lock through Seam and, when asked, waits for the lock's answer. The lock
 * is read first: its name goes into the output and the messages, and a lock Seam cannot operate
 * remotely is refused before anything is sent. Seam's "error" result is the item's error.
 */
export async function runLockAction(
	node: INode,
	api: SeamApi,
	request: LockActionRequest,
): Promise<IDataObject> {
	const { action, device_id, itemIndex } = request;
	const device = (await api.call(
		(seam) => seam.locks.get({ device_id }),
		itemIndex,
	)) as unknown as IDataObject;
	const subject: AttemptSubject = { action, lockName: lockName(device) };
	if (device[CAPABILITY[action]] === false) {
		throw new NodeOperationError(node, `Seam cannot ${action} ${subject.lockName} remotely`, {
			itemIndex,
			description: `The lock reports ${CAPABILITY[action]}: false. Nothing was sent to it. Device ID: ${device_id}`,
		});
	}
	const sent = (await api.call(
		(seam) =>
			action === 'unlock'
				? seam.locks.unlockDoor({ device_id })
				: seam.locks.lockDoor({ device_id }),
		itemIndex,
	)) as unknown as ActionAttempt;
	// Once sent, the lock may act whatever happens to the wait: a failed read says so.
	const attempt = request.wait
		? await afterCreate(
				node,
				itemIndex,
				{
					what: `Action attempt ${sent.action_attempt_id}`,
					rerun: `The ${action} was sent to ${subject.lockName}; read its result with Action Attempt → Get before running this step again.`,
				},
				async () =>
					await waitForActionAttempt(node, api, sent, subject, request.timeoutSeconds, itemIndex),
			)
		: sent;
	if (attempt.status === 'error') throw actionAttemptFailure(node, attempt, subject, itemIndex);
	return outcome(action, device, attempt);
}
