import type { IDataObject } from 'n8n-workflow';

import type { FormReader } from '../parameters';
import { displayName } from '../seamObjects/displayName';
import type { SeamApi } from '../transport/client';
import { type CodeLock, codeLockOf } from './codeLock';

export type LocksFrom = 'list' | 'space';

export const LOCKS_FROM = { name: 'locksFrom', label: 'Locks From' };
export const LOCK_IDS = { name: 'deviceIds', label: 'Lock Names or IDs' };
export const SPACE = { name: 'spaceId', label: 'Space' };

export const LOCKS_FROM_CHOICES = [
	{ name: 'Locks I Choose', value: 'list' },
	{ name: 'Every Lock of a Space', value: 'space' },
];

/**
 * The chosen locks, read with one list request. Every one must exist and take online codes:
 * a lock chosen by hand that cannot would make Seam refuse the whole request.
 */
export async function chosenLocks(
	form: FormReader,
	api: SeamApi,
	device_ids: string[],
	i: number,
): Promise<CodeLock[]> {
	const devices = (await api.call(
		(seam) => seam.devices.list({ device_ids }),
		i,
	)) as unknown as IDataObject[];
	const byId = new Map(devices.map((d) => [String(d.device_id), codeLockOf(d)]));
	const absent = device_ids.filter((id) => !byId.has(id));
	if (absent.length > 0) {
		form.fail(
			`${LOCK_IDS.label}: Seam has no ${absent.map((id) => `"${id}"`).join(', ')}`,
			'Check the IDs against your Seam workspace (Seam node → Device → Get Many lists them). Nothing was created.',
		);
	}
	const locks = device_ids.map((id) => byId.get(id) as CodeLock);
	const without = locks.filter((lock) => !lock.online);
	if (without.length > 0) {
		form.fail(
			`${without.map((lock) => lock.name).join(', ')} cannot take access codes from Seam`,
			`Seam cannot program codes over the internet on ${without.map((lock) => `${lock.name} (${lock.id})`).join(', ')}${without.some((lock) => lock.offline) ? ' (a lock that takes offline codes only gets them with Access Code → Create, one lock at a time)' : ''}. Remove ${without.length === 1 ? 'it' : 'them'} from ${LOCK_IDS.label}. Nothing was created.`,
		);
	}
	return locks;
}

/**
 * The locks of a space that take online codes. A space often holds a lock without keypad (a
 * deadbolt) next to keypad locks: those are left out, as Access Grants on a space leave them.
 */
export async function locksOfSpace(
	form: FormReader,
	api: SeamApi,
	space_id: string,
	i: number,
): Promise<CodeLock[]> {
	const devices = (await api.call(
		(seam) => seam.createPaginator(seam.devices.list({ space_id })).flattenToArray(),
		i,
	)) as unknown as IDataObject[];
	const locks = devices.map(codeLockOf).filter((lock) => lock.online);
	if (locks.length > 0) return locks;
	const space = (await api.call((seam) => seam.spaces.get({ space_id }), i)) as IDataObject;
	const name = displayName(space, space_id);
	return form.fail(
		`Space ${name} has no lock that takes access codes`,
		devices.length === 0
			? `Seam lists no device in ${name} (${space_id}). Add its locks to the space in Seam, or choose the locks one by one.`
			: `Its devices (${devices.map((d) => displayName(d, d.device_id)).join(', ')}) cannot take codes Seam programs over the internet. Nothing was created.`,
	);
}
