import { randomUUID } from 'node:crypto';

import { entrancesByIds, userEntranceIds } from '../access';
import { invalidInput } from '../errors';
import { createdBefore, matchesSearch } from '../filters';
import type { Input } from '../input';
import {
	requireAccessGroup,
	requireAcsSystem,
	requireUserIdentity,
	resolveAcsUser,
} from '../lookups';
import { paginate } from '../pagination';
import { presentAcsUser, presentEntrance } from '../presenters';
import type { AccessSchedule, AcsUserRecord } from '../store';
import { checkTimeWindow, parseTimestamp } from '../time-window';
import {
	addUserToGroup,
	deleteAcsUser,
	recordUserEvent,
	removeUserFromGroup,
} from '../user-lifecycle';
import type { RouteTable } from './types';

export const acsUserRoutes: RouteTable = {
	'/acs/users/create': ({ store, input, now }) => {
		const system = requireAcsSystem(store, input.requiredString('acs_system_id'));
		const fullName = input.requiredString('full_name').trim();
		if (fullName === '') throw invalidInput({ full_name: 'full_name must not be empty' });

		const userIdentityId = input.string('user_identity_id');
		if (userIdentityId != null) requireUserIdentity(store, userIdentityId);

		const groupIds = input.stringArray('acs_access_group_ids') ?? [];
		for (const groupId of groupIds) {
			const group = requireAccessGroup(store, groupId);
			if (group.acs_system_id !== system.acs_system_id) {
				throw invalidInput({
					acs_access_group_ids: `Access group ${groupId} belongs to another access system`,
				});
			}
		}

		const user: AcsUserRecord = {
			seq: store.nextSeq(),
			acs_user_id: randomUUID(),
			acs_system_id: system.acs_system_id,
			full_name: fullName,
			email_address: input.string('email_address') ?? input.string('email') ?? null,
			phone_number: input.string('phone_number') ?? null,
			user_identity_id: userIdentityId ?? null,
			access_schedule: readSchedule(input, now, 'create'),
			is_suspended: false,
			access_group_ids: [...new Set(groupIds)],
			created_at: now.toISOString(),
		};
		store.acsUsers.set(user.acs_user_id, user);
		recordUserEvent(store, 'acs_user.created', user, now);
		return { acs_user: presentAcsUser(store, user, now) };
	},

	'/acs/users/get': ({ store, input, now }) => ({
		acs_user: presentAcsUser(store, resolveAcsUser(store, input), now),
	}),

	'/acs/users/list': ({ store, input, params, requestUrl, now }) => {
		const systemId = input.string('acs_system_id');
		const identityId = input.string('user_identity_id');
		const identityEmail = input.string('user_identity_email_address');
		const identityPhone = input.string('user_identity_phone_number');
		const search = input.string('search');
		const before = input.string('created_before');

		const users = [...store.acsUsers.values()].filter((user) => {
			const identity =
				user.user_identity_id == null ? undefined : store.userIdentities.get(user.user_identity_id);
			return (
				(systemId == null || user.acs_system_id === systemId) &&
				(identityId == null || user.user_identity_id === identityId) &&
				(identityEmail == null ||
					identity?.email_address?.toLowerCase() === identityEmail.toLowerCase()) &&
				(identityPhone == null || identity?.phone_number === identityPhone) &&
				createdBefore(user.created_at, before) &&
				matchesSearch(
					search,
					user.full_name,
					user.email_address,
					user.phone_number,
					user.acs_user_id,
				)
			);
		});
		const page = paginate(users, params, requestUrl, 500);
		return {
			acs_users: page.items.map((user) => presentAcsUser(store, user, now)),
			pagination: page.pagination,
		};
	},

	'/acs/users/update': ({ store, input, now }) => {
		const user = resolveAcsUser(store, input);
		const fullName = input.string('full_name');
		if (fullName != null) {
			if (fullName.trim() === '') throw invalidInput({ full_name: 'full_name must not be empty' });
			user.full_name = fullName.trim();
		}
		const email = input.string('email_address') ?? input.string('email');
		if (email != null) user.email_address = email;
		const phone = input.string('phone_number');
		if (phone != null) user.phone_number = phone;
		if (input.has('access_schedule')) user.access_schedule = readSchedule(input, now, 'update');
		return {};
	},

	'/acs/users/delete': ({ store, input, now }) => {
		deleteAcsUser(store, resolveAcsUser(store, input), now);
		return {};
	},

	'/acs/users/suspend': ({ store, input }) => {
		resolveAcsUser(store, input).is_suspended = true;
		return {};
	},

	'/acs/users/unsuspend': ({ store, input }) => {
		resolveAcsUser(store, input).is_suspended = false;
		return {};
	},

	'/acs/users/add_to_access_group': ({ store, input }) => {
		const group = requireAccessGroup(store, input.requiredString('acs_access_group_id'));
		const user = resolveAcsUser(store, input, group.acs_system_id);
		addUserToGroup(user, group);
		return {};
	},

	'/acs/users/remove_from_access_group': ({ store, input }) => {
		const group = requireAccessGroup(store, input.requiredString('acs_access_group_id'));
		const user = resolveAcsUser(store, input, group.acs_system_id);
		removeUserFromGroup(user, group.acs_access_group_id);
		return {};
	},

	'/acs/users/list_accessible_entrances': ({ store, input }) => {
		const user = resolveAcsUser(store, input);
		return {
			acs_entrances: entrancesByIds(store, userEntranceIds(store, user)).map((entrance) =>
				presentEntrance(store, entrance),
			),
		};
	},
};

/**
 * access_schedule on create may omit starts_at (access starts now) and ends_at
 * (open-ended); on update both are required by the schema, and null clears it.
 */
function readSchedule(input: Input, now: Date, mode: 'create' | 'update'): AccessSchedule | null {
	const schedule = input.object('access_schedule');
	if (schedule == null) return null;
	const startsRaw =
		mode === 'update' ? schedule.requiredString('starts_at') : schedule.string('starts_at');
	const endsRaw =
		mode === 'update' ? schedule.requiredString('ends_at') : schedule.nullableString('ends_at');
	const starts_at =
		startsRaw == null
			? now.toISOString()
			: parseTimestamp(startsRaw, 'access_schedule', 'access_schedule.starts_at');
	const ends_at =
		endsRaw == null ? null : parseTimestamp(endsRaw, 'access_schedule', 'access_schedule.ends_at');
	checkTimeWindow({ starts_at, ends_at }, now, 'access_schedule');
	return { starts_at, ends_at };
}
