import { deleteCredential } from './credentials';
import { invalidInput } from './errors';
import { recordEvent } from './events';
import type { AcsUserRecord, Store } from './store';

// Changes to an access system user that several endpoints share
// (acs/users, acs/access_groups and user_identities routes).

/** Membership is idempotent, as adding a user to a group twice is on Seam. */
export function addUserToGroup(
	user: AcsUserRecord,
	group: { acs_access_group_id: string; acs_system_id: string },
): void {
	if (user.acs_system_id !== group.acs_system_id) {
		throw invalidInput({
			acs_access_group_id:
				'The access group and the access system user belong to different access systems',
		});
	}
	if (!user.access_group_ids.includes(group.acs_access_group_id))
		user.access_group_ids.push(group.acs_access_group_id);
}

export function removeUserFromGroup(user: AcsUserRecord, groupId: string): void {
	user.access_group_ids = user.access_group_ids.filter((id) => id !== groupId);
}

/** Deleting a user also revokes (deletes) their credentials, as Seam does. */
export function deleteAcsUser(store: Store, user: AcsUserRecord, now: Date): void {
	for (const credential of [...store.credentials.values()]) {
		if (credential.acs_user_id === user.acs_user_id) deleteCredential(store, credential, now);
	}
	store.acsUsers.delete(user.acs_user_id);
	recordUserEvent(store, 'acs_user.deleted', user, now);
}

export function recordUserEvent(
	store: Store,
	type: 'acs_user.created' | 'acs_user.deleted',
	user: AcsUserRecord,
	at: Date,
): void {
	recordEvent(
		store,
		type,
		{ acs_system_id: user.acs_system_id, acs_user_id: user.acs_user_id },
		at,
		user.user_identity_id,
	);
}
