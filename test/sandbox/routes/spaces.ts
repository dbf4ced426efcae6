import { presentSpace } from '../device-presenters';
import { invalidInput } from '../errors';
import { matchesSearch } from '../filters';
import { requireSpace, requireSpaceByKey } from '../lookups';
import { paginate } from '../pagination';
import { spaceBatch } from '../related';
import type { RouteTable } from './types';

export const spaceRoutes: RouteTable = {
	'/spaces/get': ({ store, input }) => {
		const id = input.string('space_id');
		const space =
			id != null
				? requireSpace(store, id)
				: requireSpaceByKey(store, input.requiredString('space_key'));
		return { space: presentSpace(store, space) };
	},

	// Each space once, in creation order, whether named by id, by key or both.
	'/spaces/get_related': ({ store, input }) => {
		const spaces = [
			...(input.stringArray('space_ids') ?? []).map((id) => requireSpace(store, id)),
			...(input.stringArray('space_keys') ?? []).map((key) => requireSpaceByKey(store, key)),
		];
		if (spaces.length === 0) {
			throw invalidInput({ space_ids: 'Required: provide space_ids or space_keys' });
		}
		return {
			batch: spaceBatch(
				store,
				[...new Set(spaces)],
				input.stringArray('include'),
				input.stringArray('exclude'),
			),
		};
	},

	'/spaces/list': ({ store, input, params, requestUrl }) => {
		const search = input.string('search');
		const spaceKey = input.string('space_key');
		const connectedAccountId = input.string('connected_account_id');
		// Spaces are flat here and no customers are modelled: those filters match nothing.
		const unmodelled = ['parent_space_id', 'parent_space_key', 'customer_key'].some((name) =>
			input.has(name),
		);
		const spaces = [...store.spaces.values()].filter((space) => {
			const accounts = new Set([
				...space.device_ids.map((id) => store.devices.get(id)?.connected_account_id),
				...space.acs_entrance_ids.map((id) => {
					const entrance = store.entrances.get(id);
					return entrance == null
						? undefined
						: store.acsSystems.get(entrance.acs_system_id)?.connected_account_id;
				}),
			]);
			return (
				!unmodelled &&
				(spaceKey == null || space.space_key === spaceKey) &&
				(connectedAccountId == null || accounts.has(connectedAccountId)) &&
				matchesSearch(search, space.name, space.space_key)
			);
		});
		const page = paginate(spaces, params, requestUrl, 500);
		return {
			spaces: page.items.map((space) => presentSpace(store, space)),
			pagination: page.pagination,
		};
	},
};
