import { accessMethodsOf } from './access-grant-lifecycle';
import { codeLengthsOf } from './access-method-plan';
import { presentUserIdentity } from './presenters';
import type { AccessGrantRecord, AccessMethodMode, AccessMethodRecord, Store } from './store';

// Render access grants and access methods as Seam's `access_grant` and
// `access_method` objects. Warnings, errors and pending mutations are derived
// from the records on every read, so they appear and clear with the state
// they describe (e.g. updating_access_times only while a times change is due).

type SeamObject = Record<string, unknown>;

const methodLabels: Record<AccessMethodMode, string> = {
	code: 'PIN Code',
	card: 'Card',
	mobile_key: 'Mobile Key',
};

export function presentAccessGrant(store: Store, grant: AccessGrantRecord): SeamObject {
	const methods = accessMethodsOf(store, grant);
	const out: SeamObject = {
		workspace_id: store.workspace.workspace_id,
		access_grant_id: grant.access_grant_id,
		user_identity_id: grant.user_identity_id,
		// location_ids is the deprecated name of space_ids.
		location_ids: [...grant.space_ids],
		space_ids: [...grant.space_ids],
		requested_access_methods: grant.requested_access_methods.map((requested, index) => ({
			display_name: `${methodLabels[requested.mode]} Credential`,
			mode: requested.mode,
			...(requested.code == null ? {} : { code: requested.code }),
			created_at: requested.created_at,
			created_access_method_ids: methods
				.filter((method) => method.requested_index === index)
				.map((method) => method.access_method_id),
		})),
		access_method_ids: methods.map((method) => method.access_method_id),
		name: grant.name,
		display_name: grant.name ?? defaultGrantName(store, grant),
		created_at: grant.created_at,
		starts_at: grant.starts_at,
		ends_at: grant.ends_at,
		warnings: grantWarnings(store, grant, methods),
		errors: grantErrors(grant),
		pending_mutations: grantPendingMutations(grant),
	};
	if (grant.access_grant_key != null) out.access_grant_key = grant.access_grant_key;
	if (grant.reservation_key != null) out.reservation_key = grant.reservation_key;
	return out;
}

function defaultGrantName(store: Store, grant: AccessGrantRecord): string {
	const identity = store.userIdentities.get(grant.user_identity_id);
	const who =
		identity == null ? null : (presentUserIdentity(store, identity).display_name as string);
	return who == null ? 'Access Grant' : `Access Grant for ${who}`;
}

function grantWarnings(
	store: Store,
	grant: AccessGrantRecord,
	methods: AccessMethodRecord[],
): SeamObject[] {
	const warnings: SeamObject[] = [];
	for (const deviceId of grant.problems.devices_without_codes) {
		warnings.push({
			warning_code: 'device_does_not_support_access_codes',
			device_id: deviceId,
			message: `${deviceName(store, deviceId)} cannot be programmed with PIN codes, so it was left out of the code access method.`,
			created_at: grant.created_at,
		});
	}
	// Reported once the replacement code is programmed, so the warning never
	// reveals a code that the access method itself does not show yet.
	for (const method of methods) {
		if (method.issued_at == null || method.pending_code == null) continue;
		const original = grant.requested_access_methods[method.requested_index].code;
		if (original == null) continue;
		for (const deviceId of method.requested_code_taken_on) {
			warnings.push({
				warning_code: 'requested_code_unavailable',
				device_id: deviceId,
				original_code: original,
				new_code: method.pending_code,
				message: `The requested code ${original} is already in use on ${deviceName(store, deviceId)}, so code ${method.pending_code} was assigned instead.`,
				created_at: method.issued_at,
			});
		}
		// Seam documents that it assigns a compatible code; the warning that says so is chosen here.
		for (const deviceId of method.requested_code_wrong_length_on) {
			warnings.push({
				warning_code: 'requested_code_unavailable',
				device_id: deviceId,
				original_code: original,
				new_code: method.pending_code,
				message: `${deviceName(store, deviceId)} takes only codes of ${describeLengths(store, deviceId)} digits, so code ${method.pending_code} was assigned instead of the requested ${original}.`,
				created_at: method.issued_at,
			});
		}
	}
	if (grant.times_change != null) {
		warnings.push({
			warning_code: 'updating_access_times',
			access_method_ids: [...grant.times_change.access_method_ids],
			message: 'The new access times are being programmed onto the locks.',
			created_at: grant.times_change.created_at,
		});
	}
	return warnings;
}

function grantErrors(grant: AccessGrantRecord): SeamObject[] {
	const failure = grant.problems.cannot_create;
	if (failure == null) return [];
	return [
		{
			error_code: 'cannot_create_requested_access_methods',
			message: failure.message,
			...(failure.missing_device_ids.length === 0
				? {}
				: { missing_device_ids: [...failure.missing_device_ids] }),
			created_at: grant.created_at,
		},
	];
}

function grantPendingMutations(grant: AccessGrantRecord): SeamObject[] {
	const change = grant.times_change;
	if (change == null) return [];
	return [
		{
			mutation_code: 'updating_access_times',
			access_method_ids: [...change.access_method_ids],
			from: { ...change.from },
			to: { ...change.to },
			message: 'Updating the access times of the access methods.',
			created_at: change.created_at,
		},
	];
}

export function presentAccessMethod(store: Store, method: AccessMethodRecord): SeamObject {
	const grant = store.accessGrants.get(method.access_grant_id);
	const issued = method.issued_at != null;
	const change = grant?.times_change;
	const updatingTimes =
		change != null && change.access_method_ids.includes(method.access_method_id);
	const pendingMutations: SeamObject[] = [];
	const warnings: SeamObject[] = [];
	if (!issued && method.device_ids.length > 0) {
		pendingMutations.push({
			mutation_code: 'provisioning_access',
			from: { device_ids: [] },
			to: { device_ids: [...method.device_ids] },
			message: 'Programming the access method onto the locks.',
			created_at: method.created_at,
		});
	}
	if (updatingTimes && change != null) {
		pendingMutations.push({
			mutation_code: 'updating_access_times',
			from: { ...change.from },
			to: { ...change.to },
			message: 'Updating the access times on the locks.',
			created_at: change.created_at,
		});
		warnings.push({
			warning_code: 'updating_access_times',
			message: 'The new access times are being programmed onto the locks.',
			created_at: change.created_at,
		});
	}
	const out: SeamObject = {
		workspace_id: store.workspace.workspace_id,
		access_method_id: method.access_method_id,
		display_name: methodLabels[method.mode],
		mode: method.mode,
		created_at: method.created_at,
		issued_at: method.issued_at,
		is_issued: issued,
		warnings,
		errors: [],
		pending_mutations: pendingMutations,
	};
	if (method.mode === 'code') out.code = issued ? method.pending_code : null;
	return out;
}

function describeLengths(store: Store, deviceId: string): string {
	const lengths = codeLengthsOf(store, deviceId).map(String);
	return lengths.length <= 1
		? lengths.join('')
		: `${lengths.slice(0, -1).join(', ')} or ${lengths[lengths.length - 1]}`;
}

const deviceName = (store: Store, deviceId: string): string =>
	store.devices.get(deviceId)?.name ?? `device ${deviceId}`;
