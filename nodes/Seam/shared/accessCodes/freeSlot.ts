import type { IDataObject } from 'n8n-workflow';

import type { FormReader } from '../parameters';
import type { SeamApi } from '../transport/client';
import { listPaginated } from '../transport/paginate';
import type { CodeLock } from './codeLock';

const ALL = { returnAll: true, limit: 0 };

/** The codes a lock holds, read before a new code is created on it. */
export interface LockCodes {
	/** Seam's managed codes on the lock, whole: a code an earlier run made is found among them. */
	managed: IDataObject[];
	/** How many codes were set on the lock outside Seam; read only when the lock has a maximum. */
	unmanaged: number;
}

/**
 * The lock's managed codes, and its unmanaged ones too when it holds a fixed number of codes and
 * the new code takes a place (`countSlots`; an offline code is computed by the lock and takes
 * none): the managed list serves both the look for an earlier run's code and the count.
 */
export async function codesOnLock(
	api: SeamApi,
	lock: CodeLock,
	i: number,
	{ countSlots }: { countSlots: boolean },
): Promise<LockCodes> {
	const device_id = lock.id;
	const [managed, unmanaged] = await Promise.all([
		listPaginated(api, i, ALL, (seam, limit) =>
			seam.createPaginator(seam.accessCodes.list({ device_id, limit })),
		),
		countSlots && lock.maxActiveCodes !== undefined
			? listPaginated(api, i, ALL, (seam, limit) =>
					seam.createPaginator(seam.accessCodes.unmanaged.list({ device_id, limit })),
				)
			: [],
	]);
	return { managed: managed as IDataObject[], unmanaged: unmanaged.length };
}

/**
 * A lock holds a fixed number of codes (`max_active_codes_supported`). Seam accepts a code
 * beyond it and then reports it failed on the lock; counting first (from the codes read with
 * codesOnLock, no write) says which lock is full and what to do, before anything is created.
 */
export function assertFreeSlot(form: FormReader, lock: CodeLock, codes: LockCodes): void {
	const max = lock.maxActiveCodes;
	if (max === undefined) return;
	const managed = codes.managed.length;
	const held = managed + codes.unmanaged;
	if (held < max) return;
	form.fail(
		`${lock.name} holds ${held} codes, its maximum`,
		`${lock.name} (${lock.id}) takes at most ${max} access codes and holds ${managed} set through Seam and ${codes.unmanaged} set on the lock outside Seam. Delete one first (Access Code → Delete; a code set outside Seam: Convert to Managed, then Delete), then run this again. Nothing was created.`,
	);
}
