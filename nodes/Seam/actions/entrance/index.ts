import type { INodeProperties } from 'n8n-workflow';

import type { SeamResource } from '../operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['entrance'] } },
	options: [
		{ name: 'Get', value: 'get', description: 'Get an entrance (door)', action: 'Get an entrance' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List entrances, with whether a PIN code can open each',
			action: 'Get many entrances',
		},
	],
	default: 'getMany',
};

export const entrance: SeamResource = {
	description: [operation, ...get.description, ...getMany.description],
	operations: { get, getMany },
};
