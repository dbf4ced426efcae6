import { randomUUID } from 'node:crypto';

import {
	checkCodeFits,
	checkNotOnLock,
	checkRoomFor,
	codesOnLock,
	generateCodeFor,
	readCodeTimes,
	requireCodeCapable,
	supportedLengths,
} from '../access-code-rules';
import {
	accessCodeStatus,
	createAccessCode,
	type NewAccessCode,
	presentAccessCode,
	requestAccessCodeRemoval,
	updateAccessCode,
} from '../access-codes';
import { presentActionAttempt } from '../action-attempts';
import { invalidInput, notFound, SeamApiError } from '../errors';
import { matchesSearch } from '../filters';
import type { Input } from '../input';
import { requireDevice } from '../lookups';
import { paginate } from '../pagination';
import { randomPin } from '../pins';
import { guardDeviceWrites } from '../rate-limit';
import type { AccessCodeRecord, DeviceRecord, Store } from '../store';
import type { RouteContext, RouteTable } from './types';

// Managed access codes on smart locks (Seam's /access_codes/*). The life of a
// code is in access-codes.ts, what Seam refuses in access-code-rules.ts.

// The limit Seam documents as the default of /access_codes/list.
const DEFAULT_LIST_LIMIT = 55_000;
const LIST_SCOPES = [
	'access_code_ids',
	'access_grant_id',
	'access_grant_key',
	'access_method_id',
	'customer_key',
	'device_id',
	'search',
	'user_identifier_key',
] as const;

