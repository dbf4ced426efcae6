import type { INodeProperties } from 'n8n-workflow';

import type { SeamResource } from '../operation';
import * as addToAccessGroup from './addToAccessGroup.operation';
import * as create from './create.operation';
import * as deleteUser from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as listAccessibleEntrances from './listAccessibleEntrances.operation';
import * as removeFromAccessGroup from './removeFromAccessGroup.operation';
import * as suspend from './suspend.operation';
import * as unsuspend from './unsuspend.operation';
import * as update from './update.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['acsUser'] } },
	options: [
		{
			name: 'Add to Access Group',
			value: 'addToAccessGroup',
			description: 'Add the user to one or more access groups',
			action: 'Add an ACS user to access groups',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				'Create a user in an access control system, with an optional access schedule and access groups',
			action: 'Create an ACS user',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a user and invalidate their credentials',
			action: 'Delete an ACS user',
		},
		{ name: 'Get', value: 'get', description: 'Get a user', action: 'Get an ACS user' },
		{ name: 'Get Many', value: 'getMany', description: 'List users', action: 'Get many ACS users' },
		{
			name: 'List Accessible Entrances',
			value: 'listAccessibleEntrances',
			description: 'List the entrances the user can open',
			action: 'List entrances an ACS user can open',
		},
		{
			name: 'Remove From Access Group',
			value: 'removeFromAccessGroup',
			description: 'Remove the user from one or more access groups',
			action: 'Remove an ACS user from access groups',
		},
		{
			name: 'Suspend',
			value: 'suspend',
			description: 'Suspend the user: their credentials stop working until unsuspended',
			action: 'Suspend an ACS user',
		},
		{
			name: 'Unsuspend',
			value: 'unsuspend',
			description: "Restore a suspended user's access",
			action: 'Unsuspend an ACS user',
		},
		{
			name: 'Update',
			value: 'update',
			description: "Change a user's name, contact details or access schedule",
			action: 'Update an ACS user',
		},
	],
	default: 'create',
};

export const acsUser: SeamResource = {
	description: [
		operation,
		...addToAccessGroup.description,
		...create.description,
		...deleteUser.description,
		...get.description,
		...getMany.description,
		...listAccessibleEntrances.description,
		...removeFromAccessGroup.description,
		...suspend.description,
		...unsuspend.description,
		...update.description,
	],
	operations: {
		addToAccessGroup,
		create,
		delete: deleteUser,
		get,
		getMany,
		listAccessibleEntrances,
		removeFromAccessGroup,
		suspend,
		unsuspend,
		update,
	},
};
