import type { AccessCodeFailure, AccessCodeFailureCode } from './access-code-failures';
import type { DeviceKind } from './device-models';
import type { ProviderKind } from './providers';

// The sandbox's whole state: plain records, no behaviour. Seam objects are
// rendered from these on every read (presenters.ts), so derived fields such as
// counts, Salto KS subscription status or a user's entrances never go stale.
//
// `seq` orders every record by creation; list endpoints return records in that
// order and page cursors point at a seq, so deleting records between two page
// requests neither repeats nor skips anything.

export interface AccessSchedule {
	starts_at: string;
	ends_at: string | null;
}

export interface WorkspaceRecord {
	workspace_id: string;
	name: string;
	company_name: string;
}

export interface AcsSystemRecord {
	seq: number;
	acs_system_id: string;
	provider: ProviderKind;
	name: string;
	connected_account_id: string;
	time_zone: string;
	created_at: string;
}

export interface AccessGroupRecord {
	seq: number;
	acs_access_group_id: string;
	acs_system_id: string;
	name: string;
	entrance_ids: string[];
	created_at: string;
}

export interface EntranceRecord {
	seq: number;
	acs_entrance_id: string;
	acs_system_id: string;
	name: string;
	can_unlock_with_code: boolean;
	created_at: string;
}

export interface AcsUserRecord {
	seq: number;
	acs_user_id: string;
	acs_system_id: string;
	full_name: string;
	email_address: string | null;
	phone_number: string | null;
	user_identity_id: string | null;
	access_schedule: AccessSchedule | null;
	is_suspended: boolean;
	access_group_ids: string[];
	created_at: string;
}

export interface CredentialRecord {
	seq: number;
	acs_credential_id: string;
	acs_system_id: string;
	acs_user_id: string;
	access_method: 'code';
	/** The PIN the provider will report; hidden from responses until issued_at is set. */
	pending_code: string;
	/** When the provider reports the PIN (epoch ms); see credentials.ts issueDueCredentials. */
	issue_due_at_ms: number;
	issued_at: string | null;
	starts_at: string | null;
	ends_at: string | null;
	/** Only for providers that take entrances on the credential (Latch). */
	allowed_entrance_ids: string[];
	created_at: string;
}

export interface UserIdentityRecord {
	seq: number;
	user_identity_id: string;
	user_identity_key: string | null;
	email_address: string | null;
	phone_number: string | null;
	full_name: string | null;
	created_at: string;
}

/** A standalone smart lock, reached through its own connected account (August, Yale, Schlage, igloohome). */
export interface DeviceRecord {
	seq: number;
	device_id: string;
	kind: DeviceKind;
	name: string;
	connected_account_id: string;
	/** False for a lock without a keypad: Seam cannot put PIN codes on it. */
	can_program_online_access_codes: boolean;
	/** True for a lock whose maker generates PINs offline (igloohome algoPIN). */
	can_program_offline_access_codes: boolean;
	time_zone: string;
	created_at: string;
	/** Lock state: what properties.locked reports; changed by lock/unlock action attempts. */
	locked: boolean;
	/** properties.online; sandbox.setDeviceOnline() switches it. */
	online: boolean;
	/** When the device went offline (its device_disconnected error's created_at), else null. */
	offline_since: string | null;
	/** properties.battery_level, 0..1. */
	battery_level: number;
}

export type AccessCodeStatus = 'unset' | 'setting' | 'set' | 'removing';

/**
 * A managed access code (Seam's `access_code`) on one smart lock. Its status
 * is derived on each read from the times below (access-codes.ts), so it never
 * goes stale between requests.
 */
