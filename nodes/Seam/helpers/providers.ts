/**
 * What the seed guides say about individual access control systems, keyed by the ACS system's
 * `external_type` as Seam reports it.
 */
export interface ProviderRules {
	name: string;
	/** The system generates every PIN; a custom code is rejected. */
	generatesPinCodes: boolean;
	/** Each code credential covers exactly one entrance. */
	oneEntrancePerCodeCredential: boolean;
}

const DEFAULT_RULES: ProviderRules = {
	name: 'this access control system',
	generatesPinCodes: false,
	oneEntrancePerCodeCredential: false,
};

export function providerRules(externalType: string | undefined | null): ProviderRules {
	const type = (externalType ?? '').toLowerCase();
	if (type.startsWith('salto_ks')) {
		return { name: 'Salto KS', generatesPinCodes: true, oneEntrancePerCodeCredential: false };
	}
	if (type.startsWith('latch')) {
		return { name: 'Latch', generatesPinCodes: true, oneEntrancePerCodeCredential: true };
	}
	return DEFAULT_RULES;
}
