import { randomUUID } from 'node:crypto';

import type { SeamEvent, Store } from './store';

// Event types used here are members of the `event` schema's event_type enum;
// the fields each one carries are the ones that schema requires.
export type SandboxEventType =
	| 'acs_user.created'
	| 'acs_user.deleted'
	| 'acs_credential.issued'
	| 'acs_credential.deleted';

export interface EventSubject {
	acs_system_id: string;
	acs_user_id?: string;
	acs_credential_id?: string;
}

/**
 * Appends an event. `userIdentityId` is the identity of the acs user involved,
 * if any: not part of the event object, only used for filtering.
 */
export function recordEvent(
	store: Store,
	event_type: SandboxEventType,
	subject: EventSubject,
	at: Date,
	userIdentityId: string | null = null,
): SeamEvent {
	const system = store.acsSystems.get(subject.acs_system_id);
	const timestamp = at.toISOString();
	const event: SeamEvent = {
		event_id: randomUUID(),
		event_type,
		workspace_id: store.workspace.workspace_id,
		created_at: timestamp,
		occurred_at: timestamp,
		...(system != null ? { connected_account_id: system.connected_account_id } : {}),
		...subject,
	};
	store.events.push({ seq: store.nextSeq(), event, user_identity_id: userIdentityId });
	return event;
}
