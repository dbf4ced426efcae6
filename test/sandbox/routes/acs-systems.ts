import { matchesSearch } from '../filters';
import { requireAcsSystem } from '../lookups';
import { presentAcsSystem } from '../presenters';
import type { RouteTable } from './types';

export const acsSystemRoutes: RouteTable = {
	'/acs/systems/get': ({ store, input }) => ({
		acs_system: presentAcsSystem(
			store,
			requireAcsSystem(store, input.requiredString('acs_system_id')),
		),
	}),

	'/acs/systems/list': ({ store, input }) => {
		const connectedAccountId = input.string('connected_account_id');
		const search = input.string('search');
		// The sandbox models no customers, so a customer_key filter matches nothing.
		const customerKey = input.string('customer_key');
		const systems = [...store.acsSystems.values()].filter(
			(system) =>
				customerKey == null &&
				(connectedAccountId == null || system.connected_account_id === connectedAccountId) &&
				matchesSearch(search, system.name),
		);
		return { acs_systems: systems.map((system) => presentAcsSystem(store, system)) };
	},
};
