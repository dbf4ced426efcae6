import { deviceErrorsOf } from './device-errors';
import { deviceModelOf } from './device-models';
import { spacesContainingDevice } from './spaces';
import type { DeviceRecord, SpaceRecord, Store } from './store';

// Render smart locks and spaces as Seam's `device` and `space` objects. Like
// presenters.ts, everything derived (space_ids, counts, capability flags) is
// computed on each read from the records.

type SeamObject = Record<string, unknown>;

export function presentDevice(store: Store, device: DeviceRecord): SeamObject {
	const model = deviceModelOf(device.kind);
	// Seam programs PIN codes through the lock's keypad: no keypad, no codes.
	// An igloohome keypad takes offline (algoPIN) codes only.
	const hasKeypad =
		device.can_program_online_access_codes || device.can_program_offline_access_codes;
	const modelName = hasKeypad ? model.modelWithKeypad : model.modelWithoutKeypad;
	return {
		device_id: device.device_id,
		device_type: device.kind,
		display_name: device.name,
		workspace_id: store.workspace.workspace_id,
		connected_account_id: device.connected_account_id,
		created_at: device.created_at,
		is_managed: true,
		custom_metadata: {},
		space_ids: spacesContainingDevice(store, device.device_id).map((space) => space.space_id),
		capabilities_supported: hasKeypad ? ['access_code', 'lock'] : ['lock'],
		device_manufacturer: {
			manufacturer: model.manufacturer,
			display_name: model.manufacturerDisplayName,
		},
		device_provider: {
			device_provider_name: model.providerName,
			display_name: model.providerDisplayName,
			provider_category: 'stable',
		},
		location: { time_zone: device.time_zone },
		properties: {
			online: device.online,
			locked: device.locked,
			battery_level: device.battery_level,
			battery: { level: device.battery_level, status: batteryStatus(device.battery_level) },
			name: device.name,
			appearance: { name: device.name },
			manufacturer: model.manufacturer,
			model: {
				display_name: modelName,
				manufacturer_display_name: model.manufacturerDisplayName,
				has_built_in_keypad: hasKeypad,
				can_connect_accessory_keypad: false,
			},
			// Access code constraints: reported for locks that take PIN codes only.
			...(hasKeypad
				? {
						supported_code_lengths: [...model.supportedCodeLengths],
						max_active_codes_supported: model.maxActiveCodesSupported,
					}
				: {}),
			...model.metadata(device, hasKeypad, modelName),
		},
		can_remotely_lock: true,
		can_remotely_unlock: true,
		can_program_online_access_codes: device.can_program_online_access_codes,
		can_program_offline_access_codes: device.can_program_offline_access_codes,
		can_unlock_with_code: hasKeypad,
		errors: deviceErrorsOf(device),
		warnings: [],
	};
}

// Seam's battery.status bands; the thresholds are chosen here (Seam documents only the names).
function batteryStatus(level: number): 'critical' | 'low' | 'good' | 'full' {
	if (level < 0.1) return 'critical';
	if (level < 0.25) return 'low';
	if (level < 0.95) return 'good';
	return 'full';
}

export function presentSpace(store: Store, space: SpaceRecord): SeamObject {
	const out: SeamObject = {
		space_id: space.space_id,
		workspace_id: store.workspace.workspace_id,
		name: space.name,
		display_name: space.name,
		created_at: space.created_at,
		device_count: space.device_ids.filter((id) => store.devices.has(id)).length,
		acs_entrance_count: space.acs_entrance_ids.filter((id) => store.entrances.has(id)).length,
	};
	if (space.space_key != null) out.space_key = space.space_key;
	return out;
}
