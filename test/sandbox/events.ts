import { randomUUID } from 'node:crypto';

import type { SeamEvent, Store } from './store';

// Event types used here are members of the `event` schema's event_type enum;
// the fields each one carries are the ones that schema documents for it.
export type SandboxEventType =
	| 'acs_user.created'
	| 'acs_user.deleted'
	| 'acs_credential.issued'
	| 'acs_credential.deleted'
	| 'access_grant.created'
	| 'access_grant.deleted'
	| 'access_grant.access_times_changed'
	| 'access_grant.access_granted_to_all_doors'
	| 'access_grant.could_not_create_requested_access_methods'
	| 'access_method.created'
	| 'access_method.issued'
	| 'access_method.revoked'
	| 'access_method.deleted'
	| 'access_code.created'
	| 'access_code.changed'
	| 'access_code.set_on_device'
	| 'access_code.removed_from_device'
	| 'access_code.deleted'
	| 'access_code.failed_to_set_on_device'
	| 'access_code.delay_in_setting_on_device'
	| 'access_code.unmanaged.created'
	| 'access_code.unmanaged.converted_to_managed'
	| 'lock.locked'
	| 'lock.unlocked'
	| 'action_attempt.lock_door.succeeded'
	| 'action_attempt.lock_door.failed'
	| 'action_attempt.unlock_door.succeeded'
	| 'action_attempt.unlock_door.failed'
	| 'device.connected'
	| 'device.disconnected';

export interface EventSubject {
	/** ACS events: connected_account_id is filled in from the system. */
	acs_system_id?: string;
	acs_user_id?: string;
	acs_credential_id?: string;
	access_grant_id?: string;
	access_grant_key?: string;
	access_method_id?: string;
	/** access_method.* events name every grant the method belongs to. */
	access_grant_ids?: string[];
	access_grant_keys?: string[];
	code?: string;
	starts_at?: string;
	ends_at?: string;
	error_message?: string;
	missing_device_ids?: string[];
	/** Device events: connected_account_id is filled in from the device. */
	device_id?: string;
	access_code_id?: string;
	action_attempt_id?: string;
	action_type?: string;
	status?: string;
	/** lock.locked / lock.unlocked: how (always 'remote' here: an action attempt). */
	method?: 'remote';
	/** device.disconnected */
	error_code?: 'device_disconnected';
	connected_account_errors?: unknown[];
	connected_account_warnings?: unknown[];
	device_errors?: unknown[];
	device_warnings?: unknown[];
	/** access_code.failed_to_set_on_device / delay_in_setting_on_device */
	access_code_errors?: unknown[];
	access_code_warnings?: unknown[];
}

/**
 * Appends an event. `userIdentityId` is the identity of the acs user or access
 * grant involved, if any: not part of the event object, only used for filtering.
 */
export function recordEvent(
	store: Store,
	event_type: SandboxEventType,
	subject: EventSubject,
	at: Date,
	userIdentityId: string | null = null,
): SeamEvent {
	const system =
		subject.acs_system_id == null ? undefined : store.acsSystems.get(subject.acs_system_id);
	const device = subject.device_id == null ? undefined : store.devices.get(subject.device_id);
	const timestamp = at.toISOString();
	const event: SeamEvent = {
		event_id: randomUUID(),
		event_type,
		workspace_id: store.workspace.workspace_id,
		created_at: timestamp,
		occurred_at: timestamp,
		...(system != null ? { connected_account_id: system.connected_account_id } : {}),
		...(device != null ? { connected_account_id: device.connected_account_id } : {}),
		...subject,
	};
	return appendEvent(store, event, userIdentityId);
}

/**
 * The single place events enter the store: everything that records an event
 * (the routes through recordEvent, the test helpers in event-factory.ts) comes
 * through here, so webhooks are told about every one of them.
 */
export function appendEvent(
	store: Store,
	event: SeamEvent,
	userIdentityId: string | null = null,
): SeamEvent {
	store.events.push({ seq: store.nextSeq(), event, user_identity_id: userIdentityId });
	store.onEventRecorded?.(event);
	return event;
}
