import { randomUUID } from 'node:crypto';

import { invalidInput, SeamApiError } from '../errors';
import { createdBefore, matchesSearch } from '../filters';
import { requireAcsUser, requireUserIdentity } from '../lookups';
import { paginate } from '../pagination';
import { presentAcsUser, presentUserIdentity } from '../presenters';
import type { Store, UserIdentityRecord } from '../store';
import { deleteAcsUser } from '../user-lifecycle';
import type { RouteTable } from './types';

export const userIdentityRoutes: RouteTable = {
	'/user_identities/create': ({ store, input, now }) => {
		const identity: UserIdentityRecord = {
			seq: store.nextSeq(),
			user_identity_id: randomUUID(),
			user_identity_key: input.nullableString('user_identity_key') ?? null,
			email_address: input.nullableString('email_address') ?? null,
			phone_number: input.nullableString('phone_number') ?? null,
			full_name: input.nullableString('full_name') ?? null,
			created_at: now.toISOString(),
		};
		assertUnique(store, identity);
		store.userIdentities.set(identity.user_identity_id, identity);
		return { user_identity: presentUserIdentity(store, identity) };
	},

	'/user_identities/get': ({ store, input }) => {
		const id = input.string('user_identity_id');
		if (id != null)
			return { user_identity: presentUserIdentity(store, requireUserIdentity(store, id)) };
		const key = input.requiredString('user_identity_key');
		return { user_identity: presentUserIdentity(store, requireIdentityByKey(store, key)) };
	},

	'/user_identities/list': ({ store, input, params, requestUrl }) => {
		const search = input.string('search');
		const ids = input.stringArray('user_identity_ids');
		const before = input.string('created_before');
		// No simulated system is a credential manager, so that filter matches nothing.
		const credentialManager = input.string('credential_manager_acs_system_id');
		const wanted = ids == null ? null : new Set(ids);
		const identities = [...store.userIdentities.values()].filter(
			(identity) =>
				credentialManager == null &&
				(wanted == null || wanted.has(identity.user_identity_id)) &&
				createdBefore(identity.created_at, before) &&
				matchesSearch(
					search,
					identity.full_name,
					identity.email_address,
					identity.phone_number,
					identity.user_identity_key,
					identity.user_identity_id,
				),
		);
		const page = paginate(identities, params, requestUrl, 500);
		return {
			user_identities: page.items.map((identity) => presentUserIdentity(store, identity)),
			pagination: page.pagination,
		};
	},

	'/user_identities/add_acs_user': ({ store, input }) => {
		const user = requireAcsUser(store, input.requiredString('acs_user_id'));
		const id = input.string('user_identity_id');
		const identity =
			id != null
				? requireUserIdentity(store, id)
				: requireIdentityByKey(store, input.requiredString('user_identity_key'));
		if (user.user_identity_id != null && user.user_identity_id !== identity.user_identity_id) {
			throw invalidInput({
				acs_user_id: `Access system user is already linked to user identity ${user.user_identity_id}`,
			});
		}
		user.user_identity_id = identity.user_identity_id;
		return {};
	},

	'/user_identities/update': ({ store, input }) => {
		const identity = requireUserIdentity(store, input.requiredString('user_identity_id'));
		const updated: UserIdentityRecord = { ...identity };
		for (const field of [
			'user_identity_key',
			'email_address',
			'phone_number',
			'full_name',
		] as const) {
			const value = input.nullableString(field);
			if (value !== undefined) updated[field] = value;
		}
		assertUnique(store, updated);
		store.userIdentities.set(identity.user_identity_id, updated);
		return {};
	},

	// Seam deletes the identity together with its access system users and their credentials.
	'/user_identities/delete': ({ store, input, now }) => {
		const identity = requireUserIdentity(store, input.requiredString('user_identity_id'));
		for (const user of [...store.acsUsers.values()]) {
			if (user.user_identity_id === identity.user_identity_id) deleteAcsUser(store, user, now);
		}
		store.userIdentities.delete(identity.user_identity_id);
		return {};
	},

	'/user_identities/remove_acs_user': ({ store, input }) => {
		const identity = requireUserIdentity(store, input.requiredString('user_identity_id'));
		const user = requireAcsUser(store, input.requiredString('acs_user_id'));
		if (user.user_identity_id !== identity.user_identity_id) {
			throw invalidInput({
				acs_user_id: 'The access system user is not linked to this user identity',
			});
		}
		user.user_identity_id = null;
		return {};
	},

	'/user_identities/list_acs_users': ({ store, input, now }) => {
		const identity = requireUserIdentity(store, input.requiredString('user_identity_id'));
		const users = [...store.acsUsers.values()].filter(
			(user) => user.user_identity_id === identity.user_identity_id,
		);
		return { acs_users: users.map((user) => presentAcsUser(store, user, now)) };
	},
};

function requireIdentityByKey(store: Store, key: string): UserIdentityRecord {
	const found = [...store.userIdentities.values()].find(
		(identity) => identity.user_identity_key === key,
	);
	if (found == null) {
		throw new SeamApiError(
			404,
			'user_identity_not_found',
			`Could not find user identity with user_identity_key ${key}`,
		);
	}
	return found;
}

// Keys and email addresses identify a person within a workspace, so Seam
// refuses a second identity with the same one.
function assertUnique(store: Store, candidate: UserIdentityRecord): void {
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
