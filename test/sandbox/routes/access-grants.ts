import { changeAccessTimes, createAccessGrant, deleteAccessGrant } from '../access-grant-lifecycle';
import { presentAccessGrant } from '../access-grant-presenters';
import { grantCoversDevice, grantCoversEntrance, grantCoversSystem } from '../access-grant-queries';
import { type GrantTargets, planAccessMethods } from '../access-method-plan';
import { invalidInput, SeamApiError } from '../errors';
import { createUserIdentity } from '../identities';
import type { Input } from '../input';
import {
	requireAccessGrant,
	requireAccessGrantByKey,
	requireDevice,
	requireEntrance,
	requireSpace,
	requireSpaceByKey,
	requireUserIdentity,
} from '../lookups';
import { paginate } from '../pagination';
import { accessGrantBatch } from '../related';
import type { AccessGrantRecord, RequestedAccessMethodRecord, Store } from '../store';
import { checkTimeWindow, parseTimestamp } from '../time-window';
import type { RouteTable } from './types';

export const accessGrantRoutes: RouteTable = {
	'/access_grants/create': ({ store, input, now, settings }) => {
		refuseUnmodelled(input);
		const requested = readRequestedAccessMethods(input, now);
		const targets = readTargets(store, input);
		const startsRaw = input.string('starts_at');
		const endsRaw = input.nullableString('ends_at');
		const window = {
			starts_at: startsRaw == null ? now.toISOString() : parseTimestamp(startsRaw, 'starts_at'),
			ends_at: endsRaw == null ? null : parseTimestamp(endsRaw, 'ends_at'),
		};
		checkTimeWindow(window, now);
		const key = input.string('access_grant_key') ?? null;
		if (key != null) assertKeyFree(store, key);

		const identityId = input.string('user_identity_id');
		const inlineIdentity = input.object('user_identity');
		if (identityId != null && inlineIdentity != null) {
			throw invalidInput({
				user_identity_id: 'Provide either user_identity_id or user_identity, not both',
			});
		}
		if (identityId != null) requireUserIdentity(store, identityId);
		else if (inlineIdentity == null) {
			throw invalidInput({
				user_identity_id: 'Required: provide user_identity_id or user_identity',
			});
		}

		// Everything that can be refused has been checked: only now create anything.
		const plan = planAccessMethods(store, targets, requested);
		const userIdentityId =
			identityId ??
			createUserIdentity(
				store,
				{
					user_identity_key: inlineIdentity?.nullableString('user_identity_key') ?? null,
					email_address: inlineIdentity?.nullableString('email_address') ?? null,
					phone_number: inlineIdentity?.nullableString('phone_number') ?? null,
					full_name: inlineIdentity?.nullableString('full_name') ?? null,
				},
				now,
			).user_identity_id;
		const grant = createAccessGrant(
			store,
			{
				user_identity_id: userIdentityId,
				access_grant_key: key,
				reservation_key: input.string('reservation_key') ?? null,
				name: input.nullableString('name') ?? null,
				...targets,
				requested_access_methods: requested,
				...window,
			},
			plan,
			now,
			settings.accessMethodIssueDelayMs,
		);
		return { access_grant: presentAccessGrant(store, grant) };
	},

	'/access_grants/get': ({ store, input }) => ({
		access_grant: presentAccessGrant(store, resolveGrant(store, input)),
	}),

	'/access_grants/list': ({ store, input, params, requestUrl }) => {
		const identityId = input.string('user_identity_id');
		const ids = input.stringArray('access_grant_ids');
		const deviceId = input.string('device_id');
		const entranceId = input.string('acs_entrance_id');
		const systemId = input.string('acs_system_id');
		// location_id is the deprecated name of space_id.
		const spaceId = input.string('space_id') ?? input.string('location_id');
		const reservationKey = input.string('reservation_key');
		const keyFilter = input.has('access_grant_key');
		const key = input.nullableString('access_grant_key');
		// Access codes and customers are not modelled: filtering by one matches nothing.
		const unmodelled = input.has('access_code_id') || input.has('customer_key');

		const grants = [...store.accessGrants.values()].filter(
			(grant) =>
				!unmodelled &&
				(identityId == null || grant.user_identity_id === identityId) &&
				(ids == null || ids.includes(grant.access_grant_id)) &&
				(!keyFilter || grant.access_grant_key === (key ?? null)) &&
				(reservationKey == null || grant.reservation_key === reservationKey) &&
				(spaceId == null || grant.space_ids.includes(spaceId)) &&
				(deviceId == null || grantCoversDevice(store, grant, deviceId)) &&
				(entranceId == null || grantCoversEntrance(store, grant, entranceId)) &&
				(systemId == null || grantCoversSystem(store, grant, systemId)),
		);
		const page = paginate(grants, params, requestUrl, 500);
		return {
			access_grants: page.items.map((grant) => presentAccessGrant(store, grant)),
			pagination: page.pagination,
		};
	},

	'/access_grants/update': ({ store, input, now, settings }) => {
		const grant = resolveGrant(store, input);
		const startsRaw = input.string('starts_at');
		const endsRaw = input.nullableString('ends_at');
		if (startsRaw !== undefined || endsRaw !== undefined) {
			const to = {
				starts_at: startsRaw == null ? grant.starts_at : parseTimestamp(startsRaw, 'starts_at'),
				ends_at:
					endsRaw === undefined
						? grant.ends_at
						: endsRaw === null
							? null
							: parseTimestamp(endsRaw, 'ends_at'),
			};
			checkTimeWindow(to, now);
			changeAccessTimes(store, grant, to, now, settings.accessMethodIssueDelayMs);
		}
		const name = input.nullableString('name');
		if (name !== undefined) grant.name = name;
		return {};
	},

	'/access_grants/delete': ({ store, input, now }) => {
		deleteAccessGrant(
			store,
			requireAccessGrant(store, input.requiredString('access_grant_id')),
			now,
		);
		return {};
	},

	'/access_grants/get_related': ({ store, input }) => {
		const grants = [
			...(input.stringArray('access_grant_ids') ?? []).map((id) => requireAccessGrant(store, id)),
			...(input.stringArray('access_grant_keys') ?? []).map((key) =>
				requireAccessGrantByKey(store, key),
			),
		];
		if (grants.length === 0) {
			throw invalidInput({
				access_grant_ids: 'Required: provide access_grant_ids or access_grant_keys',
			});
		}
		return {
			batch: accessGrantBatch(
				store,
				[...new Set(grants)],
				input.stringArray('include'),
				input.stringArray('exclude'),
			),
		};
	},
};

