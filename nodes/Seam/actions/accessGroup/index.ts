import type { INodeProperties } from 'n8n-workflow';

import type { SeamResource } from '../operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as listAccessibleEntrances from './listAccessibleEntrances.operation';
import * as listUsers from './listUsers.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['accessGroup'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get an access group',
			action: 'Get an access group',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the access groups of an ACS system',
			action: 'Get many access groups',
		},
		{
			name: 'List Accessible Entrances',
			value: 'listAccessibleEntrances',
			description: 'List the entrances the group opens',
			action: 'List entrances of an access group',
		},
		{
			name: 'List Users',
			value: 'listUsers',
			description: 'List the members of the group',
			action: 'List users of an access group',
		},
	],
	default: 'getMany',
};

export const accessGroup: SeamResource = {
	description: [
		operation,
		...get.description,
		...getMany.description,
		...listAccessibleEntrances.description,
		...listUsers.description,
	],
	operations: { get, getMany, listAccessibleEntrances, listUsers },
};
