import { randomUUID } from 'node:crypto';

import { credentialEntranceIds, entrancesByIds } from '../access';
import { deleteCredential, generatePin, issueCredential } from '../credentials';
import { invalidInput } from '../errors';
import { createdBefore, matchesSearch } from '../filters';
import type { Input } from '../input';
import {
	requireAcsSystem,
	requireAcsUser,
	requireCredential,
	requireEntrance,
	resolveAcsUser,
} from '../lookups';
import { paginate } from '../pagination';
import { presentCredential, presentEntrance } from '../presenters';
import { type Provider, providerOf } from '../providers';
import type { AcsUserRecord, CredentialRecord, Store } from '../store';
import { checkTimeWindow, parseTimestamp } from '../time-window';
import type { RouteTable } from './types';

export const acsCredentialRoutes: RouteTable = {
	'/acs/credentials/create': ({ store, input, now, settings }) => {
		const accessMethod = input.requiredString('access_method');
		if (accessMethod !== 'code') {
			throw invalidInput({
				access_method: `The sandbox simulates PIN code credentials only; access_method '${accessMethod}' is not supported`,
			});
		}
		const user = resolveCredentialOwner(store, input);
		const system = requireAcsSystem(store, user.acs_system_id);
		const provider = providerOf(system.provider);

		if (input.has('code')) {
			throw invalidInput({
				code: `${provider.displayName} generates PIN codes itself; omit code and read it from the credential once it is issued`,
			});
		}
		const allowedEntranceIds = readAllowedEntrances(store, input, provider, system.acs_system_id);

		const startsRaw = input.string('starts_at');
		const endsRaw = input.string('ends_at');
		const window = {
			starts_at: startsRaw == null ? null : parseTimestamp(startsRaw, 'starts_at'),
			ends_at: endsRaw == null ? null : parseTimestamp(endsRaw, 'ends_at'),
		};
		checkTimeWindow(window, now);

		const credential: CredentialRecord = {
			seq: store.nextSeq(),
			acs_credential_id: randomUUID(),
			acs_system_id: system.acs_system_id,
			acs_user_id: user.acs_user_id,
			access_method: 'code',
			pending_code: generatePin(store, system.acs_system_id, provider.pinLength),
			issue_due_at_ms: now.getTime() + settings.credentialIssueDelayMs,
			issued_at: null,
			starts_at: window.starts_at,
			ends_at: window.ends_at,
			allowed_entrance_ids: allowedEntranceIds,
			created_at: now.toISOString(),
		};
		store.credentials.set(credential.acs_credential_id, credential);
		if (settings.credentialIssueDelayMs <= 0) issueCredential(store, credential, now);
		return { acs_credential: presentCredential(store, credential) };
	},

	'/acs/credentials/get': ({ store, input }) => ({
		acs_credential: presentCredential(
			store,
			requireCredential(store, input.requiredString('acs_credential_id')),
		),
	}),

	'/acs/credentials/list': ({ store, input, params, requestUrl }) => {
		const userId = input.string('acs_user_id');
		const systemId = input.string('acs_system_id');
		const identityId = input.string('user_identity_id');
		const multiPhone = input.boolean('is_multi_phone_sync_credential');
		const search = input.string('search');
		const before = input.string('created_before');

		const credentials = [...store.credentials.values()].filter((credential) => {
			const owner = store.acsUsers.get(credential.acs_user_id);
			const rendered = presentCredential(store, credential);
			return (
				(userId == null || credential.acs_user_id === userId) &&
				(systemId == null || credential.acs_system_id === systemId) &&
				(identityId == null || owner?.user_identity_id === identityId) &&
				// Every simulated credential is a plain PIN, never a multi-phone sync credential.
				(multiPhone == null || multiPhone === false) &&
				createdBefore(credential.created_at, before) &&
				matchesSearch(search, rendered.display_name as string, owner?.full_name)
			);
		});
		const page = paginate(credentials, params, requestUrl, 500);
		return {
			acs_credentials: page.items.map((credential) => presentCredential(store, credential)),
			pagination: page.pagination,
		};
	},

	'/acs/credentials/delete': ({ store, input, now }) => {
		deleteCredential(
			store,
			requireCredential(store, input.requiredString('acs_credential_id')),
			now,
		);
		return {};
	},

	'/acs/credentials/list_accessible_entrances': ({ store, input }) => {
		const credential = requireCredential(store, input.requiredString('acs_credential_id'));
		return {
			acs_entrances: entrancesByIds(store, credentialEntranceIds(store, credential)).map(
				(entrance) => presentEntrance(store, entrance),
			),
		};
	},
};

/** acs_user_id, or user_identity_id (+ acs_system_id) naming the identity's user on that system. */
function resolveCredentialOwner(store: Store, input: Input): AcsUserRecord {
	if (!input.has('acs_user_id') && !input.has('user_identity_id')) {
		throw invalidInput({
			acs_user_id: 'Required: provide acs_user_id (or user_identity_id with acs_system_id)',
		});
	}
	const systemId = input.string('acs_system_id');
	if (systemId != null) requireAcsSystem(store, systemId);
	const userId = input.string('acs_user_id');
	if (userId != null) {
		const user = requireAcsUser(store, userId);
		if (systemId != null && user.acs_system_id !== systemId) {
			throw invalidInput({
				acs_system_id: 'The access system user belongs to another access system',
			});
		}
		return user;
	}
	return resolveAcsUser(store, input);
}

/**
 * Latch: one PIN per door, so exactly one entrance that accepts codes.
 * Salto KS: entrances come from the user's access groups; naming entrances on
 * the credential is rejected rather than silently ignored.
 */
function readAllowedEntrances(
	store: Store,
	input: Input,
	provider: Provider,
	acsSystemId: string,
): string[] {
	const ids = input.stringArray('allowed_acs_entrance_ids') ?? [];
	if (provider.credentialEntrances === 'access_groups') {
		if (ids.length > 0) {
			throw invalidInput({
				allowed_acs_entrance_ids: `${provider.displayName} grants entrances through access groups; add the user to an access group instead of passing allowed_acs_entrance_ids`,
			});
		}
		return [];
	}
	if (ids.length !== 1) {
		throw invalidInput({
			allowed_acs_entrance_ids: `${provider.displayName} PIN codes open exactly one entrance: pass exactly one entrance id (got ${ids.length}); create one credential per entrance`,
		});
	}
	const entrance = requireEntrance(store, ids[0]);
	if (entrance.acs_system_id !== acsSystemId) {
		throw invalidInput({
			allowed_acs_entrance_ids: `Entrance ${entrance.acs_entrance_id} belongs to another access system`,
		});
	}
	if (!entrance.can_unlock_with_code) {
		throw invalidInput({
			allowed_acs_entrance_ids: `Entrance ${entrance.acs_entrance_id} cannot be unlocked with a PIN code`,
		});
	}
	return [entrance.acs_entrance_id];
}
