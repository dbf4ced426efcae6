import { randomUUID } from 'node:crypto';

import type { AccessMethodDraft, AccessMethodPlan } from './access-method-plan';
import { systemPins } from './credentials';
import { deviceModelOf } from './device-models';
import { recordEvent, type EventSubject, type SandboxEventType } from './events';
import { randomPin } from './pins';
import { providerOf } from './providers';
import type {
	AccessGrantRecord,
	AccessMethodRecord,
	RequestedAccessMethodRecord,
	Store,
} from './store';

// Access grant and access method state changes shared by several routes.
//
// Like ACS credentials (credentials.ts), access methods are programmed onto the
// locks some time after they are created: issue_due_at_ms records when, and
// settleAccessGrants() runs before each request, so a method is issued (and a
// times change finishes) exactly when due from any client's point of view,
// with no timers to leak on close()/reset().

export interface NewAccessGrant {
	user_identity_id: string;
	access_grant_key: string | null;
	reservation_key: string | null;
	name: string | null;
	device_ids: string[];
	acs_entrance_ids: string[];
	space_ids: string[];
	requested_access_methods: RequestedAccessMethodRecord[];
	starts_at: string;
	ends_at: string | null;
}

export function createAccessGrant(
	store: Store,
	fields: NewAccessGrant,
	plan: AccessMethodPlan,
	now: Date,
	issueDelayMs: number,
): AccessGrantRecord {
	const grant: AccessGrantRecord = {
		seq: store.nextSeq(),
		access_grant_id: randomUUID(),
		...fields,
		problems: plan.problems,
		times_change: null,
		created_at: now.toISOString(),
	};
	store.accessGrants.set(grant.access_grant_id, grant);
	recordGrantEvent(store, 'access_grant.created', grant, now);

	// One at a time, so each new method's PIN avoids the ones chosen before it.
	const methods = plan.drafts.map((draft) =>
		addAccessMethod(store, grant, draft, now, issueDelayMs),
	);
	for (const method of methods) recordMethodEvent(store, 'access_method.created', method, now);
	if (plan.problems.cannot_create != null) {
		recordGrantEvent(store, 'access_grant.could_not_create_requested_access_methods', grant, now, {
			error_message: plan.problems.cannot_create.message,
			missing_device_ids: plan.problems.cannot_create.missing_device_ids,
		});
	}
	if (issueDelayMs <= 0) for (const method of methods) issueAccessMethod(store, method, now);
	return grant;
}

function addAccessMethod(
	store: Store,
	grant: AccessGrantRecord,
	draft: AccessMethodDraft,
	now: Date,
	issueDelayMs: number,
): AccessMethodRecord {
	const requestedCode = grant.requested_access_methods[draft.requested_index].code;
	const code = draft.mode === 'code' ? chooseCode(store, draft, requestedCode) : null;
	const method: AccessMethodRecord = {
		seq: store.nextSeq(),
		access_method_id: randomUUID(),
		access_grant_id: grant.access_grant_id,
		requested_index: draft.requested_index,
		mode: draft.mode,
		device_ids: draft.device_ids,
		acs_entrance_ids: draft.acs_entrance_ids,
		acs_system_id: draft.acs_system_id,
		pending_code: code?.pin ?? null,
		requested_code_taken_on: code?.takenOn ?? [],
		requested_code_wrong_length_on:
			requestedCode != null && draft.replacement_code_length != null ? [...draft.device_ids] : [],
		issue_due_at_ms: now.getTime() + issueDelayMs,
		issued_at: null,
		created_at: now.toISOString(),
	};
	store.accessMethods.set(method.access_method_id, method);
	return method;
}

/**
 * Smart locks: the requested code if no other access method uses it on any of
 * the same locks, else a fresh code of the same length (reported as
 * requested_code_unavailable once issued); locks that cannot take the requested
 * code's length get a fresh code of the draft's replacement_code_length.
 * Access systems: a PIN of the provider's length that is unique on the system
 * (a custom code was refused while planning).
 */
function chooseCode(
	store: Store,
	draft: AccessMethodDraft,
	requested: string | null,
): { pin: string; takenOn: string[] } {
	if (draft.acs_system_id != null) {
		const system = store.acsSystems.get(draft.acs_system_id);
		const length = providerOf(system?.provider ?? 'salto_ks').pinLength;
		return { pin: randomPin(length, systemPins(store, draft.acs_system_id)), takenOn: [] };
	}
	const sharing = [...store.accessMethods.values()].filter(
		(other) =>
			other.pending_code != null && other.device_ids.some((id) => draft.device_ids.includes(id)),
	);
	const taken = new Set(sharing.map((other) => other.pending_code as string));
	if (draft.replacement_code_length != null) {
		return { pin: randomPin(draft.replacement_code_length, taken), takenOn: [] };
	}
	if (requested != null && !taken.has(requested)) return { pin: requested, takenOn: [] };
	const takenOn =
		requested == null
			? []
			: draft.device_ids.filter((id) =>
					sharing.some(
						(other) => other.pending_code === requested && other.device_ids.includes(id),
					),
				);
	const length =
		requested?.length ??
		Math.max(
			...draft.device_ids.map((id) => {
				const device = store.devices.get(id);
				return device == null ? 4 : deviceModelOf(device.kind).generatedCodeLength;
			}),
		);
	return { pin: randomPin(length, taken), takenOn };
}

