import { invalidInput, notFound, SeamApiError } from './errors';
import type { Input } from './input';
import type {
	AccessGrantRecord,
	AccessGroupRecord,
	AccessMethodRecord,
	AcsSystemRecord,
	AcsUserRecord,
	CredentialRecord,
	DeviceRecord,
	EntranceRecord,
	SpaceRecord,
	Store,
	UserIdentityRecord,
} from './store';

// Fetch-or-404 helpers, so every route reports a missing object with the same
// Seam error type (<resource>_not_found).

export function requireAcsSystem(store: Store, id: string): AcsSystemRecord {
	const found = store.acsSystems.get(id);
	if (found == null) throw notFound('acs_system', id, 'access system');
	return found;
}

export function requireAccessGroup(store: Store, id: string): AccessGroupRecord {
	const found = store.accessGroups.get(id);
	if (found == null) throw notFound('acs_access_group', id, 'access group');
	return found;
}

export function requireEntrance(store: Store, id: string): EntranceRecord {
	const found = store.entrances.get(id);
	if (found == null) throw notFound('acs_entrance', id, 'entrance');
	return found;
}

export function requireAcsUser(store: Store, id: string): AcsUserRecord {
	const found = store.acsUsers.get(id);
	if (found == null) throw notFound('acs_user', id, 'access system user');
	return found;
}

export function requireCredential(store: Store, id: string): CredentialRecord {
	const found = store.credentials.get(id);
	if (found == null) throw notFound('acs_credential', id, 'credential');
	return found;
}

export function requireUserIdentity(store: Store, id: string): UserIdentityRecord {
	const found = store.userIdentities.get(id);
	if (found == null) throw notFound('user_identity', id, 'user identity');
	return found;
}

export function requireDevice(store: Store, id: string): DeviceRecord {
	const found = store.devices.get(id);
	if (found == null) throw notFound('device', id);
	return found;
}

export function requireSpace(store: Store, id: string): SpaceRecord {
	const found = store.spaces.get(id);
	if (found == null) throw notFound('space', id);
	return found;
}

export function requireSpaceByKey(store: Store, key: string): SpaceRecord {
	const found = [...store.spaces.values()].find((space) => space.space_key === key);
	if (found == null)
		throw new SeamApiError(404, 'space_not_found', `Could not find space with space_key ${key}`);
	return found;
}

export function requireAccessGrant(store: Store, id: string): AccessGrantRecord {
	const found = store.accessGrants.get(id);
	if (found == null) throw notFound('access_grant', id, 'access grant');
	return found;
}

export function requireAccessGrantByKey(store: Store, key: string): AccessGrantRecord {
	const found = [...store.accessGrants.values()].find((grant) => grant.access_grant_key === key);
	if (found == null) {
		throw new SeamApiError(
			404,
			'access_grant_not_found',
			`Could not find access grant with access_grant_key ${key}`,
		);
	}
	return found;
}

export function requireAccessMethod(store: Store, id: string): AccessMethodRecord {
	const found = store.accessMethods.get(id);
	if (found == null) throw notFound('access_method', id, 'access method');
	return found;
}

/**
 * Many acs/users endpoints address a user either by acs_user_id or by
 * user_identity_id (optionally narrowed by acs_system_id, which is needed when
 * the identity has users on several systems). Seam accepts one or the other.
 */
export function resolveAcsUser(store: Store, input: Input, systemHint?: string): AcsUserRecord {
	const acsUserId = input.string('acs_user_id');
	const userIdentityId = input.string('user_identity_id');
	if (acsUserId != null && userIdentityId != null) {
		throw invalidInput({ acs_user_id: 'Provide either acs_user_id or user_identity_id, not both' });
	}
	if (acsUserId != null) return requireAcsUser(store, acsUserId);
	if (userIdentityId == null) {
		throw invalidInput({ acs_user_id: 'Required: provide acs_user_id or user_identity_id' });
	}

	requireUserIdentity(store, userIdentityId);
	const systemId = input.string('acs_system_id') ?? systemHint;
	const candidates = [...store.acsUsers.values()].filter(
		(user) =>
			user.user_identity_id === userIdentityId &&
			(systemId == null || user.acs_system_id === systemId),
	);
	if (candidates.length === 0) {
		const where = systemId == null ? '' : ` in access system ${systemId}`;
		throw new SeamApiError(
			404,
			'acs_user_not_found',
			`User identity ${userIdentityId} has no access system user${where}`,
		);
	}
	if (candidates.length > 1) {
		throw invalidInput({
			acs_system_id:
				'The user identity has several access system users; pass acs_system_id or acs_user_id',
		});
	}
	return candidates[0];
}
