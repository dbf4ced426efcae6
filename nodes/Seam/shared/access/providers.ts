/**
 * What Seam's system guides say about individual access control systems, keyed by the ACS
 * system's `external_type` as Seam reports it.
 */
export interface ProviderRules {
	name: string;
	/** The system generates every PIN; a custom code is rejected. */
	generatesPinCodes: boolean;
	/**
	 * Where a code credential's entrances come from: `any` (on the credential, optional),
	 * `exactlyOne` (on the credential, one per credential: Latch), or `accessGroups` (from the
	 * user's access groups, never on the credential: Salto KS).
	 */
	credentialEntrances: 'any' | 'exactlyOne' | 'accessGroups';
}

const DEFAULT_RULES: ProviderRules = {
	name: 'this access control system',
	generatesPinCodes: false,
	credentialEntrances: 'any',
};

export function providerRules(externalType: string | undefined | null): ProviderRules {
	const type = (externalType ?? '').toLowerCase();
	if (type.startsWith('salto_ks')) {
		return { name: 'Salto KS', generatesPinCodes: true, credentialEntrances: 'accessGroups' };
	}
	if (type.startsWith('latch')) {
		return { name: 'Latch', generatesPinCodes: true, credentialEntrances: 'exactlyOne' };
	}
	return DEFAULT_RULES;
}
