import type { INodeProperties } from 'n8n-workflow';

export const accessGroupsMultiSelect = (overrides: Partial<INodeProperties>): INodeProperties => ({
	displayName: 'Access Group Names or IDs',
	name: 'accessGroupIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getAccessGroups', loadOptionsDependsOn: ['acsSystemId.value'] },
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
