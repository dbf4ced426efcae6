import { entrancesByIds } from '../access';
import { matchesSearch } from '../filters';
import { requireAccessGroup, requireAcsSystem, resolveAcsUser } from '../lookups';
import { presentAccessGroup, presentAcsUser, presentEntrance } from '../presenters';
import type { AccessGroupRecord } from '../store';
import { addUserToGroup, removeUserFromGroup } from '../user-lifecycle';
import type { RouteTable } from './types';

export const acsAccessGroupRoutes: RouteTable = {
	'/acs/access_groups/get': ({ store, input }) => ({
		acs_access_group: presentAccessGroup(
			store,
			requireAccessGroup(store, input.requiredString('acs_access_group_id')),
		),
	}),

	'/acs/access_groups/list': ({ store, input }) => {
		const systemId = input.string('acs_system_id');
		if (systemId != null) requireAcsSystem(store, systemId);
		const search = input.string('search');
		// Filtering by user (directly or through their identity) lists that user's groups.
		const memberOf =
			input.has('acs_user_id') || input.has('user_identity_id')
				? new Set(resolveAcsUser(store, input, systemId).access_group_ids)
				: null;
		const groups = [...store.accessGroups.values()].filter(
			(group: AccessGroupRecord) =>
				(systemId == null || group.acs_system_id === systemId) &&
				(memberOf == null || memberOf.has(group.acs_access_group_id)) &&
				matchesSearch(search, group.name),
		);
		return { acs_access_groups: groups.map((group) => presentAccessGroup(store, group)) };
	},

	'/acs/access_groups/list_users': ({ store, input, now }) => {
		const group = requireAccessGroup(store, input.requiredString('acs_access_group_id'));
		const members = [...store.acsUsers.values()].filter((user) =>
			user.access_group_ids.includes(group.acs_access_group_id),
		);
		return { acs_users: members.map((user) => presentAcsUser(store, user, now)) };
	},

	'/acs/access_groups/list_accessible_entrances': ({ store, input }) => {
		const group = requireAccessGroup(store, input.requiredString('acs_access_group_id'));
		return {
			acs_entrances: entrancesByIds(store, group.entrance_ids).map((entrance) =>
				presentEntrance(store, entrance),
			),
		};
	},

	'/acs/access_groups/add_user': ({ store, input }) => {
		const group = requireAccessGroup(store, input.requiredString('acs_access_group_id'));
		addUserToGroup(resolveAcsUser(store, input, group.acs_system_id), group);
		return {};
	},

	'/acs/access_groups/remove_user': ({ store, input }) => {
		const group = requireAccessGroup(store, input.requiredString('acs_access_group_id'));
		removeUserFromGroup(
			resolveAcsUser(store, input, group.acs_system_id),
			group.acs_access_group_id,
		);
		return {};
	},
};
