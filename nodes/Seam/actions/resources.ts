import type { INodeProperties } from 'n8n-workflow';

import { accessGrant } from './accessGrant';
import { accessGroup } from './accessGroup';
import { accessMethod } from './accessMethod';
import { acsSystem } from './acsSystem';
import { acsUser } from './acsUser';
import { credential } from './credential';
import { device } from './device';
import { entrance } from './entrance';
import type { SeamResource } from './operation';
import { space } from './space';
import { userIdentity } from './userIdentity';

export const resources: Record<string, SeamResource> = {
	accessGrant,
	accessMethod,
	acsSystem,
	acsUser,
	accessGroup,
	entrance,
	credential,
	device,
	space,
	userIdentity,
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Access Grant', value: 'accessGrant' },
		{ name: 'Access Group', value: 'accessGroup' },
		{ name: 'Access Method', value: 'accessMethod' },
		{ name: 'ACS System', value: 'acsSystem' },
		{ name: 'ACS User', value: 'acsUser' },
		{ name: 'Credential (PIN Code)', value: 'credential' },
		{ name: 'Device', value: 'device' },
		{ name: 'Entrance', value: 'entrance' },
		{ name: 'Space', value: 'space' },
		{ name: 'User Identity', value: 'userIdentity' },
	],
	default: 'accessGrant',
};
