import type { INodeProperties } from 'n8n-workflow';

import type { SeamResource } from '../operation';
import * as getMany from './getMany.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['space'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List spaces (groups of devices and entrances, e.g. a unit)',
			action: 'Get many spaces',
		},
	],
	default: 'getMany',
};

export const space: SeamResource = {
	description: [operation, ...getMany.description],
	operations: { getMany },
};
