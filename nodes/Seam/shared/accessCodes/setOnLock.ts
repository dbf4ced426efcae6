import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { waitUntil } from '../access/waitUntil';
import type { SeamApi } from '../transport/client';

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
}

const errorsOf = (code: IDataObject): CodeError[] =>
	Array.isArray(code.errors) ? (code.errors as CodeError[]) : [];

/** A code as the output gives it when it was not waited for because it starts later. */
export function scheduled(code: IDataObject): IDataObject {
	return { ...withSetFlag(code), is_scheduled: true };
}

export interface WaitForSet {
	node: INode;
	api: SeamApi;
	itemIndex: number;
	timeoutSeconds: number;
	/** The lock's name, for messages. */
	lockName: string;
	/** Seam reported the lock offline when it was read: said in the timeout, the likely cause. */
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
		ready: (current) => isSetOnLock(current) || errorsOf(current).length > 0,
		timeoutSeconds: wait.timeoutSeconds,
		timedOut: (current, waited) =>
			new NodeOperationError(node, `The access code was not set on ${lockName} within ${waited}`, {
				itemIndex,
				description: `The access code ${access_code_id} exists in Seam (status "${String(current.status)}"); ${lockName} has not confirmed it yet, and may still take it.${wait.lockOffline ? ` Seam reports ${lockName} offline: it takes the code once it is back online.` : ''} ${wait.afterwards} Or raise "Wait Timeout".`,
			}),
	});
	const errors = errorsOf(last);
	if (errors.length > 0) {
		const said = errors.map((e) => `${e.message ?? e.error_code} (${e.error_code})`).join('; ');
		throw new NodeOperationError(node, `Seam could not set the access code on ${lockName}`, {
			itemIndex,
			description: `Seam reports: ${said}. The access code ${access_code_id} exists in Seam (status "${String(last.status)}"). ${wait.afterwards}`,
		});
	}
	return withSetFlag(last);
}
