import { deviceModelOf } from '../device-models';
import { presentDevice } from '../device-presenters';
import { invalidInput, SeamApiError } from '../errors';
import { createdBefore, matchesSearch } from '../filters';
import { requireDevice } from '../lookups';
import { paginate } from '../pagination';
import { spacesContainingDevice } from '../spaces';
import type { RouteTable } from './types';

export const deviceRoutes: RouteTable = {
	'/devices/get': ({ store, input }) => {
		const id = input.string('device_id');
		if (id != null) return { device: presentDevice(store, requireDevice(store, id)) };
		const name = input.string('name');
		if (name == null) throw invalidInput({ device_id: 'Required: provide device_id or name' });
		const found = [...store.devices.values()].find((device) => device.name === name);
		if (found == null)
			throw new SeamApiError(404, 'device_not_found', `Could not find device with name ${name}`);
		return { device: presentDevice(store, found) };
	},

	'/devices/list': ({ store, input, params, requestUrl }) => {
		const ids = input.stringArray('device_ids');
		const type = input.string('device_type');
		const types = input.stringArray('device_types');
		const manufacturer = input.string('manufacturer');
		const connectedAccountId = input.string('connected_account_id');
		const connectedAccountIds = input.stringArray('connected_account_ids');
		const spaceId = input.string('space_id');
		const search = input.string('search');
		const before = input.string('created_before');
		const includeIf = input.stringArray('include_if') ?? [];
		const excludeIf = input.stringArray('exclude_if') ?? [];
		// Webviews, customers, user identifier keys, locations and custom metadata
		// are not modelled (every device's custom_metadata is empty): no device
		// matches a filter on them.
		const unmodelled =
			['connect_webview_id', 'customer_key', 'user_identifier_key', 'unstable_location_id'].some(
				(name) => params[name] != null,
			) || Object.keys((params.custom_metadata_has as object | undefined) ?? {}).length > 0;

		const devices = [...store.devices.values()].filter((device) => {
			// include_if / exclude_if name capability flags of the rendered device.
			const rendered = presentDevice(store, device);
			return (
				!unmodelled &&
				(ids == null || ids.includes(device.device_id)) &&
				(type == null || device.kind === type) &&
				(types == null || types.includes(device.kind)) &&
				(manufacturer == null || deviceModelOf(device.kind).manufacturer === manufacturer) &&
				(connectedAccountId == null || device.connected_account_id === connectedAccountId) &&
				(connectedAccountIds == null ||
					connectedAccountIds.includes(device.connected_account_id)) &&
				(spaceId == null ||
					spacesContainingDevice(store, device.device_id).some(
						(space) => space.space_id === spaceId,
					)) &&
				createdBefore(device.created_at, before) &&
				matchesSearch(search, device.name, device.device_id) &&
				includeIf.every((flag) => rendered[flag] === true) &&
				excludeIf.every((flag) => rendered[flag] !== true)
			);
		});
		const page = paginate(devices, params, requestUrl, 500);
		return {
			devices: page.items.map((device) => presentDevice(store, device)),
			pagination: page.pagination,
		};
	},
};
