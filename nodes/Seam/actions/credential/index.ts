import type { INodeProperties } from 'n8n-workflow';

import type { SeamResource } from '../operation';
import * as create from './create.operation';
import * as deleteCredential from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as listAccessibleEntrances from './listAccessibleEntrances.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['credential'] } },
	options: [
		{
			name: 'Create PIN Code',
			value: 'create',
			description: 'Give an ACS user a PIN code, optionally limited in time',
			action: 'Create a PIN code credential',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Revoke a credential',
			action: 'Delete a credential',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a credential, with its PIN code',
			action: 'Get a credential',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the credentials of an ACS system or user',
			action: 'Get many credentials',
		},
		{
			name: 'List Accessible Entrances',
			value: 'listAccessibleEntrances',
			description: 'List the entrances a credential opens',
			action: 'List entrances a credential opens',
		},
	],
	default: 'create',
};

export const credential: SeamResource = {
	description: [
		operation,
		...create.description,
		...deleteCredential.description,
		...get.description,
		...getMany.description,
		...listAccessibleEntrances.description,
	],
	operations: { create, delete: deleteCredential, get, getMany, listAccessibleEntrances },
};