export const accessCodeRoutes: RouteTable = {
	'/access_codes/create': (context) => {
		const { store, input, now, settings } = context;
		const device = requireDevice(store, input.requiredString('device_id'));
		const offline = readOffline(input);
		requireCodeCapable(device, offline);
		const times = readCodeTimes(input, now);
		const requested = input.string('code');
		let code: string;
		if (offline) {
			// Seam's offline-code rules: the maker generates the PIN, and the code needs both times.
			if (requested != null) {
				throw invalidInput({
					code: `${device.name} generates offline access codes itself: leave code out`,
				});
			}
			if (input.string('starts_at') == null || times.ends_at == null) {
				throw invalidInput({ starts_at: 'An offline access code needs starts_at and ends_at' });
			}
			code = generateCodeFor(store, device);
		} else if (requested != null) {
			checkCodeFits(device, requested);
			checkNotOnLock(store, device, requested);
			code = requested;
		} else {
			code = generateCodeFor(store, device, input.number('preferred_code_length'));
		}
		checkRoomFor(store, device);
		const countWrite = guardDeviceWrites(store, settings, [device.device_id], now);

		const created = createAccessCode(
			store,
			{
				device_id: device.device_id,
				name: input.string('name') ?? null,
				code,
				common_code_key: input.string('common_code_key') ?? null,
				...times,
				is_offline_access_code: offline,
				is_one_time_use: input.boolean('is_one_time_use') ?? false,
				is_external_modification_allowed: externalModificationAllowed(input),
			},
			now,
			settings.accessCodeSetDelayMs,
		);
		countWrite();
		return {
			access_code: presentAccessCode(store, created, now),
			action_attempt: presentActionAttempt(attemptOf(store, created)),
		};
	},

	'/access_codes/create_multiple': (context) => createMultiple(context),

	'/access_codes/get': ({ store, input, now }) => ({
		access_code: presentAccessCode(store, findAccessCode(store, input), now),
	}),

	'/access_codes/list': ({ store, input, params, requestUrl, now }) => {
		const deviceId = input.string('device_id');
		const ids = input.stringArray('access_code_ids');
		const search = input.string('search');
		if (deviceId != null) requireDevice(store, deviceId);
		// Access grants here create access methods, not access codes; customers and
		// user identifier keys are not modelled: codes filtered by them are none.
		const unmodelled = [
			'access_grant_id',
			'access_grant_key',
			'access_method_id',
			'customer_key',
			'user_identifier_key',
		].some((name) => params[name] != null);
		// Seam lists the codes of something: at least one of these (the SDK checks it too).
		const narrowedBy = [...LIST_SCOPES].some((name) => params[name] != null);
		if (!narrowedBy) {
			throw invalidInput({ device_id: `Provide at least one of ${LIST_SCOPES.join(', ')}` });
		}
		const codes = [...store.accessCodes.values()].filter(
			(code) =>
				!unmodelled &&
				(deviceId == null || code.device_id === deviceId) &&
				(ids == null || ids.includes(code.access_code_id)) &&
				matchesSearch(search, code.name, code.code, code.access_code_id),
		);
		const page = paginate(codes, params, requestUrl, DEFAULT_LIST_LIMIT);
		return {
			access_codes: page.items.map((code) => presentAccessCode(store, code, now)),
			pagination: page.pagination,
		};
	},

	'/access_codes/update': ({ store, input, now, settings }) => {
		const code = requireAccessCode(store, input.requiredString('access_code_id'));
		const device = requireDevice(store, code.device_id);
		if (code.is_offline_access_code) {
			throw invalidInput({
				access_code_id: 'Offline access codes cannot be changed through the API',
			});
		}
		if (accessCodeStatus(code, now) === 'removing') {
			throw invalidInput({ access_code_id: 'The access code is being deleted' });
		}
		if (input.boolean('is_offline_access_code') === true) {
			throw invalidInput({
				is_offline_access_code: 'An online access code cannot become an offline one',
			});
		}
		const type = input.string('type');
		let times = { starts_at: code.starts_at, ends_at: code.ends_at };
		if (type === 'ongoing') {
			if (input.has('starts_at') || input.has('ends_at')) {
				throw invalidInput({ type: 'An ongoing code has no starts_at or ends_at' });
			}
			times = { starts_at: null, ends_at: null };
		} else {
			times = readCodeTimes(input, now, times);
			if (type === 'time_bound' && times.ends_at == null) {
				throw invalidInput({ ends_at: 'A time-bound code needs starts_at and ends_at' });
			}
		}
		const newCode = input.string('code');
		if (newCode != null && newCode !== code.code) {
			checkCodeFits(device, newCode);
			checkNotOnLock(store, device, newCode, code.access_code_id);
		}
		const countWrite = guardDeviceWrites(store, settings, [device.device_id], now);
		const attemptId = updateAccessCode(
			store,
			code,
			{
				name: input.has('name') ? (input.string('name') ?? null) : code.name,
				code: newCode ?? code.code,
				...times,
			},
			now,
			settings.accessCodeSetDelayMs,
		);
		countWrite();
		return { action_attempt: presentActionAttempt(requireAttempt(store, attemptId)) };
	},

	'/access_codes/delete': ({ store, input, now, settings }) => {
		const code = requireAccessCode(store, input.requiredString('access_code_id'));
		const deviceId = input.string('device_id');
		if (deviceId != null && deviceId !== code.device_id) {
			throw notFound('access_code', code.access_code_id, 'access code');
		}
		if (code.is_offline_access_code) {
			throw invalidInput({
				access_code_id:
					'Offline access codes cannot be deleted through the API; remove them at the lock',
			});
		}
		// Deleting twice: the first deletion is still under way.
		if (code.removal_due_at_ms != null) {
			return { action_attempt: presentActionAttempt(attemptOf(store, code)) };
		}
		const countWrite = guardDeviceWrites(store, settings, [code.device_id], now);
		const attemptId = requestAccessCodeRemoval(store, code, now, settings.accessCodeSetDelayMs);
		countWrite();
		return { action_attempt: presentActionAttempt(requireAttempt(store, attemptId)) };
	},

	'/access_codes/generate_code': ({ store, input, now }) => {
		const device = requireDevice(store, input.requiredString('device_id'));
		requireCodeCapable(device, false);
		// Seam answers with an access_code object that is not saved anywhere.
		return {
			generated_code: {
				access_code_id: randomUUID(),
				device_id: device.device_id,
				workspace_id: store.workspace.workspace_id,
				name: null,
				code: generateCodeFor(store, device),
				common_code_key: null,
				type: 'ongoing',
				created_at: now.toISOString(),
				status: 'unset',
				is_managed: true,
				is_backup_access_code_available: false,
				is_external_modification_allowed: false,
				is_one_time_use: false,
				is_offline_access_code: false,
				pending_mutations: [],
				errors: [],
				warnings: [],
			},
		};
	},
};

/**
 * One PIN on several locks (Seam's "Creating and Updating Multiple Linked
 * Access Codes"). Without a custom code the codes share a generated PIN and a
 * common_code_key; a custom code is used as is and not linked (common_code_key
 * null). A lock that cannot take the shared PIN (length, or already in use
 * there) refuses the whole request with `throw` (the default), or gets a random
 * code of its own with `create_random_code`.
 */
