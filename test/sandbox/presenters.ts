import { providerOf } from './providers';
import { spacesContainingEntrance } from './spaces';
import type {
	AccessGroupRecord,
	AcsSystemRecord,
	AcsUserRecord,
	CredentialRecord,
	EntranceRecord,
	Store,
	UserIdentityRecord,
} from './store';

// Render records as the objects Seam returns (component schemas acs_system,
// acs_user, acs_access_group, acs_entrance, acs_credential, user_identity,
// workspace). Every response is validated against those schemas, so a field
// added here that Seam does not document shows up as a contract violation.

type SeamObject = Record<string, unknown>;

const systemImage = (externalType: string) =>
	`https://connect.getseam.com/assets/images/acs_systems/${externalType}.png`;

export function presentWorkspace(store: Store): SeamObject {
	const { workspace } = store;
	return {
		workspace_id: workspace.workspace_id,
		name: workspace.name,
		company_name: workspace.company_name,
		connect_partner_name: workspace.company_name,
		is_sandbox: true,
		is_suspended: false,
		is_publishable_key_auth_enabled: false,
		connect_webview_customization: {},
		organization_id: null,
	};
}

export function presentAcsSystem(store: Store, system: AcsSystemRecord): SeamObject {
	const provider = providerOf(system.provider);
	const count = <T extends { acs_system_id: string }>(records: Map<string, T>) =>
		[...records.values()].filter((record) => record.acs_system_id === system.acs_system_id).length;
	return {
		acs_system_id: system.acs_system_id,
		name: system.name,
		workspace_id: store.workspace.workspace_id,
		created_at: system.created_at,
		external_type: provider.systemExternalType,
		external_type_display_name: provider.systemExternalTypeDisplayName,
		system_type: provider.systemExternalType,
		system_type_display_name: provider.systemExternalTypeDisplayName,
		connected_account_id: system.connected_account_id,
		connected_account_ids: [system.connected_account_id],
		is_credential_manager: false,
		default_credential_manager_acs_system_id: null,
		location: { time_zone: system.time_zone },
		image_url: systemImage(provider.systemExternalType),
		image_alt_text: `${provider.displayName} logo`,
		acs_user_count: count(store.acsUsers),
		acs_access_group_count: count(store.accessGroups),
		errors: [],
		warnings: [],
	};
}

export function presentAccessGroup(store: Store, group: AccessGroupRecord): SeamObject {
	const system = store.acsSystems.get(group.acs_system_id);
	const provider = providerOf(system?.provider ?? 'salto_ks');
	const externalType = provider.accessGroupExternalType ?? 'salto_ks_access_group';
	const externalTypeDisplayName = provider.accessGroupExternalTypeDisplayName ?? 'Access group';
	return {
		acs_access_group_id: group.acs_access_group_id,
		acs_system_id: group.acs_system_id,
		workspace_id: store.workspace.workspace_id,
		connected_account_id: system?.connected_account_id,
		name: group.name,
		display_name: group.name,
		access_group_type: externalType,
		access_group_type_display_name: externalTypeDisplayName,
		external_type: externalType,
		external_type_display_name: externalTypeDisplayName,
		created_at: group.created_at,
		is_managed: true,
		pending_mutations: [],
		errors: [],
		warnings: [],
	};
}

export function presentEntrance(store: Store, entrance: EntranceRecord): SeamObject {
	const system = store.acsSystems.get(entrance.acs_system_id);
	const provider = system?.provider ?? 'salto_ks';
	const metadata =
		provider === 'latch'
			? {
					latch_metadata: {
						door_name: entrance.name,
						door_type: 'building_entrance',
						accessibility_type: 'door',
						is_connected: true,
					},
				}
			: {
					salto_ks_metadata: {
						door_name: entrance.name,
						lock_type: 'wall_reader',
						online: true,
						privacy_mode: false,
					},
				};
	return {
		acs_entrance_id: entrance.acs_entrance_id,
		acs_system_id: entrance.acs_system_id,
		connected_account_id: system?.connected_account_id,
		display_name: entrance.name,
		created_at: entrance.created_at,
		space_ids: spacesContainingEntrance(store, entrance.acs_entrance_id).map(
			(space) => space.space_id,
		),
		can_unlock_with_code: entrance.can_unlock_with_code,
		can_unlock_with_card: false,
		can_unlock_with_mobile_key: false,
		...metadata,
		errors: [],
		warnings: [],
	};
}

