// What differs between the two access control systems the sandbox simulates,
// as described in Seam's system integration guides for Salto KS and Latch.

export type ProviderKind = 'salto_ks' | 'latch';

export interface Provider {
	kind: ProviderKind;
	displayName: string;
	systemExternalType: 'salto_ks_site' | 'latch_building';
	systemExternalTypeDisplayName: string;
	userExternalType: 'salto_site_user' | 'latch_user';
	userExternalTypeDisplayName: string;
	credentialExternalType: 'salto_ks_credential' | 'latch_access';
	credentialExternalTypeDisplayName: string;
	/** Access-group based systems grant entrances through groups; Latch has none. */
	accessGroupExternalType: 'salto_ks_access_group' | null;
	accessGroupExternalTypeDisplayName: string | null;
	/** Length of the PIN the provider generates (neither accepts a custom code). */
	pinLength: number;
	/**
	 * Where a code credential's entrances come from:
	 * - 'access_groups': the user's access groups (Salto KS); allowed_acs_entrance_ids is not accepted;
	 * - 'single_entrance': exactly one entry in allowed_acs_entrance_ids (Latch: one PIN per door).
	 */
	credentialEntrances: 'access_groups' | 'single_entrance';
	/**
	 * Salto KS reports users whose access_schedule has not started (or has
	 * ended) as "unsubscribed"; Seam exposes that as salto_ks_metadata.is_subscribed.
	 */
	tracksSubscription: boolean;
}

const saltoKs: Provider = {
	kind: 'salto_ks',
	displayName: 'Salto KS',
	systemExternalType: 'salto_ks_site',
	systemExternalTypeDisplayName: 'Salto KS site',
	userExternalType: 'salto_site_user',
	userExternalTypeDisplayName: 'Salto site user',
	credentialExternalType: 'salto_ks_credential',
	credentialExternalTypeDisplayName: 'Salto KS credential',
	accessGroupExternalType: 'salto_ks_access_group',
	accessGroupExternalTypeDisplayName: 'Salto KS access group',
	pinLength: 6,
	credentialEntrances: 'access_groups',
	tracksSubscription: true,
};

const latch: Provider = {
	kind: 'latch',
	displayName: 'Latch',
	systemExternalType: 'latch_building',
	systemExternalTypeDisplayName: 'Latch building',
	userExternalType: 'latch_user',
	userExternalTypeDisplayName: 'Latch user',
	credentialExternalType: 'latch_access',
	credentialExternalTypeDisplayName: 'Latch access',
	accessGroupExternalType: null,
	accessGroupExternalTypeDisplayName: null,
	pinLength: 7,
	credentialEntrances: 'single_entrance',
	tracksSubscription: false,
};

const providers: Record<ProviderKind, Provider> = { salto_ks: saltoKs, latch };

export const providerOf = (kind: ProviderKind): Provider => providers[kind];