function createMultiple({ store, input, now, settings }: RouteContext): Record<string, unknown> {
	const deviceIds = input.stringArray('device_ids') ?? [];
	if (deviceIds.length === 0) throw invalidInput({ device_ids: 'Give at least one device_id' });
	const devices = [...new Set(deviceIds)].map((id) => requireDevice(store, id));
	for (const device of devices) requireCodeCapable(device, false);
	const times = readCodeTimes(input, now);
	const behavior = input.string('behavior_when_code_cannot_be_shared') ?? 'throw';
	const preferred = input.number('preferred_code_length');
	const custom = input.string('code');
	const shared = custom ?? sharedCode(store, devices, preferred);

	const plan = devices.map((device) => {
		const problem = !supportedLengths(device).includes(shared.length)
			? `takes codes of ${supportedLengths(device).join(', ')} digits`
			: codesOnLock(store, device.device_id).has(shared)
				? `already has the code ${shared}`
				: null;
		if (problem != null && behavior === 'throw') {
			throw invalidInput({
				code: `The code cannot be shared: ${device.name} ${problem}. Pass behavior_when_code_cannot_be_shared: 'create_random_code' to give it a code of its own`,
			});
		}
		return { device, code: problem == null ? shared : null };
	});
	for (const device of devices) checkRoomFor(store, device);
	const countWrites = guardDeviceWrites(
		store,
		settings,
		devices.map((d) => d.device_id),
		now,
	);

	const common_code_key = custom == null ? `auto_set_by_create_multiple_${randomUUID()}` : null;
	const created = plan.map(({ device, code }) =>
		createAccessCode(
			store,
			{
				device_id: device.device_id,
				name: input.string('name') ?? null,
				// Generated one lock at a time, so it avoids the codes created before it.
				code: code ?? generateCodeFor(store, device, shared.length),
				common_code_key,
				...times,
				is_offline_access_code: false,
				is_one_time_use: false,
				is_external_modification_allowed: externalModificationAllowed(input),
			} satisfies NewAccessCode,
			now,
			settings.accessCodeSetDelayMs,
		),
	);
	countWrites();
	return { access_codes: created.map((code) => presentAccessCode(store, code, now)) };
}

/** A PIN every lock takes if one length suits them all (the preferred one if possible), unused on all. */
function sharedCode(store: Store, devices: DeviceRecord[], preferred?: number): string {
	const common = supportedLengths(devices[0]).filter((length) =>
		devices.every((device) => supportedLengths(device).includes(length)),
	);
	const candidates = common.length > 0 ? common : supportedLengths(devices[0]);
	const target = preferred ?? 4;
	const length = [...candidates].sort(
		(a, b) => Math.abs(a - target) - Math.abs(b - target) || a - b,
	)[0];
	const taken = new Set<string>();
	for (const device of devices)
		for (const code of codesOnLock(store, device.device_id)) taken.add(code);
	return randomPin(length, taken);
}

function readOffline(input: Input): boolean {
	return (
		input.boolean('is_offline_access_code') === true ||
		input.boolean('use_offline_access_code') === true
	);
}

function externalModificationAllowed(input: Input): boolean {
	return (
		input.boolean('is_external_modification_allowed') ??
		input.boolean('allow_external_modification') ??
		false
	);
}

export function requireAccessCode(store: Store, id: string): AccessCodeRecord {
	const found = store.accessCodes.get(id);
	if (found == null) throw notFound('access_code', id, 'access code');
	return found;
}

/** By access_code_id, or by device_id + code (Seam's /access_codes/get). */
function findAccessCode(store: Store, input: Input): AccessCodeRecord {
	const id = input.string('access_code_id');
	if (id != null) return requireAccessCode(store, id);
	const deviceId = input.string('device_id');
	const code = input.string('code');
	if (deviceId == null || code == null) {
		throw invalidInput({ access_code_id: 'Provide access_code_id, or device_id and code' });
	}
	requireDevice(store, deviceId);
	const found = [...store.accessCodes.values()].find(
		(candidate) => candidate.device_id === deviceId && candidate.code === code,
	);
	if (found == null) {
		throw new SeamApiError(
			404,
			'access_code_not_found',
			`Could not find an access code ${code} on device ${deviceId}`,
		);
	}
	return found;
}

function attemptOf(store: Store, code: AccessCodeRecord) {
	return requireAttempt(store, code.action_attempt_id ?? '');
}

function requireAttempt(store: Store, id: string) {
	const attempt = store.actionAttempts.get(id);
	if (attempt == null) throw notFound('action_attempt', id, 'action attempt');
	return attempt;
}
