import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { waitUntil } from '../access/waitUntil';
import type { SeamApi } from '../transport/client';
import { mayPassLater } from '../transport/mayPassLater';

/**
 * Whether the lock has the code as Seam holds it: status `set` and no change still on its way
 * (`pending_mutations`: after an update the old PIN stays `set` until the lock takes the new one).
 */
export function isSetOnLock(code: IDataObject): boolean {
	const pending = Array.isArray(code.pending_mutations) ? code.pending_mutations : [];
	return code.status === 'set' && pending.length === 0;
}

/**
 * Seam's access code with `is_set_on_lock` (see isSetOnLock): a workflow branches on one boolean
 * instead of learning Seam's five statuses and its pending changes.
 */
export function withSetFlag(code: IDataObject): IDataObject {
	return { ...code, is_set_on_lock: isSetOnLock(code) };
}

/** Whether the code starts later: the lock takes it then, so there is nothing to wait for now. */
export function startsLater(code: IDataObject, now = Date.now()): boolean {
	return typeof code.starts_at === 'string' && Date.parse(code.starts_at) > now;
}

interface CodeError {
	error_code?: string;
	message?: string;
	is_access_code_error?: boolean;
	is_device_error?: boolean;
	is_connected_account_error?: boolean;
	is_bridge_error?: boolean;
}

const errorsOf = (code: IDataObject): CodeError[] =>
	Array.isArray(code.errors) ? (code.errors as CodeError[]) : [];

/**
 * Seam lists on a code its own errors (the lock refused it, it is full, ...) and, copied from the
 * lock, the lock's (offline, account disconnected): those flagged as device, connected account or
 * bridge errors. Only the code's own end the wait; with the lock's the code waits for the lock
 * and is set once Seam reaches it again, so they are the likely reason for a timeout instead.
 */
const isLockError = (error: CodeError): boolean =>
	error.is_access_code_error !== true &&
	(error.is_device_error === true ||
		error.is_connected_account_error === true ||
		error.is_bridge_error === true);

const refusalsOf = (code: IDataObject): CodeError[] =>
	errorsOf(code).filter((error) => !isLockError(error));

/** Lock errors that mean Seam cannot reach the lock (Seam's device and bridge error codes). */
const UNREACHABLE = new Set([
	'device_disconnected',
	'device_offline',
	'hub_disconnected',
	'bridge_disconnected',
]);

const said = (errors: CodeError[]) =>
	errors.map((e) => `${e.message ?? e.error_code} (${e.error_code})`).join('; ');

/** Why the lock may not have taken the code yet, from the lock's errors on it, for the timeout. */
function lockTrouble(code: IDataObject, lockName: string, reportedOffline: boolean): string {
	const lockErrors = errorsOf(code).filter(isLockError);
	const offline =
		reportedOffline || lockErrors.some((error) => UNREACHABLE.has(String(error.error_code)));
	const other = lockErrors.filter((error) => !UNREACHABLE.has(String(error.error_code)));
	return [
		offline ? ` Seam reports ${lockName} offline: it takes the code once it is back online.` : '',
		other.length > 0 ? ` Seam reports on ${lockName}: ${said(other)}.` : '',
	].join('');
}

/** A code as the output gives it when it was not waited for because it starts later. */
export function scheduled(code: IDataObject): IDataObject {
	return { ...withSetFlag(code), is_scheduled: true };
}

// Seam's "Troubleshooting Access Codes": act on its message, then have the code programmed again.
const WHAT_TO_DO =
	'To fix it, act on what Seam reports (a PIN the lock already holds, a full lock, the lock or its account), then change the code with Access Code → Update (another Custom Code or other times make Seam program it again), or delete it with Access Code → Delete and run this step again.';

export interface WaitForSet {
	node: INode;
	api: SeamApi;
	itemIndex: number;
	timeoutSeconds: number;
	/** The lock's name, for messages. */
	lockName: string;
	/**
	 * Seam reported the lock offline when it was read: said in the timeout, the likely cause (as
	 * when the code carries the lock's offline error).
	 */
	lockOffline?: boolean;
	/** How to read the code later, and whether it was there before this run. */
	afterwards: string;
}

/**
 * Reads the code until the lock has it (status `set`), or Seam reports an error on it (the lock
 * refused it, is full, went offline). A code that starts later is returned at once, marked
 * `is_scheduled`: the lock takes it at its start, which may be days away.
 */
export async function waitUntilSet(code: IDataObject, wait: WaitForSet): Promise<IDataObject> {
	if (startsLater(code)) return scheduled(code);
	const access_code_id = String(code.access_code_id);
	const { node, api, itemIndex, lockName } = wait;
	const last = await waitUntil<IDataObject>({
		first: code,
		read: async () =>
			(await api.call(
				(seam) => seam.accessCodes.get({ access_code_id }),
				itemIndex,
			)) as IDataObject,
		ready: (current) => isSetOnLock(current) || refusalsOf(current).length > 0,
		timeoutSeconds: wait.timeoutSeconds,
		timedOut: (current, waited) =>
			// The code exists and a re-run returns it: a lock slow or offline may take it later.
			mayPassLater(
				new NodeOperationError(
					node,
					`The access code was not set on ${lockName} within ${waited}`,
					{
						itemIndex,
						description: `The access code ${access_code_id} exists in Seam (status "${String(current.status)}"); ${lockName} has not confirmed it yet, and may still take it.${lockTrouble(current, lockName, wait.lockOffline === true)} ${wait.afterwards} Or raise "Wait Timeout".`,
					},
				),
			),
	});
	const refusals = refusalsOf(last);
	if (refusals.length > 0) {
		throw new NodeOperationError(node, `Seam could not set the access code on ${lockName}`, {
			itemIndex,
			description: `Seam reports: ${said(refusals)}. The access code ${access_code_id} exists in Seam (status "${String(last.status)}") but is not on ${lockName}. ${wait.afterwards} ${WHAT_TO_DO}`,
		});
	}
	return withSetFlag(last);
}