/** By access_grant_id or access_grant_key, as /access_grants/get and /update accept. */
function resolveGrant(store: Store, input: Input): AccessGrantRecord {
	const id = input.string('access_grant_id');
	const key = input.string('access_grant_key');
	if (id == null) {
		if (key != null) return requireAccessGrantByKey(store, key);
		throw invalidInput({
			access_grant_id: 'Required: provide access_grant_id or access_grant_key',
		});
	}
	const grant = requireAccessGrant(store, id);
	if (key != null && grant.access_grant_key !== key) {
		throw invalidInput({
			access_grant_key: `Access grant ${id} does not have access_grant_key ${key}`,
		});
	}
	return grant;
}

// access_grant_key is documented as unique within the workspace. Seam's
// documents name no error type for a duplicate; this one follows the
// sandbox's user_identity_key_taken.
function assertKeyFree(store: Store, key: string): void {
	for (const grant of store.accessGrants.values()) {
		if (grant.access_grant_key === key) {
			throw new SeamApiError(
				400,
				'access_grant_key_taken',
				`An access grant with access_grant_key ${key} already exists (${grant.access_grant_id})`,
			);
		}
	}
}

const MODES = ['code', 'card', 'mobile_key'] as const;

function readRequestedAccessMethods(input: Input, now: Date): RequestedAccessMethodRecord[] {
	const items = input.objectArray('requested_access_methods');
	if (items == null || items.length === 0) {
		throw invalidInput({
			requested_access_methods: 'Request at least one access method, e.g. [{ "mode": "code" }]',
		});
	}
	return items.map((item, index) => {
		const where = `requested_access_methods[${index}]`;
		const mode = item.requiredString('mode');
		if (!(MODES as readonly string[]).includes(mode)) {
			throw invalidInput({
				requested_access_methods: `${where}.mode '${mode}' is not simulated; use one of ${MODES.join(', ')}`,
			});
		}
		const code = item.string('code') ?? null;
		if (code != null && mode !== 'code') {
			throw invalidInput({
				requested_access_methods: `${where}.code only applies to mode 'code'`,
			});
		}
		if (code != null && !/^\d{4,9}$/.test(code)) {
			throw invalidInput({
				requested_access_methods: `${where}.code must be 4 to 9 digits (got '${code}')`,
			});
		}
		if (item.has('instant_key_max_use_count') && mode !== 'mobile_key') {
			throw invalidInput({
				requested_access_methods: `${where}.instant_key_max_use_count only applies to mode 'mobile_key'`,
			});
		}
		return {
			mode: mode as RequestedAccessMethodRecord['mode'],
			code,
			created_at: now.toISOString(),
		};
	});
}

/** device_ids, acs_entrance_ids, space_ids / space_keys: each must exist; at least one target. */
function readTargets(store: Store, input: Input): GrantTargets {
	const unique = (ids: string[]) => [...new Set(ids)];
	const device_ids = unique(input.stringArray('device_ids') ?? []);
	const acs_entrance_ids = unique(input.stringArray('acs_entrance_ids') ?? []);
	device_ids.forEach((id) => requireDevice(store, id));
	acs_entrance_ids.forEach((id) => requireEntrance(store, id));
	const space_ids = unique([
		...(input.stringArray('space_ids') ?? []).map((id) => requireSpace(store, id).space_id),
		...(input.stringArray('space_keys') ?? []).map((key) => requireSpaceByKey(store, key).space_id),
	]);
	if (device_ids.length + acs_entrance_ids.length + space_ids.length === 0) {
		const message = 'Provide at least one of device_ids, acs_entrance_ids or space_ids';
		throw invalidInput(
			{ device_ids: message, acs_entrance_ids: message, space_ids: message },
			`Invalid input. ${message}.`,
		);
	}
	return { device_ids, acs_entrance_ids, space_ids };
}

/** Parameters for things the sandbox does not model, refused rather than ignored. */
function refuseUnmodelled(input: Input): void {
	const profileId = input.string('customization_profile_id');
	if (profileId != null) {
		throw new SeamApiError(
			404,
			'customization_profile_not_found',
			`Could not find customization profile with id ${profileId} (the sandbox workspace has none)`,
		);
	}
	for (const name of ['location', 'location_ids']) {
		if (input.has(name)) {
			throw invalidInput({
				[name]: `${name} is deprecated; pass device_ids, acs_entrance_ids or space_ids instead`,
			});
		}
	}
}
