import type { INodeProperties } from 'n8n-workflow';

const UUID_PATTERN =
	'^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$';

interface LocatorSpec {
	displayName: string;
	name: string;
	searchListMethod: string;
	description: string;
	required?: boolean;
}

/** A Seam object picker in n8n's resource-locator form: From list (searchable) or By ID. */
function locator(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required ?? true,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 33333333-3333-3333-3333-333333333333',
				validation: [
					{
						type: 'regex',
						properties: { regex: UUID_PATTERN, errorMessage: 'Not a Seam ID: Seam IDs are UUIDs' },
					},
				],
			},
		],
	};
}

export const acsSystemLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'ACS System',
		name: 'acsSystemId',
		searchListMethod: 'searchAcsSystems',
		description: 'The access control system (for example a Salto KS site or a Latch building)',
	}),
	...overrides,
});

export const acsUserLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'ACS User',
		name: 'acsUserId',
		searchListMethod: 'searchAcsUsers',
		description:
			'The user in the access control system. The list shows the users of the chosen ACS system, if any.',
	}),
	...overrides,
});

export const accessGroupLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'Access Group',
		name: 'accessGroupId',
		searchListMethod: 'searchAccessGroups',
		description: 'The access group. The list shows the groups of the chosen ACS system, if any.',
	}),
	...overrides,
});

export const entranceLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'Entrance',
		name: 'entranceId',
		searchListMethod: 'searchEntrances',
		description:
			'The entrance (door). The list shows the entrances of the chosen ACS system, if any.',
	}),
	...overrides,
});

export const credentialLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'Credential',
		name: 'credentialId',
		searchListMethod: 'searchCredentials',
		description:
			'The credential (for example a PIN code). The list shows the credentials of the chosen ACS system, if any.',
	}),
	...overrides,
});

export const userIdentityLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'User Identity',
		name: 'userIdentityId',
		searchListMethod: 'searchUserIdentities',
		description: 'The user identity: one person across all your access systems',
	}),
	...overrides,
});

export const accessGrantLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'Access Grant',
		name: 'accessGrantId',
		searchListMethod: 'searchAccessGrants',
		description: "The Access Grant (one person's access to a set of doors for a period)",
	}),
	...overrides,
});

export const accessMethodLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'Access Method',
		name: 'accessMethodId',
		searchListMethod: 'searchAccessMethods',
		description: 'The access method (a PIN code, card or mobile key of an Access Grant)',
	}),
	...overrides,
});

export const deviceLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'Device',
		name: 'deviceId',
		searchListMethod: 'searchDevices',
		description: 'The device (for example a smart lock)',
	}),
	...overrides,
});

export const spaceLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'Space',
		name: 'spaceId',
		searchListMethod: 'searchSpaces',
		description: 'The space (a group of devices and entrances, e.g. a unit)',
	}),
	...overrides,
});

export const lockLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'Lock',
		name: 'deviceId',
		searchListMethod: 'searchLocks',
		description:
			'The smart lock. For Lock and Unlock the list shows the locks Seam can lock or unlock remotely.',
	}),
	...overrides,
});

export const lockWithCodesLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'Lock',
		name: 'deviceId',
		searchListMethod: 'searchCodeLocks',
		description: 'The smart lock. The list shows the locks Seam can program access codes on.',
	}),
	...overrides,
});

export const accessCodeLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...locator({
		displayName: 'Access Code',
		name: 'accessCodeId',
		searchListMethod: 'searchAccessCodes',
		description: 'The access code (a PIN on one lock). The list shows the codes of the chosen lock.',
	}),
	...overrides,
});

export const unmanagedAccessCodeLocator = (
	overrides: Partial<INodeProperties> = {},
): INodeProperties => ({
	...locator({
		displayName: 'Unmanaged Access Code',
		name: 'accessCodeId',
		searchListMethod: 'searchUnmanagedAccessCodes',
		description:
			'A code set on the lock outside Seam (on its keypad or in its own app). The list shows the unmanaged codes of the chosen lock.',
	}),
	...overrides,
});
