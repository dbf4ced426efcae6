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

export interface EventRecord {
	seq: number;
	/** The event object exactly as the API returns it. */
	event: SeamEvent;
	/**
	 * Identity of the user the event is about, kept beside the event (the event
	 * schemas have no such field) so /events/list can filter by user_identity_id
	 * even after the user is deleted.
	 */
	user_identity_id: string | null;
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
	readonly events: EventRecord[] = [];
	private lastSeq = 0;

	constructor(readonly workspace: WorkspaceRecord) {}

	nextSeq(): number {
		this.lastSeq += 1;
		return this.lastSeq;
	}
}
