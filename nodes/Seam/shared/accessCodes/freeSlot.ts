import type { FormReader } from '../parameters';
import type { SeamApi } from '../transport/client';
import { listPaginated } from '../transport/paginate';
import type { CodeLock } from './codeLock';

const ALL = { returnAll: true, limit: 0 };

/** How many codes the lock holds: those set through Seam and those set on it otherwise. */
export async function codesOnLock(
	api: SeamApi,
	device_id: string,
	i: number,
): Promise<{ managed: number; unmanaged: number }> {
	const [managed, unmanaged] = await Promise.all([
		listPaginated(api, i, ALL, (seam, limit) =>
			seam.createPaginator(seam.accessCodes.list({ device_id, limit })),
		),
		listPaginated(api, i, ALL, (seam, limit) =>
			seam.createPaginator(seam.accessCodes.unmanaged.list({ device_id, limit })),
		),
	]);
	return { managed: managed.length, unmanaged: unmanaged.length };
}

/**
 * A lock holds a fixed number of codes (`max_active_codes_supported`). Seam accepts a code
 * beyond it and then reports it failed on the lock; counting first (two reads, no write) says
 * which lock is full and what to do, before anything is created.
 */
export async function assertFreeSlot(
	form: FormReader,
	api: SeamApi,
	lock: CodeLock,
	i: number,
): Promise<void> {
	const max = lock.maxActiveCodes;
	if (max === undefined) return;
	const { managed, unmanaged } = await codesOnLock(api, lock.id, i);
	const held = managed + unmanaged;
	if (held < max) return;
	form.fail(
		`${lock.name} holds ${held} codes, its maximum`,
		`${lock.name} (${lock.id}) takes at most ${max} access codes and holds ${managed} set through Seam and ${unmanaged} set on the lock outside Seam. Delete one first (Access Code → Delete; a code set outside Seam: Convert to Managed, then Delete), then run this again. Nothing was created.`,
	);
}