export function presentAcsUser(store: Store, user: AcsUserRecord, now: Date): SeamObject {
	const system = store.acsSystems.get(user.acs_system_id);
	const provider = providerOf(system?.provider ?? 'salto_ks');
	const identity =
		user.user_identity_id == null ? undefined : store.userIdentities.get(user.user_identity_id);
	const warnings: SeamObject[] = [];
	const out: SeamObject = {
		acs_user_id: user.acs_user_id,
		acs_system_id: user.acs_system_id,
		workspace_id: store.workspace.workspace_id,
		connected_account_id: system?.connected_account_id,
		created_at: user.created_at,
		display_name: user.full_name,
		full_name: user.full_name,
		external_type: provider.userExternalType,
		external_type_display_name: provider.userExternalTypeDisplayName,
		is_managed: true,
		is_suspended: user.is_suspended,
		last_successful_sync_at: user.created_at,
		pending_mutations: [],
		errors: [],
		warnings,
	};
	if (user.email_address != null) out.email_address = user.email_address;
	if (user.phone_number != null) out.phone_number = user.phone_number;
	if (user.access_schedule != null) out.access_schedule = { ...user.access_schedule };
	if (identity != null) {
		out.user_identity_id = identity.user_identity_id;
		out.user_identity_full_name = identity.full_name;
		out.user_identity_email_address = identity.email_address;
		out.user_identity_phone_number = identity.phone_number;
	}
	if (provider.tracksSubscription) {
		// Seam's Salto KS guide: a user created with an access_schedule is
		// "unsubscribed" until starts_at (and again after ends_at). The acs_user
		// schema exposes this as salto_ks_metadata.is_subscribed plus the
		// salto_ks_user_not_subscribed warning; is_suspended stays independent.
		const subscribed = isWithinSchedule(user, now);
		out.salto_ks_metadata = { is_subscribed: subscribed };
		if (!subscribed) {
			warnings.push({
				warning_code: 'salto_ks_user_not_subscribed',
				message: subscriptionMessage(user, now),
				created_at: user.created_at,
			});
		}
	}
	return out;
}

export function isWithinSchedule(user: AcsUserRecord, now: Date): boolean {
	const schedule = user.access_schedule;
	if (schedule == null) return true;
	if (Date.parse(schedule.starts_at) > now.getTime()) return false;
	return schedule.ends_at == null || Date.parse(schedule.ends_at) > now.getTime();
}

function subscriptionMessage(user: AcsUserRecord, now: Date): string {
	const schedule = user.access_schedule;
	if (schedule != null && Date.parse(schedule.starts_at) > now.getTime()) {
		return `User is not subscribed on the Salto KS site until their access schedule starts at ${schedule.starts_at}.`;
	}
	return 'User is not subscribed on the Salto KS site because their access schedule has ended.';
}

export function presentCredential(store: Store, credential: CredentialRecord): SeamObject {
	const system = store.acsSystems.get(credential.acs_system_id);
	const provider = providerOf(system?.provider ?? 'salto_ks');
	const user = store.acsUsers.get(credential.acs_user_id);
	const issued = credential.issued_at != null;
	const out: SeamObject = {
		acs_credential_id: credential.acs_credential_id,
		acs_system_id: credential.acs_system_id,
		acs_user_id: credential.acs_user_id,
		workspace_id: store.workspace.workspace_id,
		connected_account_id: system?.connected_account_id,
		access_method: credential.access_method,
		code: issued ? credential.pending_code : null,
		display_name: issued ? maskPin(credential.pending_code) : 'PIN Code',
		is_issued: issued,
		issued_at: credential.issued_at,
		created_at: credential.created_at,
		external_type: provider.credentialExternalType,
		external_type_display_name: provider.credentialExternalTypeDisplayName,
		is_managed: true,
		is_multi_phone_sync_credential: false,
		is_latest_desired_state_synced_with_provider: issued,
		latest_desired_state_synced_with_provider_at: credential.issued_at,
		errors: [],
		warnings: issued
			? []
			: [
					{
						warning_code: 'waiting_to_be_issued',
						message: `Waiting for ${provider.displayName} to generate the PIN code.`,
						created_at: credential.created_at,
					},
				],
	};
	if (user?.user_identity_id != null) out.user_identity_id = user.user_identity_id;
	if (credential.starts_at != null) out.starts_at = credential.starts_at;
	if (credential.ends_at != null) out.ends_at = credential.ends_at;
	return out;
}

/** e.g. 'PIN Code ****56': enough to tell PINs apart in a list without revealing them. */
const maskPin = (pin: string): string => `PIN Code ${'*'.repeat(pin.length - 2)}${pin.slice(-2)}`;

export function presentUserIdentity(store: Store, identity: UserIdentityRecord): SeamObject {
	const acsUserIds = [...store.acsUsers.values()]
		.filter((user) => user.user_identity_id === identity.user_identity_id)
		.map((user) => user.acs_user_id);
	return {
		user_identity_id: identity.user_identity_id,
		user_identity_key: identity.user_identity_key,
		email_address: identity.email_address,
		phone_number: identity.phone_number,
		full_name: identity.full_name,
		// display_name must be non-empty; fall back through whatever identifies the person.
		display_name:
			[
				identity.full_name,
				identity.email_address,
				identity.phone_number,
				identity.user_identity_key,
			].find((value) => value != null && value.trim() !== '') ?? identity.user_identity_id,
		created_at: identity.created_at,
		workspace_id: store.workspace.workspace_id,
		acs_user_ids: acsUserIds,
		errors: [],
		warnings: [],
	};
}
