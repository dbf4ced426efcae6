import { accessGrantsOf } from '../access-grant-queries';
import { deleteAccessGrant } from '../access-grant-lifecycle';
import { invalidInput, SeamApiError } from '../errors';
import { createdBefore, matchesSearch } from '../filters';
import { assertUniqueIdentity, createUserIdentity } from '../identities';
import { requireAcsUser, requireUserIdentity } from '../lookups';
import { paginate } from '../pagination';
import { presentAcsUser, presentUserIdentity } from '../presenters';
import type { Store, UserIdentityRecord } from '../store';
import { deleteAcsUser } from '../user-lifecycle';
import type { RouteTable } from './types';

export const userIdentityRoutes: RouteTable = {
	'/user_identities/create': ({ store, input, now }) => {
		const identity = createUserIdentity(
			store,
			{
				user_identity_key: input.nullableString('user_identity_key') ?? null,
				email_address: input.nullableString('email_address') ?? null,
				phone_number: input.nullableString('phone_number') ?? null,
				full_name: input.nullableString('full_name') ?? null,
			},
			now,
		);
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
		assertUniqueIdentity(store, updated);
		store.userIdentities.set(identity.user_identity_id, updated);
		return {};
	},

	// Seam deletes the identity together with its access system users and their
	// credentials; its access grants (and their access methods) go too, since a
	// grant cannot outlive the person it grants access to.
	'/user_identities/delete': ({ store, input, now }) => {
		const identity = requireUserIdentity(store, input.requiredString('user_identity_id'));
		for (const grant of accessGrantsOf(store, identity.user_identity_id))
			deleteAccessGrant(store, grant, now);
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
