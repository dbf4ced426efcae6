import type { IDataObject } from 'n8n-workflow';

import type { SeamApi } from '../transport/client';

/**
 * A stay is the Access Grant (normally one) whose `reservation_key` is the booking's reservation
 * ID: Seam's own field for it. It is not unique in Seam, which lets a move create the new grant
 * before the old one is deleted.
 */
export async function grantsOfReservation(
	api: SeamApi,
	reservationId: string,
	i: number,
): Promise<IDataObject[]> {
	const grants = (await api.call(
		(seam) => seam.accessGrants.list({ reservation_key: reservationId }),
		i,
	)) as unknown as IDataObject[];
	return grants
		.filter((grant) => grant.reservation_key === reservationId)
		.sort((a, b) => Date.parse(String(b.created_at)) - Date.parse(String(a.created_at)));
}

/** The devices and entrances a grant opens (those of its spaces included), by ID. */
export async function doorIdsOfGrant(
	api: SeamApi,
	accessGrantId: string,
	i: number,
): Promise<string[]> {
	const batch = (await api.call(
		(seam) =>
			seam.accessGrants.getRelated({
				access_grant_ids: [accessGrantId],
				include: ['devices', 'acs_entrances'],
			}),
		i,
	)) as unknown as { devices?: IDataObject[]; acs_entrances?: IDataObject[] };
	return [
		...(batch.devices ?? []).map((d) => String(d.device_id)),
		...(batch.acs_entrances ?? []).map((e) => String(e.acs_entrance_id)),
	].sort();
}

/** The PIN the grant asked Seam for, if it asked for one (rather than the one Seam issued). */
export function requestedCode(grant: IDataObject): string | undefined {
	const requested = (grant.requested_access_methods ?? []) as IDataObject[];
	const code = requested.find((method) => method.mode === 'code')?.code;
	return typeof code === 'string' && code ? code : undefined;
}
