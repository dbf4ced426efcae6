import { deviceModelOf } from './device-models';
import { invalidInput } from './errors';
import { providerOf } from './providers';
import type {
	AccessGrantProblems,
	AccessMethodMode,
	EntranceRecord,
	RequestedAccessMethodRecord,
	Store,
} from './store';

// Which access methods an access grant needs, and which doors each one opens.
//
// One requested `code` method can need several access methods, because one PIN
// cannot be valid everywhere:
// - smart locks (device_ids) share one PIN, which the caller may choose; locks
//   whose keypads do not take a requested code's length (supported_code_lengths)
//   get a generated code of a length they take instead, in a method of their own
//   (Seam's "Creating an Access Grant": "If the requested code isn't valid for a
//   device, Seam assigns a compatible code for that device instead");
// - an access control system generates its own PINs, of its own length: Salto
//   KS issues one PIN per user that opens all of the grant's entrances on the
//   site, Latch one PIN per door (see providers.ts).
// `card` and `mobile_key` become one access method covering every door.
//
// Planning only reads the store and throws invalid_input for requests that
// cannot be honoured, so nothing is created for a rejected request.

export interface GrantTargets {
	device_ids: string[];
	acs_entrance_ids: string[];
	space_ids: string[];
}

export interface Doors {
	device_ids: string[];
	acs_entrance_ids: string[];
}

export interface AccessMethodDraft {
	requested_index: number;
	mode: AccessMethodMode;
	device_ids: string[];
	acs_entrance_ids: string[];
	/** Entrance-based code methods: the system whose provider generates the PIN. */
	acs_system_id: string | null;
	/**
	 * Smart locks that cannot take the requested code's length: the length of the code
	 * generated for them instead (reported as requested_code_unavailable once issued).
	 */
	replacement_code_length?: number;
}

export interface AccessMethodPlan {
	drafts: AccessMethodDraft[];
	problems: AccessGrantProblems;
}

/** The grant's doors: the ones named directly plus the spaces' members, each once, in creation order. */
export function doorsOf(store: Store, targets: GrantTargets): Doors {
	const deviceIds = new Set(targets.device_ids);
	const entranceIds = new Set(targets.acs_entrance_ids);
	for (const spaceId of targets.space_ids) {
		const space = store.spaces.get(spaceId);
		space?.device_ids.forEach((id) => deviceIds.add(id));
		space?.acs_entrance_ids.forEach((id) => entranceIds.add(id));
	}
	return {
		device_ids: [...store.devices.values()]
			.filter((device) => deviceIds.has(device.device_id))
			.map((device) => device.device_id),
		acs_entrance_ids: [...store.entrances.values()]
			.filter((entrance) => entranceIds.has(entrance.acs_entrance_id))
			.map((entrance) => entrance.acs_entrance_id),
	};
}

export function planAccessMethods(
	store: Store,
	targets: GrantTargets,
	requested: RequestedAccessMethodRecord[],
): AccessMethodPlan {
	const doors = doorsOf(store, targets);
	const drafts: AccessMethodDraft[] = [];
	const devicesWithoutCodes = new Set<string>();
	const failures: string[] = [];
	const missingDeviceIds = new Set<string>();

	requested.forEach((request, index) => {
		if (request.mode !== 'code') {
			if (doors.device_ids.length === 0 && doors.acs_entrance_ids.length === 0) {
				failures.push(`The ${request.mode} access method has no door to open.`);
				return;
			}
			drafts.push({ requested_index: index, mode: request.mode, ...doors, acs_system_id: null });
			return;
		}

		const codeDrafts = planCodeMethods(store, doors, index, request.code);
		drafts.push(...codeDrafts.drafts);
		codeDrafts.devicesWithoutCodes.forEach((id) => devicesWithoutCodes.add(id));
		if (codeDrafts.entrancesWithoutCodes.length > 0) {
			failures.push(
				`No PIN code was created for ${describeEntrances(codeDrafts.entrancesWithoutCodes)}: the entrance cannot be unlocked with a code.`,
			);
		}
		if (codeDrafts.drafts.length === 0) {
			codeDrafts.devicesWithoutCodes.forEach((id) => missingDeviceIds.add(id));
			failures.push('None of the doors of the access grant accepts PIN codes.');
		}
	});

	return {
		drafts,
		problems: {
			devices_without_codes: [...devicesWithoutCodes],
			cannot_create:
				failures.length === 0
					? null
					: {
							message: [...new Set(failures)].join(' '),
							missing_device_ids: [...missingDeviceIds],
						},
		},
	};
}

