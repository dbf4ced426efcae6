import type { SpaceRecord, Store } from './store';

// Space membership, computed from current state on every call so that a
// device's or entrance's space_ids and a space's counts never go stale.

export function spacesContainingDevice(store: Store, deviceId: string): SpaceRecord[] {
	return [...store.spaces.values()].filter((space) => space.device_ids.includes(deviceId));
}

export function spacesContainingEntrance(store: Store, entranceId: string): SpaceRecord[] {
	return [...store.spaces.values()].filter((space) => space.acs_entrance_ids.includes(entranceId));
}

/** True when the space holds one of the devices or entrances. */
export function spaceHoldsAny(
	space: SpaceRecord,
	doors: { device_ids: readonly string[]; acs_entrance_ids: readonly string[] },
): boolean {
	return (
		space.device_ids.some((id) => doors.device_ids.includes(id)) ||
		space.acs_entrance_ids.some((id) => doors.acs_entrance_ids.includes(id))
	);
}
