import type { INodeProperties } from 'n8n-workflow';

export const accessGroupsMultiSelect = (overrides: Partial<INodeProperties>): INodeProperties => ({
	displayName: 'Access Group Names or IDs',
	name: 'accessGroupIds',
	type: 'multiOptions',
	typeOptions: {
		loadOptionsMethod: 'getAccessGroups',
		loadOptionsDependsOn: ['acsSystemId.value'],
	},
	default: [],
	description:
		'Access groups of the chosen ACS system. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	...overrides,
});

export const entrancesMultiSelect = (overrides: Partial<INodeProperties>): INodeProperties => ({
	displayName: 'Entrance Names or IDs',
	name: 'entranceIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getEntrances', loadOptionsDependsOn: ['acsSystemId.value'] },
	default: [],
	description:
		'Entrances of the chosen ACS system. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	...overrides,
});

export const grantDevicesMultiSelect: INodeProperties = {
	displayName: 'Device Names or IDs',
	name: 'deviceIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getDevices' },
	default: [],
	description:
		'Smart locks to grant access to. For a PIN code, each needs <code>can_program_online_access_codes</code>. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const grantEntrancesMultiSelect: INodeProperties = {
	displayName: 'Entrance Names or IDs',
	name: 'entranceIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getAllEntrances' },
	default: [],
	description:
		'Access control system entrances to grant access to. For a PIN code, each needs <code>can_unlock_with_code</code>. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const grantSpacesMultiSelect: INodeProperties = {
	displayName: 'Space Names or IDs',
	name: 'spaceIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getSpaces' },
	default: [],
	description:
		'Spaces (for example a unit or a floor) whose devices and entrances the grant covers. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
