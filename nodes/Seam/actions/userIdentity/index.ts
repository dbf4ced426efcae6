import type { INodeProperties } from 'n8n-workflow';

import type { SeamResource } from '../operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['userIdentity'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a user identity: one person across all your access systems',
			action: 'Create a user identity',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a user identity',
			action: 'Get a user identity',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List user identities',
			action: 'Get many user identities',
		},
	],
	default: 'create',
};

export const userIdentity: SeamResource = {
	description: [operation, ...create.description, ...get.description, ...getMany.description],
	operations: { create, get, getMany },
};
