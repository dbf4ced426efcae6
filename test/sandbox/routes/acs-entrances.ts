import { credentialEntranceIds } from '../access';
import { matchesSearch } from '../filters';
import { requireCredential, requireEntrance } from '../lookups';
import { paginate } from '../pagination';
import { presentEntrance } from '../presenters';
import { spacesContainingEntrance } from '../spaces';
import type { RouteTable } from './types';

export const acsEntranceRoutes: RouteTable = {
	'/acs/entrances/get': ({ store, input }) => ({
		acs_entrance: presentEntrance(
			store,
			requireEntrance(store, input.requiredString('acs_entrance_id')),
		),
	}),

	'/acs/entrances/list': ({ store, input, params, requestUrl }) => {
		const systemId = input.string('acs_system_id');
		const connectedAccountId = input.string('connected_account_id');
		const credentialId = input.string('acs_credential_id');
		const ids = input.stringArray('acs_entrance_ids');
		const search = input.string('search');
		const spaceId = input.string('space_id');
		// The sandbox models no customers: filtering by one matches nothing.
		const unmodelled = input.has('customer_key');

		const credentialEntrances =
			credentialId == null
				? null
				: new Set(credentialEntranceIds(store, requireCredential(store, credentialId)));
		const wanted = ids == null ? null : new Set(ids);
		const entrances = [...store.entrances.values()].filter((entrance) => {
			const system = store.acsSystems.get(entrance.acs_system_id);
			return (
				!unmodelled &&
				(systemId == null || entrance.acs_system_id === systemId) &&
				(connectedAccountId == null || system?.connected_account_id === connectedAccountId) &&
				(credentialEntrances == null || credentialEntrances.has(entrance.acs_entrance_id)) &&
				(wanted == null || wanted.has(entrance.acs_entrance_id)) &&
				(spaceId == null ||
					spacesContainingEntrance(store, entrance.acs_entrance_id).some(
						(space) => space.space_id === spaceId,
					)) &&
				matchesSearch(search, entrance.name)
			);
		});
		// 900 is the documented default page size of this endpoint.
		const page = paginate(entrances, params, requestUrl, 900);
		return {
			acs_entrances: page.items.map((entrance) => presentEntrance(store, entrance)),
			pagination: page.pagination,
		};
	},
};
