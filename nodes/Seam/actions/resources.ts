import * as accessGrant from './accessGrant';
import * as accessGroup from './accessGroup';
import * as accessCode from './accessCode';
import * as accessMethod from './accessMethod';
import * as acsCredential from './acsCredential';
import * as acsSystem from './acsSystem';
import * as acsUser from './acsUser';
import * as actionAttempt from './actionAttempt';
import * as device from './device';
import * as entrance from './entrance';
import * as event from './event';
import * as lock from './lock';
import type { SeamResource } from './registry';
import * as space from './space';
import * as stay from './stay';
import * as userIdentity from './userIdentity';

/** Every resource of the Seam node, once: the form's lists and the router both read this. */
export const resources: SeamResource[] = [
	{ value: 'accessCode', name: 'Access Code', operations: accessCode, defaultOperation: 'create' },
	{
		value: 'accessGrant',
		name: 'Access Grant',
		operations: accessGrant,
		defaultOperation: 'create',
	},
	{
		value: 'accessGroup',
		name: 'Access Group',
		operations: accessGroup,
		defaultOperation: 'getMany',
	},
	{
		value: 'accessMethod',
		name: 'Access Method',
		operations: accessMethod,
		defaultOperation: 'getMany',
	},
	{
		value: 'acsCredential',
		name: 'ACS Credential',
		operations: acsCredential,
		defaultOperation: 'create',
	},
	{ value: 'acsSystem', name: 'ACS System', operations: acsSystem, defaultOperation: 'getMany' },
	{ value: 'acsUser', name: 'ACS User', operations: acsUser, defaultOperation: 'create' },
	{
		value: 'actionAttempt',
		name: 'Action Attempt',
		operations: actionAttempt,
		defaultOperation: 'get',
	},
	{ value: 'device', name: 'Device', operations: device, defaultOperation: 'getMany' },
	{ value: 'entrance', name: 'Entrance', operations: entrance, defaultOperation: 'getMany' },
	{ value: 'event', name: 'Event', operations: event, defaultOperation: 'getMany' },
	{ value: 'lock', name: 'Lock', operations: lock, defaultOperation: 'unlock' },
	{ value: 'space', name: 'Space', operations: space, defaultOperation: 'getMany' },
	{ value: 'stay', name: 'Stay', operations: stay, defaultOperation: 'grantAccess' },
	{
		value: 'userIdentity',
		name: 'User Identity',
		operations: userIdentity,
		defaultOperation: 'create',
	},
];

export const DEFAULT_RESOURCE = 'accessGrant';
