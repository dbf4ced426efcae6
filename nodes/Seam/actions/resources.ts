import type { INodeProperties } from 'n8n-workflow';

import { accessGroup } from './accessGroup';
import { acsSystem } from './acsSystem';
import { acsUser } from './acsUser';
import { credential } from './credential';
import { entrance } from './entrance';
import type { SeamResource } from './operation';
import { userIdentity } from './userIdentity';

export const resources: Record<string, SeamResource> = {
	acsSystem,
	acsUser,
	accessGroup,
	entrance,
	credential,
	userIdentity,
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Access Group', value: 'accessGroup' },
		{ name: 'ACS System', value: 'acsSystem' },
		{ name: 'ACS User', value: 'acsUser' },
		{ name: 'Credential (PIN Code)', value: 'credential' },
		{ name: 'Entrance', value: 'entrance' },
		{ name: 'User Identity', value: 'userIdentity' },
	],
	default: 'acsUser',
};
