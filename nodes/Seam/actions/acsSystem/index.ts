import type { INodeProperties } from 'n8n-workflow';

import type { SeamResource } from '../operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['acsSystem'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get an access control system',
			action: 'Get an ACS system',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the access control systems connected to the workspace',
			action: 'Get many ACS systems',
		},
	],
	default: 'getMany',
};

export const acsSystem: SeamResource = {
	description: [operation, ...get.description, ...getMany.description],
	operations: { get, getMany },
};
