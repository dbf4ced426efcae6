import { doorsOf } from './access-method-plan';
import { spaceHoldsAny } from './spaces';
import type { AccessGrantRecord, AccessMethodRecord, Store } from './store';

// What an access grant or access method covers, for the list filters and
// cascades. Grants cover the doors of their spaces as well as the doors named
// directly; a method covers the doors fixed on it when it was created.

export function accessGrantsOf(store: Store, userIdentityId: string): AccessGrantRecord[] {
	return [...store.accessGrants.values()].filter(
		(grant) => grant.user_identity_id === userIdentityId,
	);
}

export function grantCoversDevice(store: Store, grant: AccessGrantRecord, deviceId: string) {
	return doorsOf(store, grant).device_ids.includes(deviceId);
}

export function grantCoversEntrance(store: Store, grant: AccessGrantRecord, entranceId: string) {
	return doorsOf(store, grant).acs_entrance_ids.includes(entranceId);
}

export function grantCoversSystem(store: Store, grant: AccessGrantRecord, acsSystemId: string) {
	return doorsOf(store, grant).acs_entrance_ids.some(
		(id) => store.entrances.get(id)?.acs_system_id === acsSystemId,
	);
}

/** The method was granted through the space and opens one of its doors. */
export function methodCoversSpace(store: Store, method: AccessMethodRecord, spaceId: string) {
	const grant = store.accessGrants.get(method.access_grant_id);
	const space = store.spaces.get(spaceId);
	return (
		grant != null &&
		space != null &&
		grant.space_ids.includes(spaceId) &&
		spaceHoldsAny(space, method)
	);
}
