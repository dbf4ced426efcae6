import { recordEvent } from './events';
import { randomPin } from './pins';
import type { CredentialRecord, Store } from './store';

// Credential lifecycle shared by several routes.
//
// Real providers report a generated PIN some time after the credential is
// created. The sandbox models that with issue_due_at_ms: instead of timers, the
// server calls issueDueCredentials() before handling each request, so a PIN
// "arrives" exactly when it is due from any client's point of view, with no
// background work to leak or cancel on close()/reset().

export function issueDueCredentials(store: Store, now: Date): void {
	const due = [...store.credentials.values()]
		.filter(
			(credential) => credential.issued_at == null && credential.issue_due_at_ms <= now.getTime(),
		)
		.sort((a, b) => a.issue_due_at_ms - b.issue_due_at_ms || a.seq - b.seq);
	for (const credential of due) {
		issueCredential(store, credential, new Date(credential.issue_due_at_ms));
	}
}

export function issueCredential(store: Store, credential: CredentialRecord, at: Date): void {
	credential.issued_at = at.toISOString();
	recordCredentialEvent(store, 'acs_credential.issued', credential, at);
}

export function deleteCredential(store: Store, credential: CredentialRecord, at: Date): void {
	store.credentials.delete(credential.acs_credential_id);
	recordCredentialEvent(store, 'acs_credential.deleted', credential, at);
}

function recordCredentialEvent(
	store: Store,
	type: 'acs_credential.issued' | 'acs_credential.deleted',
	credential: CredentialRecord,
	at: Date,
): void {
	recordEvent(
		store,
		type,
		{ acs_system_id: credential.acs_system_id, acs_credential_id: credential.acs_credential_id },
		at,
		store.acsUsers.get(credential.acs_user_id)?.user_identity_id ?? null,
	);
}

/**
 * A PIN of the provider's length that no other credential or access method on
 * the system uses: the system sees both as PINs of its own.
 */
export function generatePin(store: Store, acsSystemId: string, length: number): string {
	return randomPin(length, systemPins(store, acsSystemId));
}

export function systemPins(store: Store, acsSystemId: string): Set<string> {
	const taken = new Set<string>();
	for (const credential of store.credentials.values()) {
		if (credential.acs_system_id === acsSystemId) taken.add(credential.pending_code);
	}
	for (const method of store.accessMethods.values()) {
		if (method.acs_system_id === acsSystemId && method.pending_code != null)
			taken.add(method.pending_code);
	}
	return taken;
}
