// What differs between the smart-lock brands the sandbox simulates, in the
// terms of Seam's `device` object (device_type, device_manufacturer,
// device_provider, properties.model and the brand's *_metadata block).

export type DeviceKind = 'august_lock' | 'yale_lock' | 'schlage_lock' | 'igloohome_lock';

export interface DeviceModel {
	kind: DeviceKind;
	manufacturer: 'august' | 'yale' | 'schlage' | 'igloohome';
	manufacturerDisplayName: string;
	/** device_provider.device_provider_name: the integration the lock is connected through. */
	providerName: 'august' | 'yale' | 'schlage' | 'igloohome';
	providerDisplayName: string;
	/** properties.model.display_name, with and without a keypad. */
	modelWithKeypad: string;
	modelWithoutKeypad: string;
	/** Length of the PIN codes Seam generates for this lock; one of supportedCodeLengths. */
	generatedCodeLength: number;
	/**
	 * properties.supported_code_lengths of the lock with a keypad: the PIN lengths its keypad
	 * takes (a requested code of another length is replaced, see access-method-plan.ts).
	 */
	supportedCodeLengths: number[];
	/** properties.max_active_codes_supported of the lock with a keypad. */
	maxActiveCodesSupported: number;
	/**
	 * The brand's metadata block, if the device schema has one for it
	 * (there is no yale_metadata: Yale locks carry none).
	 */
	metadata(
		device: { device_id: string; name: string },
		hasKeypad: boolean,
		model: string,
	): Record<string, unknown> | undefined;
}

const august: DeviceModel = {
	kind: 'august_lock',
	manufacturer: 'august',
	manufacturerDisplayName: 'August',
	providerName: 'august',
	providerDisplayName: 'August',
	modelWithKeypad: 'August Wi-Fi Smart Lock + Keypad',
	modelWithoutKeypad: 'August Smart Lock Pro',
	generatedCodeLength: 4,
	// As a seed for Seam's own fake (@seamapi/fake-seam-connect) has its August lock with a keypad.
	supportedCodeLengths: [4, 5, 6],
	maxActiveCodesSupported: 250,
	metadata: (device, hasKeypad, model) => ({
		august_metadata: {
			lock_id: device.device_id.slice(-12),
			lock_name: device.name,
			house_name: 'Sandbox House',
			has_keypad: hasKeypad,
			model,
		},
	}),
};

const yale: DeviceModel = {
	kind: 'yale_lock',
	manufacturer: 'yale',
	manufacturerDisplayName: 'Yale',
	providerName: 'yale',
	providerDisplayName: 'Yale',
	modelWithKeypad: 'Yale Assure Lock 2 Keypad',
	modelWithoutKeypad: 'Yale Approach Lock with Wi-Fi',
	generatedCodeLength: 4,
	// As in Seam's "Access Code Requirements for Door Locks" sample device.
	supportedCodeLengths: [4, 5, 6, 7, 8],
	maxActiveCodesSupported: 250,
	metadata: () => undefined,
};

const schlage: DeviceModel = {
	kind: 'schlage_lock',
	manufacturer: 'schlage',
	manufacturerDisplayName: 'Schlage',
	providerName: 'schlage',
	providerDisplayName: 'Schlage',
	modelWithKeypad: 'Schlage Encode Plus',
	modelWithoutKeypad: 'Schlage Sense',
	generatedCodeLength: 4,
	// A Schlage lock takes codes of one length, set on the lock ([4] in that same fake seed).
	supportedCodeLengths: [4],
	maxActiveCodesSupported: 100,
	metadata: (device, _hasKeypad, model) => ({
		schlage_metadata: { device_id: device.device_id.slice(-12), device_name: device.name, model },
	}),
};

// igloohome keypads take no PIN over the internet: the maker's server generates
// algoPINs offline (Seam's "Creating igloohome Offline Access Codes"), up to 199
// PINs per lock. The algoPIN length (9) is illustrative.
const igloohome: DeviceModel = {
	kind: 'igloohome_lock',
	manufacturer: 'igloohome',
	manufacturerDisplayName: 'igloohome',
	providerName: 'igloohome',
	providerDisplayName: 'igloohome',
	modelWithKeypad: 'igloohome Keypad Deadbolt 2S',
	modelWithoutKeypad: 'igloohome Padlock 2',
	generatedCodeLength: 9,
	supportedCodeLengths: [9],
	maxActiveCodesSupported: 199,
	metadata: (device) => ({
		igloohome_metadata: { device_id: device.device_id.slice(-12), device_name: device.name },
	}),
};

const models: Record<DeviceKind, DeviceModel> = {
	august_lock: august,
	yale_lock: yale,
	schlage_lock: schlage,
	igloohome_lock: igloohome,
};

export const deviceModelOf = (kind: DeviceKind): DeviceModel => models[kind];
