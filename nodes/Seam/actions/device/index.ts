import type { INodeProperties } from 'n8n-workflow';

import type { SeamResource } from '../operation';
import * as getMany from './getMany.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['device'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List smart locks and other devices, with their capabilities',
			action: 'Get many devices',
		},
	],
	default: 'getMany',
};

export const device: SeamResource = {
	description: [operation, ...getMany.description],
	operations: { getMany },
};
