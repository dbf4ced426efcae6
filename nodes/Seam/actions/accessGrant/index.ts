import type { INodeProperties } from 'n8n-workflow';

import type { SeamResource } from '../operation';
import * as create from './create.operation';
import * as deleteGrant from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['accessGrant'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description:
				'Give a person access to doors for a period, with a PIN code, card or mobile key',
			action: 'Create an access grant',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Revoke a grant and all its access methods',
			action: 'Delete an access grant',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a grant by ID or by your access grant key',
			action: 'Get an access grant',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List grants',
			action: 'Get many access grants',
		},
		{
			name: 'Update',
			value: 'update',
			description: "Change a grant's times or name",
			action: 'Update an access grant',
		},
	],
	default: 'create',
};

export const accessGrant: SeamResource = {
	description: [
		operation,
		...create.description,
		...deleteGrant.description,
		...get.description,
		...getMany.description,
		...update.description,
	],
	operations: { create, delete: deleteGrant, get, getMany, update },
};