function planCodeMethods(store: Store, doors: Doors, index: number, requestedCode: string | null) {
	const drafts: AccessMethodDraft[] = [];
	const codeDevices = doors.device_ids.filter(
		(id) => store.devices.get(id)?.can_program_online_access_codes === true,
	);
	const devicesWithoutCodes = doors.device_ids.filter((id) => !codeDevices.includes(id));
	const takesRequested = (id: string) =>
		requestedCode == null || codeLengthsOf(store, id).includes(requestedCode.length);
	const requestedCodeDevices = codeDevices.filter(takesRequested);
	if (requestedCodeDevices.length > 0) {
		drafts.push({
			requested_index: index,
			mode: 'code',
			device_ids: requestedCodeDevices,
			acs_entrance_ids: [],
			acs_system_id: null,
		});
	}
	// One method per replacement length, so locks that take the same length still share a PIN.
	const byReplacementLength = new Map<number, string[]>();
	for (const id of codeDevices.filter((id) => !takesRequested(id))) {
		const length = nearestLength(codeLengthsOf(store, id), requestedCode?.length ?? 4);
		byReplacementLength.set(length, [...(byReplacementLength.get(length) ?? []), id]);
	}
	for (const [length, deviceIds] of byReplacementLength) {
		drafts.push({
			requested_index: index,
			mode: 'code',
			device_ids: deviceIds,
			acs_entrance_ids: [],
			acs_system_id: null,
			replacement_code_length: length,
		});
	}

	const entrances = doors.acs_entrance_ids
		.map((id) => store.entrances.get(id))
		.filter((entrance): entrance is EntranceRecord => entrance != null);
	const entrancesWithoutCodes = entrances.filter((entrance) => !entrance.can_unlock_with_code);
	const bySystem = new Map<string, EntranceRecord[]>();
	for (const entrance of entrances) {
		if (entrance.can_unlock_with_code)
			bySystem.set(entrance.acs_system_id, [
				...(bySystem.get(entrance.acs_system_id) ?? []),
				entrance,
			]);
	}
	for (const [systemId, systemEntrances] of bySystem) {
		const system = store.acsSystems.get(systemId);
		if (system == null) continue;
		const provider = providerOf(system.provider);
		if (requestedCode != null) {
			// As with /acs/credentials/create: refused rather than silently replaced.
			throw invalidInput({
				requested_access_methods: `${provider.displayName} generates PIN codes itself, so a custom code cannot be requested for ${describeEntrances(systemEntrances)}; omit code, or grant the code on smart locks (device_ids) only`,
			});
		}
		const groups =
			provider.credentialEntrances === 'single_entrance'
				? systemEntrances.map((entrance) => [entrance])
				: [systemEntrances];
		for (const group of groups) {
			drafts.push({
				requested_index: index,
				mode: 'code',
				device_ids: [],
				acs_entrance_ids: group.map((entrance) => entrance.acs_entrance_id),
				acs_system_id: systemId,
			});
		}
	}
	return { drafts, devicesWithoutCodes, entrancesWithoutCodes };
}

/** properties.supported_code_lengths of a smart lock. */
export function codeLengthsOf(store: Store, deviceId: string): number[] {
	const device = store.devices.get(deviceId);
	return device == null ? [] : deviceModelOf(device.kind).supportedCodeLengths;
}

/** The supported length closest to the wanted one; the longer of two equally close. */
function nearestLength(lengths: number[], wanted: number): number {
	return lengths.reduce((best, length) => {
		const [d, bestD] = [Math.abs(length - wanted), Math.abs(best - wanted)];
		return d < bestD || (d === bestD && length > best) ? length : best;
	});
}

const describeEntrances = (entrances: EntranceRecord[]): string =>
	entrances.map((entrance) => `${entrance.name} (${entrance.acs_entrance_id})`).join(', ');