export function settleAccessGrants(store: Store, now: Date): void {
	const due = [...store.accessMethods.values()]
		.filter((method) => method.issued_at == null && method.issue_due_at_ms <= now.getTime())
		.sort((a, b) => a.issue_due_at_ms - b.issue_due_at_ms || a.seq - b.seq);
	for (const method of due) issueAccessMethod(store, method, new Date(method.issue_due_at_ms));

	for (const grant of store.accessGrants.values()) {
		if (grant.times_change != null && grant.times_change.due_at_ms <= now.getTime())
			grant.times_change = null;
	}
}

export function issueAccessMethod(store: Store, method: AccessMethodRecord, at: Date): void {
	method.issued_at = at.toISOString();
	recordMethodEvent(
		store,
		'access_method.issued',
		method,
		at,
		method.pending_code == null ? {} : { code: method.pending_code },
	);
	const grant = store.accessGrants.get(method.access_grant_id);
	if (grant == null) return;
	const methods = accessMethodsOf(store, grant);
	const nothingLeftOut =
		grant.problems.cannot_create == null && grant.problems.devices_without_codes.length === 0;
	if (nothingLeftOut && methods.every((other) => other.issued_at != null)) {
		recordGrantEvent(store, 'access_grant.access_granted_to_all_doors', grant, at);
	}
}

/**
 * New start/end times. Methods already programmed onto the locks have to be
 * reprogrammed, which takes as long as issuing them: until then the grant and
 * those methods report an updating_access_times mutation and warning.
 */
export function changeAccessTimes(
	store: Store,
	grant: AccessGrantRecord,
	to: { starts_at: string; ends_at: string | null },
	now: Date,
	delayMs: number,
): void {
	if (to.starts_at === grant.starts_at && to.ends_at === grant.ends_at) return;
	const from = grant.times_change?.from ?? { starts_at: grant.starts_at, ends_at: grant.ends_at };
	grant.starts_at = to.starts_at;
	grant.ends_at = to.ends_at;
	const reprogrammed = accessMethodsOf(store, grant)
		.filter((method) => method.issued_at != null)
		.map((method) => method.access_method_id);
	grant.times_change =
		reprogrammed.length === 0 || delayMs <= 0
			? null
			: {
					from,
					to: { ...to },
					access_method_ids: reprogrammed,
					created_at: now.toISOString(),
					due_at_ms: now.getTime() + delayMs,
				};
	recordGrantEvent(store, 'access_grant.access_times_changed', grant, now, {
		starts_at: to.starts_at,
		...(to.ends_at == null ? {} : { ends_at: to.ends_at }),
	});
}

/** A programmed method is revoked from its locks first; every method is then deleted. */
export function deleteAccessMethod(store: Store, method: AccessMethodRecord, at: Date): void {
	store.accessMethods.delete(method.access_method_id);
	if (method.issued_at != null) recordMethodEvent(store, 'access_method.revoked', method, at);
	recordMethodEvent(store, 'access_method.deleted', method, at);
}

export function deleteAccessGrant(store: Store, grant: AccessGrantRecord, at: Date): void {
	for (const method of accessMethodsOf(store, grant)) deleteAccessMethod(store, method, at);
	store.accessGrants.delete(grant.access_grant_id);
	recordGrantEvent(store, 'access_grant.deleted', grant, at);
}

export function accessMethodsOf(store: Store, grant: AccessGrantRecord): AccessMethodRecord[] {
	return [...store.accessMethods.values()].filter(
		(method) => method.access_grant_id === grant.access_grant_id,
	);
}

function recordGrantEvent(
	store: Store,
	type: SandboxEventType,
	grant: AccessGrantRecord,
	at: Date,
	extra: EventSubject = {},
): void {
	const key =
		type === 'access_grant.access_times_changed' && grant.access_grant_key != null
			? { access_grant_key: grant.access_grant_key }
			: {};
	recordEvent(
		store,
		type,
		{ access_grant_id: grant.access_grant_id, ...key, ...extra },
		at,
		grant.user_identity_id,
	);
}

function recordMethodEvent(
	store: Store,
	type: SandboxEventType,
	method: AccessMethodRecord,
	at: Date,
	extra: EventSubject = {},
): void {
	// The grant may already be gone (deleted together with its methods); the
	// method keeps the grant id, and the key is looked up while it still exists.
	const grant = store.accessGrants.get(method.access_grant_id);
	recordEvent(
		store,
		type,
		{
			access_method_id: method.access_method_id,
			access_grant_ids: [method.access_grant_id],
			...(grant?.access_grant_key == null ? {} : { access_grant_keys: [grant.access_grant_key] }),
			...extra,
		},
		at,
		grant?.user_identity_id ?? null,
	);
}
