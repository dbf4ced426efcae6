import { randomUUID } from 'node:crypto';

import { SeamApiError } from './errors';
import type { Store, UserIdentityRecord } from './store';

// User identity creation, shared by /user_identities/create and
// /access_grants/create (which can create the grant's user identity inline).

export interface UserIdentityFields {
	user_identity_key: string | null;
	email_address: string | null;
	phone_number: string | null;
	full_name: string | null;
}

export function createUserIdentity(
	store: Store,
	fields: UserIdentityFields,
	now: Date,
): UserIdentityRecord {
	const identity: UserIdentityRecord = {
		seq: store.nextSeq(),
		user_identity_id: randomUUID(),
		...fields,
		created_at: now.toISOString(),
	};
	assertUniqueIdentity(store, identity);
	store.userIdentities.set(identity.user_identity_id, identity);
	return identity;
}

// Keys and email addresses identify a person within a workspace, so Seam
// refuses a second identity with the same one.
export function assertUniqueIdentity(store: Store, candidate: UserIdentityRecord): void {
	for (const identity of store.userIdentities.values()) {
		if (identity.user_identity_id === candidate.user_identity_id) continue;
		if (
			candidate.user_identity_key != null &&
			identity.user_identity_key === candidate.user_identity_key
		) {
			throw new SeamApiError(
				400,
				'user_identity_key_taken',
				`A user identity with user_identity_key ${candidate.user_identity_key} already exists`,
			);
		}
		if (
			candidate.email_address != null &&
			identity.email_address?.toLowerCase() === candidate.email_address.toLowerCase()
		) {
			throw new SeamApiError(
				400,
				'user_identity_email_address_taken',
				`A user identity with email_address ${candidate.email_address} already exists`,
			);
		}
	}
}
