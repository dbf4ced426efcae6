import type { IDataObject } from 'n8n-workflow';

import { displayName } from '../seamObjects/displayName';

// Seam's device object keeps what a workflow asks of a lock in several places (top-level
// capability flags, `properties`, `properties.battery`); the summary puts it in one flat list.

const flag = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);
const numberOrNull = (value: unknown): number | null =>
	typeof value === 'number' && Number.isFinite(value) ? value : null;

function propertiesOf(device: IDataObject): IDataObject {
	const properties = device.properties;
	return properties && typeof properties === 'object' ? (properties as IDataObject) : {};
}

/** The name the lock goes by in Seam's console and in messages. */
export function lockName(device: IDataObject): string {
	return displayName(device, device.device_id);
}

/** Whether Seam reports the lock locked (null when it does not say). */
export function lockedState(device: IDataObject): boolean | null {
	return flag(propertiesOf(device).locked);
}

/**
 * A lock's state and PIN-code capabilities, flat, then the whole device as Seam returns it.
 * Values Seam does not report are null, so the keys are always there to branch on.
 */
export function lockSummary(device: IDataObject): IDataObject {
	const properties = propertiesOf(device);
	const battery = (properties.battery ?? {}) as IDataObject;
	const codeLengths = properties.supported_code_lengths;
	return {
		device_id: device.device_id,
		name: lockName(device),
		locked: lockedState(device),
		online: flag(properties.online),
		door_open: flag(properties.door_open),
		battery_level: numberOrNull(battery.level ?? properties.battery_level),
		battery_status: typeof battery.status === 'string' ? battery.status : null,
		can_remotely_lock: flag(device.can_remotely_lock),
		can_remotely_unlock: flag(device.can_remotely_unlock),
		can_program_online_access_codes: flag(device.can_program_online_access_codes),
		can_program_offline_access_codes: flag(device.can_program_offline_access_codes),
		supported_code_lengths: Array.isArray(codeLengths) ? codeLengths : null,
		max_active_codes_supported: numberOrNull(properties.max_active_codes_supported),
		device,
	};
}

/**
 * Whether a device is a lock: Seam lists "lock" among its capabilities. A device that does not
 * report its capabilities is kept, rather than hidden for what Seam left out.
 */
export function isLock(device: IDataObject): boolean {
	const capabilities = device.capabilities_supported;
	return !Array.isArray(capabilities) || (capabilities as unknown[]).includes('lock');
}
