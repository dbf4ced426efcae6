import { deviceModelOf } from './device-models';
import { invalidInput, SeamApiError } from './errors';
import type { Input } from './input';
import { randomPin } from './pins';
import type { DeviceRecord, Store } from './store';

// What Seam refuses when a code is put on a smart lock, checked before anything
// changes. Error types: Seam names `duplicate_code_on_device` and
// `no_space_for_access_code_on_device` (access code error codes in its OpenAPI
// document); everything else is `invalid_input`.

/** The PIN lengths the lock's keypad takes (properties.supported_code_lengths). */
export const supportedLengths = (device: DeviceRecord): number[] =>
	deviceModelOf(device.kind).supportedCodeLengths;

/** A lock Seam can put this kind of code on, else 400. */
export function requireCodeCapable(device: DeviceRecord, offline: boolean): void {
	if (offline && !device.can_program_offline_access_codes) {
		throw invalidInput({
			is_offline_access_code: `${device.name} cannot program offline access codes (can_program_offline_access_codes is false)`,
		});
	}
	if (!offline && !device.can_program_online_access_codes) {
		const hint = device.can_program_offline_access_codes
			? '; it takes offline access codes only (is_offline_access_code: true)'
			: '';
		throw invalidInput({
			device_id: `${device.name} cannot program access codes (can_program_online_access_codes is false)${hint}`,
		});
	}
}

/** A custom code must be digits of a length the lock takes (the OpenAPI check covers digits and 4–12). */
export function checkCodeFits(device: DeviceRecord, code: string, param = 'code'): void {
	const lengths = supportedLengths(device);
	if (!/^\d+$/.test(code)) throw invalidInput({ [param]: 'The code must contain digits only' });
	if (!lengths.includes(code.length)) {
		throw invalidInput({
			[param]: `${device.name} takes codes of ${lengths.join(', ')} digits; the code has ${code.length}`,
		});
	}
}

/**
 * Every PIN on the lock: managed and unmanaged access codes and the codes of
 * access methods (access grants) that cover it. `exceptId` leaves one access
 * code out (the one being updated).
 */
export function codesOnLock(store: Store, deviceId: string, exceptId?: string): Set<string> {
	const taken = new Set<string>();
	for (const code of store.accessCodes.values()) {
		if (code.device_id === deviceId && code.access_code_id !== exceptId) taken.add(code.code);
	}
	for (const code of store.unmanagedAccessCodes.values()) {
		if (code.device_id === deviceId && code.access_code_id !== exceptId) taken.add(code.code);
	}
	for (const method of store.accessMethods.values()) {
		if (method.pending_code != null && method.device_ids.includes(deviceId))
			taken.add(method.pending_code);
	}
	return taken;
}

export function checkNotOnLock(
	store: Store,
	device: DeviceRecord,
	code: string,
	exceptId?: string,
): void {
	if (codesOnLock(store, device.device_id, exceptId).has(code)) {
		throw new SeamApiError(
			400,
			'duplicate_code_on_device',
			`The code ${code} is already in use on ${device.name}; choose another code`,
		);
	}
}

/** Managed + unmanaged codes on the lock, against properties.max_active_codes_supported. */
export function checkRoomFor(store: Store, device: DeviceRecord, adding = 1): void {
	const max = deviceModelOf(device.kind).maxActiveCodesSupported;
	let used = 0;
	for (const code of store.accessCodes.values()) if (code.device_id === device.device_id) used += 1;
	for (const code of store.unmanagedAccessCodes.values())
		if (code.device_id === device.device_id) used += 1;
	if (used + adding > max) {
		throw new SeamApiError(
			400,
			'no_space_for_access_code_on_device',
			`${device.name} holds at most ${max} access codes and has ${used}; delete one first`,
		);
	}
}

/** The supported length nearest to `preferred` (the shorter on a tie); the lock's default without one. */
export function codeLengthFor(device: DeviceRecord, preferred?: number): number {
	const model = deviceModelOf(device.kind);
	if (preferred == null) return model.generatedCodeLength;
	return [...model.supportedCodeLengths].sort(
		(a, b) => Math.abs(a - preferred) - Math.abs(b - preferred) || a - b,
	)[0];
}

/** A fresh code the lock takes and does not hold yet. */
export function generateCodeFor(store: Store, device: DeviceRecord, preferred?: number): string {
	return randomPin(codeLengthFor(device, preferred), codesOnLock(store, device.device_id));
}

export interface CodeTimes {
	starts_at: string | null;
	ends_at: string | null;
}

/**
 * starts_at / ends_at as ISO strings. Neither: an ongoing code. ends_at alone
 * starts now. ends_at must be after starts_at and in the future.
 */
export function readCodeTimes(input: Input, now: Date, current?: CodeTimes): CodeTimes {
	const startsRaw = input.string('starts_at');
	const endsRaw = input.string('ends_at');
	const parse = (value: string, param: string): string => {
		const ms = Date.parse(value);
		if (Number.isNaN(ms)) throw invalidInput({ [param]: `${param} must be an ISO 8601 timestamp` });
		return new Date(ms).toISOString();
	};
	let starts_at = startsRaw == null ? (current?.starts_at ?? null) : parse(startsRaw, 'starts_at');
	const ends_at = endsRaw == null ? (current?.ends_at ?? null) : parse(endsRaw, 'ends_at');
	if (starts_at == null && ends_at != null) starts_at = now.toISOString();
	if (starts_at != null && ends_at == null) {
		throw invalidInput({ ends_at: 'A time-bound code needs ends_at as well as starts_at' });
	}
	if (starts_at != null && ends_at != null) {
		if (Date.parse(ends_at) <= Date.parse(starts_at))
			throw invalidInput({ ends_at: 'ends_at must be after starts_at' });
		if (Date.parse(ends_at) <= now.getTime())
			throw invalidInput({ ends_at: 'ends_at must be in the future' });
	}
	return { starts_at, ends_at };
}
