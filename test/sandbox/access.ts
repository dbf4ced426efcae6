import { providerOf } from './providers';
import type { AcsUserRecord, CredentialRecord, EntranceRecord, Store } from './store';

// Which entrances a credential or a user opens. Computed from current state on
// every call: adding a Salto KS user to another access group immediately
// widens what their existing PIN opens, as it does on a real Salto KS site.

export function credentialEntranceIds(store: Store, credential: CredentialRecord): string[] {
	const system = store.acsSystems.get(credential.acs_system_id);
	if (system == null) return [];
	if (providerOf(system.provider).credentialEntrances === 'single_entrance')
		return credential.allowed_entrance_ids;
	const user = store.acsUsers.get(credential.acs_user_id);
	return user == null ? [] : accessGroupEntranceIds(store, user.access_group_ids);
}

/** Entrances from the user's access groups plus those named on the user's credentials. */
export function userEntranceIds(store: Store, user: AcsUserRecord): string[] {
	const ids = accessGroupEntranceIds(store, user.access_group_ids);
	for (const credential of store.credentials.values()) {
		if (credential.acs_user_id === user.acs_user_id) ids.push(...credential.allowed_entrance_ids);
	}
	return ids;
}

export function accessGroupEntranceIds(store: Store, groupIds: string[]): string[] {
	return groupIds.flatMap((groupId) => store.accessGroups.get(groupId)?.entrance_ids ?? []);
}

/** Existing entrances for the ids, without duplicates, in creation order. */
export function entrancesByIds(store: Store, ids: Iterable<string>): EntranceRecord[] {
	const wanted = new Set(ids);
	return [...store.entrances.values()].filter((entrance) => wanted.has(entrance.acs_entrance_id));
}