export interface AccessCodeRecord {
	seq: number;
	access_code_id: string;
	device_id: string;
	name: string | null;
	/** The PIN; programmed on the lock once set_at is reached. */
	code: string;
	common_code_key: string | null;
	starts_at: string | null;
	ends_at: string | null;
	is_offline_access_code: boolean;
	is_one_time_use: boolean;
	is_external_modification_allowed: boolean;
	/** When the lock reports the code as programmed (epoch ms); set_at is filled then. */
	set_due_at_ms: number;
	set_at: string | null;
	/** Set by /access_codes/delete: when the lock reports the code removed (epoch ms). */
	removal_due_at_ms: number | null;
	/** The action attempt that finishes when the code is set (create / update) or removed. */
	action_attempt_id: string | null;
	/** A change of PIN or times being programmed onto the lock (pending_mutations), until set again. */
	update: AccessCodeUpdate | null;
	/**
	 * The error the lock answers instead of taking this code (or this change), fixed when the code
	 * was created or changed: sandbox.failAccessCodesOn for its lock at that moment.
	 */
	fails_with: AccessCodeFailureCode | null;
	/** Seam's error on the code once the lock refused it; the code is not set. */
	failure: AccessCodeFailure | null;
	/**
	 * When the code fell due while its lock was offline (delay_in_setting_on_device): it waits
	 * for the lock to come back (sandbox.setDeviceOnline), then is set.
	 */
	delayed_at: string | null;
	created_at: string;
}

export interface AccessCodeUpdate {
	from: { code: string; starts_at: string | null; ends_at: string | null };
	created_at: string;
}

/** A code somebody put on the lock outside Seam (Seam's `unmanaged_access_code`). */
export interface UnmanagedAccessCodeRecord {
	seq: number;
	access_code_id: string;
	device_id: string;
	name: string | null;
	code: string;
	starts_at: string | null;
	ends_at: string | null;
	created_at: string;
}

export type ActionType =
	| 'LOCK_DOOR'
	| 'UNLOCK_DOOR'
	| 'CREATE_ACCESS_CODE'
	| 'UPDATE_ACCESS_CODE'
	| 'DELETE_ACCESS_CODE';

/** Seam's `action_attempt`: pending until due_at_ms, then success or error (action-attempts.ts). */
export interface ActionAttemptRecord {
	seq: number;
	action_attempt_id: string;
	action_type: ActionType;
	device_id: string | null;
	/** When the attempt finishes (epoch ms); lock actions are decided then. */
	due_at_ms: number;
	status: 'pending' | 'success' | 'error';
	result: Record<string, unknown> | null;
	error: { type: string; message: string } | null;
	created_at: string;
}

/** A named group of devices and entrances, e.g. a rental unit; access grants can target it. */
export interface SpaceRecord {
	seq: number;
	space_id: string;
	space_key: string | null;
	name: string;
	device_ids: string[];
	acs_entrance_ids: string[];
	created_at: string;
}

export type AccessMethodMode = 'code' | 'card' | 'mobile_key';

export interface RequestedAccessMethodRecord {
	mode: AccessMethodMode;
	/** The PIN the caller asked for, if any (mode 'code' only). */
	code: string | null;
	created_at: string;
}

/** Grant-level problems found while turning the requested access methods into access methods. */
export interface AccessGrantProblems {
	/** Devices left out of a code access method because they cannot take PIN codes. */
	devices_without_codes: string[];
	/** Set when a requested access method could not be created for every door. */
	cannot_create: { message: string; missing_device_ids: string[] } | null;
}

/** A start/end change being reprogrammed onto already issued access methods. */
export interface AccessTimesChange {
	from: { starts_at: string; ends_at: string | null };
	to: { starts_at: string; ends_at: string | null };
	access_method_ids: string[];
	created_at: string;
	/** When the locks report the new times (epoch ms); see access-grant-lifecycle.ts. */
	due_at_ms: number;
}

export interface AccessGrantRecord {
	seq: number;
	access_grant_id: string;
	access_grant_key: string | null;
	reservation_key: string | null;
	user_identity_id: string;
	name: string | null;
	/** The targets as requested; spaces are expanded into their doors on each access method. */
	device_ids: string[];
	acs_entrance_ids: string[];
	space_ids: string[];
	requested_access_methods: RequestedAccessMethodRecord[];
	starts_at: string;
	ends_at: string | null;
	problems: AccessGrantProblems;
	times_change: AccessTimesChange | null;
	created_at: string;
}

