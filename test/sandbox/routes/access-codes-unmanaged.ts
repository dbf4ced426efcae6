import { randomUUID } from 'node:crypto';

import { checkRoomFor } from '../access-code-rules';
import { createAccessCode, recordCodeEvent } from '../access-codes';
import { invalidInput, notFound, SeamApiError } from '../errors';
import { matchesSearch } from '../filters';
import type { Input } from '../input';
import { requireDevice } from '../lookups';
import { paginate } from '../pagination';
import type { Store, UnmanagedAccessCodeRecord } from '../store';
import type { RouteTable } from './types';

// Codes on a lock that Seam did not create (Seam's "Migrating Existing Access
// Codes"): listed and read, converted to managed codes, and, for tests, made
// up with /access_codes/simulate/create_unmanaged_access_code.

// The limit Seam documents as the default of /access_codes/unmanaged/list.
const DEFAULT_LIST_LIMIT = 300_000;

export const unmanagedAccessCodeRoutes: RouteTable = {
	'/access_codes/unmanaged/list': ({ store, input, params, requestUrl }) => {
		const deviceId = input.requiredString('device_id');
		requireDevice(store, deviceId);
		const search = input.string('search');
		// User identifier keys are not modelled: nothing matches them.
		const unmodelled = params.user_identifier_key != null;
		const codes = [...store.unmanagedAccessCodes.values()].filter(
			(code) =>
				!unmodelled &&
				code.device_id === deviceId &&
				matchesSearch(search, code.name, code.code, code.access_code_id),
		);
		const page = paginate(codes, params, requestUrl, DEFAULT_LIST_LIMIT);
		return {
			access_codes: page.items.map((code) => presentUnmanagedAccessCode(store, code)),
			pagination: page.pagination,
		};
	},

	'/access_codes/unmanaged/get': ({ store, input }) => ({
		access_code: presentUnmanagedAccessCode(store, findUnmanaged(store, input)),
	}),

	/**
	 * The code stays on the lock, keeps its id and PIN, and is `set` at once:
	 * from now on Seam manages it (access_code.unmanaged.converted_to_managed).
	 */
	'/access_codes/unmanaged/convert_to_managed': ({ store, input, now }) => {
		const code = requireUnmanaged(store, input.requiredString('access_code_id'));
		store.unmanagedAccessCodes.delete(code.access_code_id);
		createAccessCode(
			store,
			{
				device_id: code.device_id,
				name: code.name,
				code: code.code,
				common_code_key: null,
				starts_at: code.starts_at,
				ends_at: code.ends_at,
				is_offline_access_code: false,
				is_one_time_use: false,
				is_external_modification_allowed:
					input.boolean('is_external_modification_allowed') ??
					input.boolean('allow_external_modification') ??
					false,
			},
			now,
			0,
			code.access_code_id,
			{ silent: true },
		);
		recordCodeEvent(store, 'access_code.unmanaged.converted_to_managed', code, now);
		return {};
	},

	'/access_codes/simulate/create_unmanaged_access_code': ({ store, input, now }) => {
		const device = requireDevice(store, input.requiredString('device_id'));
		checkRoomFor(store, device);
		const code: UnmanagedAccessCodeRecord = {
			seq: store.nextSeq(),
			access_code_id: randomUUID(),
			device_id: device.device_id,
			name: input.requiredString('name'),
			code: input.requiredString('code'),
			starts_at: null,
			ends_at: null,
			created_at: now.toISOString(),
		};
		store.unmanagedAccessCodes.set(code.access_code_id, code);
		recordCodeEvent(store, 'access_code.unmanaged.created', code, now);
		return { access_code: presentUnmanagedAccessCode(store, code) };
	},
};

function requireUnmanaged(store: Store, id: string): UnmanagedAccessCodeRecord {
	const found = store.unmanagedAccessCodes.get(id);
	if (found == null) throw notFound('access_code', id, 'unmanaged access code');
	return found;
}

function findUnmanaged(store: Store, input: Input): UnmanagedAccessCodeRecord {
	const id = input.string('access_code_id');
	if (id != null) return requireUnmanaged(store, id);
	const deviceId = input.string('device_id');
	const pin = input.string('code');
	if (deviceId == null || pin == null) {
		throw invalidInput({ access_code_id: 'Provide access_code_id, or device_id and code' });
	}
	requireDevice(store, deviceId);
	const found = [...store.unmanagedAccessCodes.values()].find(
		(code) => code.device_id === deviceId && code.code === pin,
	);
	if (found == null) {
		throw new SeamApiError(
			404,
			'access_code_not_found',
			`Could not find an unmanaged access code ${pin} on device ${deviceId}`,
		);
	}
	return found;
}

/** Seam's `unmanaged_access_code` object. */
function presentUnmanagedAccessCode(
	store: Store,
	code: UnmanagedAccessCodeRecord,
): Record<string, unknown> {
	const timeBound = code.starts_at != null || code.ends_at != null;
	return {
		access_code_id: code.access_code_id,
		device_id: code.device_id,
		workspace_id: store.workspace.workspace_id,
		name: code.name,
		code: code.code,
		type: timeBound ? 'time_bound' : 'ongoing',
		...(timeBound ? { starts_at: code.starts_at, ends_at: code.ends_at } : {}),
		created_at: code.created_at,
		status: 'set',
		is_managed: false,
		errors: [],
		warnings: [],
	};
}
