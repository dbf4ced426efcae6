import { accessMethodsOf, deleteAccessMethod } from '../access-grant-lifecycle';
import { presentAccessMethod } from '../access-grant-presenters';
import { methodCoversSpace } from '../access-grant-queries';
import { invalidInput, SeamApiError } from '../errors';
import { requireAccessGrant, requireAccessGrantByKey, requireAccessMethod } from '../lookups';
import { accessMethodBatch } from '../related';
import type { AccessMethodRecord } from '../store';
import type { RouteTable } from './types';

export const accessMethodRoutes: RouteTable = {
	'/access_methods/get': ({ store, input }) => ({
		access_method: presentAccessMethod(
			store,
			requireAccessMethod(store, input.requiredString('access_method_id')),
		),
	}),

	// Seam documents no pagination for this endpoint: every match is returned.
	'/access_methods/list': ({ store, input }) => {
		const grantId = input.string('access_grant_id');
		const grantKey = input.string('access_grant_key');
		const grants = [
			...(grantId == null ? [] : [requireAccessGrant(store, grantId)]),
			...(grantKey == null ? [] : [requireAccessGrantByKey(store, grantKey)]),
		].map((grant) => grant.access_grant_id);
		const deviceId = input.string('device_id');
		const entranceId = input.string('acs_entrance_id');
		const spaceId = input.string('space_id');
		// Access codes are not modelled: filtering by one matches nothing.
		const unmodelled = input.has('access_code_id');

		const methods = [...store.accessMethods.values()].filter(
			(method) =>
				!unmodelled &&
				grants.every((id) => method.access_grant_id === id) &&
				(deviceId == null || method.device_ids.includes(deviceId)) &&
				(entranceId == null || method.acs_entrance_ids.includes(entranceId)) &&
				(spaceId == null || methodCoversSpace(store, method, spaceId)),
		);
		return { access_methods: methods.map((method) => presentAccessMethod(store, method)) };
	},

	'/access_methods/get_related': ({ store, input }) => {
		const ids = input.stringArray('access_method_ids') ?? [];
		if (ids.length === 0) {
			throw invalidInput({ access_method_ids: 'Provide at least one access method id' });
		}
		const methods = [...new Set(ids)].map((id) => requireAccessMethod(store, id));
		return {
			batch: accessMethodBatch(
				store,
				methods,
				input.stringArray('include'),
				input.stringArray('exclude'),
			),
		};
	},

	// One access method, every method of an access grant, or every method of the
	// grants made for a reservation.
	'/access_methods/delete': ({ store, input, now }) => {
		const methodId = input.string('access_method_id');
		const grantId = input.string('access_grant_id');
		const reservationKey = input.string('reservation_key');
		let methods: AccessMethodRecord[];
		if (methodId != null) {
			methods = [requireAccessMethod(store, methodId)];
		} else if (grantId != null) {
			methods = accessMethodsOf(store, requireAccessGrant(store, grantId));
		} else if (reservationKey != null) {
			const grants = [...store.accessGrants.values()].filter(
				(grant) => grant.reservation_key === reservationKey,
			);
			if (grants.length === 0) {
				throw new SeamApiError(
					404,
					'access_grant_not_found',
					`Could not find an access grant with reservation_key ${reservationKey}`,
				);
			}
			methods = grants.flatMap((grant) => accessMethodsOf(store, grant));
		} else {
			throw invalidInput({
				access_method_id: 'Required: provide access_method_id, access_grant_id or reservation_key',
			});
		}
		for (const method of methods) deleteAccessMethod(store, method, now);
		return {};
	},
};
