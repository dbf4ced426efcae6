import type { INodeProperties } from 'n8n-workflow';

import type { SeamResource } from '../operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getRelated from './getRelated.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['accessMethod'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get an access method, with its PIN code once issued',
			action: 'Get an access method',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the access methods of a grant, device, entrance or space',
			action: 'Get many access methods',
		},
		{
			name: 'Get Related',
			value: 'getRelated',
			description: 'The doors an access method opens',
			action: 'Get the doors of an access method',
		},
	],
	default: 'getMany',
};

export const accessMethod: SeamResource = {
	description: [operation, ...get.description, ...getMany.description, ...getRelated.description],
	operations: { get, getMany, getRelated },
};