export interface AccessMethodRecord {
	seq: number;
	access_method_id: string;
	access_grant_id: string;
	/** Index into the grant's requested_access_methods this method was created for. */
	requested_index: number;
	mode: AccessMethodMode;
	/** The doors this method opens, fixed when it is created. */
	device_ids: string[];
	acs_entrance_ids: string[];
	/** The access system whose provider generates the PIN, for entrance-based code methods. */
	acs_system_id: string | null;
	/** The PIN that will be programmed; hidden from responses until issued_at is set. */
	pending_code: string | null;
	/** Devices on which the requested code was already taken, so pending_code differs from it. */
	requested_code_taken_on: string[];
	/** Devices whose keypads do not take the requested code's length, so pending_code differs. */
	requested_code_wrong_length_on: string[];
	/** When the locks report the method as programmed (epoch ms). */
	issue_due_at_ms: number;
	issued_at: string | null;
	created_at: string;
}

export interface EventRecord {
	seq: number;
	/** The event object exactly as the API returns it. */
	event: SeamEvent;
	/**
	 * Identity of the user the event is about, kept beside the event (most event
	 * schemas have no such field) so /events/list can filter by user_identity_id
	 * even after the user or access grant is deleted.
	 */
	user_identity_id: string | null;
}

/** A webhook endpoint (Seam's `webhook` object); events are delivered by webhook-delivery.ts. */
export interface WebhookRecord {
	seq: number;
	webhook_id: string;
	url: string;
	/** Event types to deliver; ['*'] (Seam's default) means every type. */
	event_types: string[];
	/** Svix signing secret, `whsec_<base64>`. */
	secret: string;
	created_at: string;
}

export interface SeamEvent {
	event_id: string;
	event_type: string;
	workspace_id: string;
	created_at: string;
	occurred_at: string;
	[field: string]: unknown;
}

export class Store {
	readonly acsSystems = new Map<string, AcsSystemRecord>();
	readonly accessGroups = new Map<string, AccessGroupRecord>();
	readonly entrances = new Map<string, EntranceRecord>();
	readonly acsUsers = new Map<string, AcsUserRecord>();
	readonly credentials = new Map<string, CredentialRecord>();
	readonly userIdentities = new Map<string, UserIdentityRecord>();
	readonly devices = new Map<string, DeviceRecord>();
	readonly spaces = new Map<string, SpaceRecord>();
	readonly accessGrants = new Map<string, AccessGrantRecord>();
	readonly accessMethods = new Map<string, AccessMethodRecord>();
	readonly events: EventRecord[] = [];
	readonly webhooks = new Map<string, WebhookRecord>();
	readonly accessCodes = new Map<string, AccessCodeRecord>();
	readonly unmanagedAccessCodes = new Map<string, UnmanagedAccessCodeRecord>();
	readonly actionAttempts = new Map<string, ActionAttemptRecord>();
	/** Locks that refuse new and changed access codes, with the error they give (sandbox.failAccessCodesOn). */
	readonly accessCodeFailures = new Map<string, AccessCodeFailureCode>();
	/** Per device, the epoch ms of recent writes, for SandboxOptions.deviceRateLimit (rate-limit.ts). */
	readonly deviceWrites = new Map<string, number[]>();
	/**
	 * Called synchronously for every event appended (events.ts appendEvent), so
	 * webhook delivery sees each event once, at the moment it is recorded, with
	 * the webhooks that exist at that moment. The only behaviour on the store.
	 */
	onEventRecorded: ((event: SeamEvent) => void) | null = null;
	private lastSeq = 0;

	constructor(readonly workspace: WorkspaceRecord) {}

	nextSeq(): number {
		this.lastSeq += 1;
		return this.lastSeq;
	}
}
