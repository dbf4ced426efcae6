/**
 * The table of badInput.test.ts: for every operation of the Seam node, form values an expression
 * can produce (text, number, boolean, null, object, list, a missing key) that the node must refuse
 * before sending anything, with the message it must give.
 *
 * A row is [field as the form shows it, parameters over the operation's base, expected, input item].
 * Wrong-type messages are computed with the node's own describeValue, so they say what arrived
 * (`the number 42`, `an object {"a":1}`), never "[object Object]".
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { describeValue } from '../../nodes/Seam/shared/parameters';
import { byId, inDays } from '../helpers/seamTarget';
import { getSeedIds } from '../sandbox/seed';

export const seed = getSeedIds();

/** Objects the suite creates in the sandbox before the cases run. */
export interface Fixtures {
	/** A Salto KS user without an access schedule. */
	saltoUserId: string;
}

/** A value as an n8n expression resolving to exactly that JSON value: `={{ 42 }}`. */
export const e = (value: unknown): string => `={{ ${JSON.stringify(value)} }}`;
/** A resource locator (By ID) whose value is an expression resolving to `value`. */
export const id = (value: unknown) => byId(e(value));

/** A well-formed Seam ID that names nothing in the sandbox. */
export const SOME_ID = '33333333-3333-4333-8333-333333333333';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fieldPattern = (field: string) => escape(field);

export interface Expected {
	message: RegExp;
	/** describeValue of what arrived: the message or the description must show it. */
	arrived?: string;
}
/** What the node must say, given the field's label. */
export type Expectation = (field: string) => Expected;

const exactly =
	(tail: (field: string) => string, arrived?: string): Expectation =>
	(field) => ({ message: new RegExp(`^(?:${fieldPattern(field)})${tail(field)}$`), arrived });

/** `<Field> is required`: left empty, or the expression resolved to "", null, [] or nothing. */
export const required: Expectation = exactly(() => ' is required');

/** `<Field>: <describeValue(value)> is not <what>`. */
export const isNot = (value: unknown, what: string): Expectation =>
	exactly(() => escape(`: ${describeValue(value)} is not ${what}`), describeValue(value));

/** A text that is not a UUID: `<Field>: "guest-42" is not a Seam ID`. */
export const notAnId = (text: string): Expectation =>
	exactly(() => escape(`: ${JSON.stringify(text)} is not a Seam ID`), JSON.stringify(text));

/** `<Field>: "next tuesday" is not a valid date and time`. */
export const notADate = (text: string): Expectation =>
	exactly(() => escape(`: "${text}" is not a valid date and time`), `"${text}"`);

/** A message that is the same whatever the row's label (order of dates, provider rules…). */
export const says =
	(message: string): Expectation =>
	() => ({ message: new RegExp(`^${escape(message)}$`) });

export type Row = [
	field: string,
	parameters: INodeParameters,
	expected: Expectation,
	input?: IDataObject,
];

export interface OperationCases {
	/** Resource → Operation, as the form shows them. */
	title: string;
	/** Valid parameters; each row overrides some of them (shallowly). */
	base: (fixtures: Fixtures) => INodeParameters;
	rows: Row[];
}

const start = inDays(1);
const end = inDays(3);
const salto = byId(seed.saltoSystemId);
const { mainGroup } = seed.accessGroups;

const op =
	(resource: string, operation: string, rest: INodeParameters = {}) =>
	() => ({
		resource,
		operation,
		...rest,
	});

export const operations: OperationCases[] = [
	{
		title: 'Access Grant → Create',
		base: op('accessGrant', 'create', {
			grantTo: 'new',
			fullName: 'Grace Guest',
			deviceIds: [seed.devices.frontDoorLock],
			accessMethods: ['code'],
			startsAt: start,
			endsAt: end,
			waitUntilIssued: false,
		}),
		rows: [
			[
				'Grant To',
				{ grantTo: e('someone'), userIdentityId: byId(SOME_ID) },
				isNot('someone', 'one of the options'),
			],
			[
				'Grant To',
				{ grantTo: e(2), userIdentityId: byId(SOME_ID) },
				isNot(2, 'one of the options'),
			],
			['Grant To', { grantTo: e(null), userIdentityId: byId(SOME_ID) }, required],
			['User Identity', { grantTo: 'existing', userIdentityId: id(42) }, isNot(42, 'a Seam ID')],
			[
				'User Identity',
				{ grantTo: 'existing', userIdentityId: id('guest-42') },
				notAnId('guest-42'),
			],
			[
				'User Identity',
				{ grantTo: 'existing', userIdentityId: byId('={{ $json.identity }}') },
				required,
				{ name: 'Grace' },
			],
			['Full Name', { fullName: e(true) }, isNot(true, 'a text')],
			['Full Name', { fullName: e({ first: 'Grace' }) }, isNot({ first: 'Grace' }, 'a text')],
			['Full Name', { fullName: '={{ $json.name }}' }, required, { guest: 'Grace' }],
			['Email', { email: e(['grace@example.com']) }, isNot(['grace@example.com'], 'a text')],
			['Phone Number', { phoneNumber: e(true) }, isNot(true, 'a text')],
			['Device Names or IDs', { deviceIds: e(42) }, isNot(42, 'a list of Seam IDs')],
			['Device Names or IDs', { deviceIds: e(['front-door']) }, notAnId('front-door')],
			[
				'Entrance Names or IDs',
				{ entranceIds: e({ id: seed.entrances.lobby }) },
				isNot({ id: seed.entrances.lobby }, 'a list of Seam IDs'),
			],
			['Space Names or IDs', { spaceIds: e([true]) }, isNot(true, 'a Seam ID')],
			[
				'Device Names or IDs',
				{ deviceIds: e([]), entranceIds: e(null), spaceIds: e('') },
				says('Choose at least one device, entrance or space'),
			],
			['Access Methods', { accessMethods: e('pin') }, isNot('pin', 'one of the options')],
			['Access Methods', { accessMethods: e(42) }, isNot(42, 'a list of options')],
			['Access Methods', { accessMethods: e([]) }, required],
			[
				'Access Methods',
				{ accessMethods: e(['code', { mode: 'card' }]) },
				isNot({ mode: 'card' }, 'one of the options'),
			],
			['Starts At', { startsAt: e('next tuesday') }, notADate('next tuesday')],
			['Starts At', { startsAt: e(1767225600) }, isNot(1767225600, 'a valid date and time')],
			['Starts At', { startsAt: e(true) }, isNot(true, 'a valid date and time')],
			['Starts At', { startsAt: e(null) }, required],
			[
				'Ends At',
				{ endsAt: e({ date: '2031-01-12' }) },
				isNot({ date: '2031-01-12' }, 'a valid date and time'),
			],
			[
				'Ends At',
				{ endsAt: e(['2031-01-12T10:00:00Z']) },
				isNot(['2031-01-12T10:00:00Z'], 'a valid date and time'),
			],
			[
				'Ends At',
				{ startsAt: inDays(3), endsAt: inDays(2) },
				says('Ends At must be after Starts At'),
			],
			[
				'Ends At',
				{ startsAt: inDays(3), endsAt: inDays(3) },
				says('Ends At must be after Starts At'),
			],
			[
				'Custom PIN Code',
				{ options: { code: '12ab' } },
				says('Custom PIN Code must contain digits only'),
			],
			[
				'Custom PIN Code',
				{ options: { code: e(123) } },
				says('Custom PIN Code must have 4 to 9 digits'),
			],
			[
				'Custom PIN Code',
				{ options: { code: e('1234567890') } },
				says('Custom PIN Code must have 4 to 9 digits'),
			],
			['Custom PIN Code', { options: { code: e(true) } }, isNot(true, 'a PIN code')],
			['Custom PIN Code', { options: { code: e(48.21) } }, isNot(48.21, 'a PIN code')],
			[
				'Custom PIN Code',
				{ accessMethods: ['card'], options: { code: '4821' } },
				says('Custom PIN Code needs the PIN Code access method'),
			],
			['Name', { options: { name: e(false) } }, isNot(false, 'a text')],
			['Access Grant Key', { accessGrantKey: e({ id: 4711 }) }, isNot({ id: 4711 }, 'a text')],
			['Wait Until Issued', { waitUntilIssued: e('yes') }, isNot('yes', 'true or false')],
			[
				'Wait Timeout (Seconds)',
				{ options: { waitTimeout: e(0) } },
				isNot(0, 'a whole number from 1 to 300'),
			],
			[
				'Wait Timeout (Seconds)',
				{ options: { waitTimeout: e('soon') } },
				isNot('soon', 'a whole number from 1 to 300'),
			],
			[
				'Allow Access Without End',
				{ options: { allowAccessWithoutEnd: e('sometimes') } },
				isNot('sometimes', 'true or false'),
			],
		],
	},
	{
		title: 'Access Grant → Delete',
		base: op('accessGrant', 'delete'),
		rows: [
			['Access Grant', { accessGrantId: id(42) }, isNot(42, 'a Seam ID')],
			['Access Grant', { accessGrantId: id('reservation-4711') }, notAnId('reservation-4711')],
			['Access Grant', { accessGrantId: id('') }, required],
			['Access Grant', { accessGrantId: id({ a: 1 }) }, isNot({ a: 1 }, 'a Seam ID')],
		],
	},
	{
		title: 'Access Grant → Get',
		base: op('accessGrant', 'get', { getBy: 'id', accessGrantId: byId(SOME_ID) }),
		rows: [
			['Get By', { getBy: e('name'), accessGrantKey: 'r-1' }, isNot('name', 'one of the options')],
			['Get By', { getBy: e(true), accessGrantKey: 'r-1' }, isNot(true, 'one of the options')],
			['Get By', { getBy: e(null), accessGrantKey: 'r-1' }, required],
			['Access Grant', { accessGrantId: id({ a: 1 }) }, isNot({ a: 1 }, 'a Seam ID')],
			['Access Grant', { accessGrantId: id(null) }, required],
			['Access Grant Key', { getBy: 'key', accessGrantKey: e(null) }, required],
			['Access Grant Key', { getBy: 'key', accessGrantKey: e(['r-1']) }, isNot(['r-1'], 'a text')],
		],
	},
	{
		title: 'Access Grant → Get Many',
		base: op('accessGrant', 'getMany'),
		rows: [
			['Limit', { limit: e(-1) }, isNot(-1, 'a whole number from 1 to 500')],
			['Limit', { limit: e({}) }, isNot({}, 'a whole number from 1 to 500')],
			['Return All', { returnAll: e('yes') }, isNot('yes', 'true or false')],
			['User Identity', { filters: { userIdentityId: id(42) } }, isNot(42, 'a Seam ID')],
			['User Identity', { filters: { userIdentityId: id('jane') } }, notAnId('jane')],
			['Access Grant Key', { filters: { accessGrantKey: e(true) } }, isNot(true, 'a text')],
			['Device', { filters: { deviceId: id('front-door') } }, notAnId('front-door')],
			['Device', { filters: { deviceId: id([SOME_ID]) } }, isNot([SOME_ID], 'a Seam ID')],
			['Device', { filters: { deviceId: e('front-door') } }, notAnId('front-door')],
			['Entrance', { filters: { entranceId: id(42) } }, isNot(42, 'a Seam ID')],
			['Entrance', { filters: { entranceId: id('lobby') } }, notAnId('lobby')],
			['Space', { filters: { spaceId: id({ a: 1 }) } }, isNot({ a: 1 }, 'a Seam ID')],
			['Space', { filters: { spaceId: id('unit-101') } }, notAnId('unit-101')],
		],
	},
	{
		title: 'Access Grant → Update',
		base: op('accessGrant', 'update', {
			accessGrantId: byId(SOME_ID),
			updateFields: { name: 'Stay of Grace' },
		}),
		rows: [
			['Access Grant', { accessGrantId: id(true) }, isNot(true, 'a Seam ID')],
			['Access Grant', { accessGrantId: id([]) }, required],
			['Starts At', { updateFields: { startsAt: e('tomorrow') } }, notADate('tomorrow')],
			[
				'Ends At',
				{ updateFields: { endsAt: e(1767225600) } },
				isNot(1767225600, 'a valid date and time'),
			],
			['Name', { updateFields: { name: e(false) } }, isNot(false, 'a text')],
			[
				'Ends At',
				{ updateFields: { startsAt: inDays(3), endsAt: inDays(2) } },
				says('Ends At must be after Starts At'),
			],
			['Update Fields', { updateFields: {} }, says('Nothing to update')],
		],
	},
	{
		title: 'Access Method → Get',
		base: op('accessMethod', 'get'),
		rows: [
			['Access Method', { accessMethodId: id(42) }, isNot(42, 'a Seam ID')],
			['Access Method', { accessMethodId: id('pin-1') }, notAnId('pin-1')],
			['Access Method', { accessMethodId: id([]) }, required],
		],
	},
	{
		title: 'Access Method → Get Many',
		base: op('accessMethod', 'getMany', { listBy: 'accessGrant', accessGrantId: byId(SOME_ID) }),
		rows: [
			...(['guest', 3, null] as const).map(
				(value): Row => [
					'List By',
					{
						listBy: e(value),
						deviceId: byId(SOME_ID),
						entranceId: byId(SOME_ID),
						spaceId: byId(SOME_ID),
					},
					value === null ? required : isNot(value, 'one of the options'),
				],
			),
			['Access Grant', { accessGrantId: id('guest-42') }, notAnId('guest-42')],
			['Device', { listBy: 'device', deviceId: id(42) }, isNot(42, 'a Seam ID')],
			['Entrance', { listBy: 'entrance', entranceId: id(null) }, required],
			['Space', { listBy: 'space', spaceId: id({ a: 1 }) }, isNot({ a: 1 }, 'a Seam ID')],
			['Limit', { limit: e(2.5) }, isNot(2.5, 'a whole number from 1 to 500')],
			['Return All', { returnAll: e(1) }, isNot(1, 'true or false')],
		],
	},
	{
		title: 'Access Method → Get Related',
		base: op('accessMethod', 'getRelated'),
		rows: [
			['Access Method', { accessMethodId: id(true) }, isNot(true, 'a Seam ID')],
			['Access Method', { accessMethodId: id('') }, required],
			['Access Method', { accessMethodId: id('guest-42') }, notAnId('guest-42')],
		],
	},
	{
		title: 'Device → Get Many',
		base: op('device', 'getMany'),
		rows: [
			['Space', { filters: { spaceId: id('unit-101') } }, notAnId('unit-101')],
			['Space', { filters: { spaceId: id(101) } }, isNot(101, 'a Seam ID')],
			['Search', { filters: { search: e({ q: 'front' }) } }, isNot({ q: 'front' }, 'a text')],
			[
				'PIN Capable Only',
				{ filters: { pinCapable: e('maybe') } },
				isNot('maybe', 'true or false'),
			],
			['Limit', { limit: e(501) }, isNot(501, 'a whole number from 1 to 500')],
			['Limit', { limit: e('ten') }, isNot('ten', 'a whole number from 1 to 500')],
		],
	},
	{
		title: 'Space → Get Many',
		base: op('space', 'getMany'),
		rows: [
			['Search', { filters: { search: e(true) } }, isNot(true, 'a text')],
			['Limit', { limit: e(0) }, isNot(0, 'a whole number from 1 to 500')],
			['Limit', { limit: e([3]) }, isNot([3], 'a whole number from 1 to 500')],
			['Return All', { returnAll: e('yes') }, isNot('yes', 'true or false')],
		],
	},
	{
		title: 'ACS System → Get',
		base: op('acsSystem', 'get'),
		rows: [
			['ACS System', { acsSystemId: id(42) }, isNot(42, 'a Seam ID')],
			['ACS System', { acsSystemId: id('main-site') }, notAnId('main-site')],
			['ACS System', { acsSystemId: id('') }, required],
			['ACS System', { acsSystemId: id({ a: 1 }) }, isNot({ a: 1 }, 'a Seam ID')],
		],
	},
	{
		title: 'ACS System → Get Many',
		base: op('acsSystem', 'getMany'),
		rows: [
			['Search', { filters: { search: e(['Main']) } }, isNot(['Main'], 'a text')],
			['Limit', { limit: e(-1) }, isNot(-1, 'a whole number from 1 to 500')],
			['Return All', { returnAll: e({}) }, isNot({}, 'true or false')],
		],
	},
	{
		title: 'ACS User → Create',
		base: op('acsUser', 'create', { acsSystemId: salto, fullName: 'Ada Guest' }),
		rows: [
			['ACS System', { acsSystemId: id(null) }, required],
			['ACS System', { acsSystemId: id(42) }, isNot(42, 'a Seam ID')],
			['Full Name', { fullName: e(true) }, isNot(true, 'a text')],
			['Full Name', { fullName: e({ first: 'Ada' }) }, isNot({ first: 'Ada' }, 'a text')],
			['Full Name', { fullName: e(['Ada']) }, isNot(['Ada'], 'a text')],
			['Full Name', { fullName: e(null) }, required],
			['Full Name', { fullName: '={{ $json.name }}' }, required, { email: 'ada@example.com' }],
			['Access Starts At', { startsAt: e('next tuesday'), endsAt: end }, notADate('next tuesday')],
			[
				'Access Ends At',
				{ startsAt: start, endsAt: e(1767225600) },
				isNot(1767225600, 'a valid date and time'),
			],
			[
				'Access Ends At',
				{ startsAt: inDays(3), endsAt: inDays(1) },
				says('Access Ends At must be after Access Starts At'),
			],
			[
				'Access Groups to Join Names or IDs',
				{ startsAt: start, endsAt: end, accessGroupIds: e(42) },
				isNot(42, 'a list of Seam IDs'),
			],
			[
				'Access Groups to Join Names or IDs',
				{ startsAt: start, endsAt: end, accessGroupIds: e(['main-group']) },
				notAnId('main-group'),
			],
			['Email', { additionalFields: { email: e({ a: 1 }) } }, isNot({ a: 1 }, 'a text')],
			['Phone Number', { additionalFields: { phoneNumber: e(true) } }, isNot(true, 'a text')],
			[
				'Allow Access Without End',
				{ additionalFields: { allowAccessWithoutEnd: e('yes') } },
				isNot('yes', 'true or false'),
			],
			['User Identity', { userIdentityId: id(42) }, isNot(42, 'a Seam ID')],
			['User Identity', { userIdentityId: id('jane') }, notAnId('jane')],
		],
	},
	{
		title: 'ACS User → Get',
		base: op('acsUser', 'get'),
		rows: [
			['ACS User', { acsUserId: id(42) }, isNot(42, 'a Seam ID')],
			['ACS User', { acsUserId: id('guest-42') }, notAnId('guest-42')],
		],
	},
	{
		title: 'ACS User → Get Many',
		base: op('acsUser', 'getMany'),
		rows: [
			['ACS System', { acsSystemId: id(42) }, isNot(42, 'a Seam ID')],
			['User Identity', { filters: { userIdentityId: id('guest-42') } }, notAnId('guest-42')],
			['User Identity', { filters: { userIdentityId: id(42) } }, isNot(42, 'a Seam ID')],
			['Search', { filters: { search: e({ a: 1 }) } }, isNot({ a: 1 }, 'a text')],
			['Limit', { limit: e(true) }, isNot(true, 'a whole number from 1 to 500')],
			['Return All', { returnAll: e('all') }, isNot('all', 'true or false')],
		],
	},
	{
		title: 'ACS User → Update',
		base: op('acsUser', 'update', {
			acsUserId: byId(SOME_ID),
			updateFields: { fullName: 'Ada Lovelace' },
		}),
		rows: [
			['ACS User', { acsUserId: id('') }, required],
			['ACS User', { acsUserId: id(false) }, isNot(false, 'a Seam ID')],
			['Full Name', { updateFields: { fullName: e(['Ada']) } }, isNot(['Ada'], 'a text')],
			['Email', { updateFields: { email: e(true) } }, isNot(true, 'a text')],
			['Phone Number', { updateFields: { phoneNumber: e({ a: 1 }) } }, isNot({ a: 1 }, 'a text')],
			['Access Starts At', { startsAt: e('soon'), endsAt: end }, notADate('soon')],
			[
				'Access Ends At',
				{ startsAt: inDays(3), endsAt: inDays(2) },
				says('Access Ends At must be after Access Starts At'),
			],
			['Update Fields', { updateFields: {} }, says('Nothing to update')],
		],
	},
	{
		title: 'ACS User → Delete',
		base: op('acsUser', 'delete'),
		rows: [
			['ACS User', { acsUserId: id({ a: 1 }) }, isNot({ a: 1 }, 'a Seam ID')],
			['ACS User', { acsUserId: id('') }, required],
		],
	},
	{
		title: 'ACS User → Suspend',
		base: op('acsUser', 'suspend'),
		rows: [
			['ACS User', { acsUserId: id(true) }, isNot(true, 'a Seam ID')],
			['ACS User', { acsUserId: id([SOME_ID, SOME_ID]) }, isNot([SOME_ID, SOME_ID], 'a Seam ID')],
		],
	},
	{
		title: 'ACS User → Unsuspend',
		base: op('acsUser', 'unsuspend'),
		rows: [
			['ACS User', { acsUserId: id(null) }, required],
			['ACS User', { acsUserId: id('ada guest') }, notAnId('ada guest')],
		],
	},
	{
		title: 'ACS User → List Accessible Entrances',
		base: op('acsUser', 'listAccessibleEntrances'),
		rows: [
			['ACS User', { acsUserId: id(7) }, isNot(7, 'a Seam ID')],
			['ACS User', { acsUserId: byId('={{ $json.acs_user_id }}') }, required, { full_name: 'Ada' }],
		],
	},
	{
		title: 'ACS User → Add to Access Group',
		base: op('acsUser', 'addToAccessGroup', {
			acsSystemId: salto,
			acsUserId: byId(SOME_ID),
			accessGroupIds: [mainGroup],
		}),
		rows: [
			['ACS System', { acsSystemId: id(42) }, isNot(42, 'a Seam ID')],
			['ACS User', { acsUserId: id(42) }, isNot(42, 'a Seam ID')],
			['Access Group Names or IDs', { accessGroupIds: e([]) }, required],
			['Access Group Names or IDs', { accessGroupIds: e(42) }, isNot(42, 'a list of Seam IDs')],
			['Access Group Names or IDs', { accessGroupIds: e('main-group') }, notAnId('main-group')],
			['Access Group Names or IDs', { accessGroupIds: e([mainGroup, 7]) }, isNot(7, 'a Seam ID')],
		],
	},
	{
		title: 'ACS User → Remove From Access Group',
		base: op('acsUser', 'removeFromAccessGroup', {
			acsSystemId: salto,
			acsUserId: byId(SOME_ID),
			accessGroupIds: [mainGroup],
		}),
		rows: [
			['ACS User', { acsUserId: id('guest-42') }, notAnId('guest-42')],
			[
				'Access Group Names or IDs',
				{ accessGroupIds: e({ id: mainGroup }) },
				isNot({ id: mainGroup }, 'a list of Seam IDs'),
			],
			['Access Group Names or IDs', { accessGroupIds: e(null) }, required],
			['Access Group Names or IDs', { accessGroupIds: e([' ', '']) }, required],
		],
	},
	{
		title: 'Access Group → Get',
		base: op('accessGroup', 'get'),
		rows: [
			['Access Group', { accessGroupId: id(42) }, isNot(42, 'a Seam ID')],
			['Access Group', { accessGroupId: id('Main Group') }, notAnId('Main Group')],
		],
	},
	{
		title: 'Access Group → Get Many',
		base: op('accessGroup', 'getMany', { acsSystemId: salto }),
		rows: [
			['ACS System', { acsSystemId: id('') }, required],
			['ACS System', { acsSystemId: id(true) }, isNot(true, 'a Seam ID')],
			['Search', { filters: { search: e(true) } }, isNot(true, 'a text')],
			['Limit', { limit: e('ten') }, isNot('ten', 'a whole number from 1 to 500')],
			['Return All', { returnAll: e('yes') }, isNot('yes', 'true or false')],
		],
	},
	{
		title: 'Access Group → List Users',
		base: op('accessGroup', 'listUsers'),
		rows: [
			['Access Group', { accessGroupId: id({ a: 1 }) }, isNot({ a: 1 }, 'a Seam ID')],
			['Access Group', { accessGroupId: id(null) }, required],
		],
	},
	{
		title: 'Access Group → List Accessible Entrances',
		base: op('accessGroup', 'listAccessibleEntrances'),
		rows: [
			['Access Group', { accessGroupId: id([]) }, required],
			['Access Group', { accessGroupId: id('staff') }, notAnId('staff')],
		],
	},
	{
		title: 'Credential → Create PIN Code',
		base: op('acsCredential', 'create', {
			acsSystemId: salto,
			acsUserId: byId(SOME_ID),
			startsAt: start,
			endsAt: end,
		}),
		rows: [
			['ACS System', { acsSystemId: id(42) }, isNot(42, 'a Seam ID')],
			['ACS User', { acsUserId: id('guest-42') }, notAnId('guest-42')],
			['ACS User', { acsUserId: id(null) }, required],
			['Allowed Entrance Names or IDs', { entranceIds: e(42) }, isNot(42, 'a list of Seam IDs')],
			['Allowed Entrance Names or IDs', { entranceIds: e(['lobby']) }, notAnId('lobby')],
			['Valid From', { startsAt: e('next tuesday') }, notADate('next tuesday')],
			['Valid From', { startsAt: e(1767225600) }, isNot(1767225600, 'a valid date and time')],
			['Valid Until', { endsAt: e(true) }, isNot(true, 'a valid date and time')],
			[
				'Valid Until',
				{ startsAt: inDays(3), endsAt: inDays(2) },
				says('Valid Until must be after Valid From'),
			],
			[
				'Custom Code',
				{ options: { code: '12ab56' } },
				says('Custom Code must contain digits only'),
			],
			['Custom Code', { options: { code: '12' } }, says('Custom Code must have 4 to 12 digits')],
			['Custom Code', { options: { code: e(true) } }, isNot(true, 'a PIN code')],
			['Custom Code', { options: { code: e(-1234) } }, isNot(-1234, 'a PIN code')],
			['Wait for the PIN Code', { waitForCode: e('yes') }, isNot('yes', 'true or false')],
			[
				'Wait Timeout (Seconds)',
				{ options: { waitTimeout: e(301) } },
				isNot(301, 'a whole number from 1 to 300'),
			],
			[
				'Allow Access Without End',
				{ endsAt: e(null), options: { allowAccessWithoutEnd: e('yes') } },
				isNot('yes', 'true or false'),
			],
		],
	},
	{
		title: 'Credential → Delete',
		base: op('acsCredential', 'delete'),
		rows: [
			['Credential', { credentialId: id(42) }, isNot(42, 'a Seam ID')],
			['Credential', { credentialId: id('') }, required],
		],
	},
	{
		title: 'Credential → Get',
		base: op('acsCredential', 'get'),
		rows: [
			['Credential', { credentialId: id('1234') }, notAnId('1234')],
			['Credential', { credentialId: id({ a: 1 }) }, isNot({ a: 1 }, 'a Seam ID')],
		],
	},
	{
		title: 'Credential → Get Many',
		base: op('acsCredential', 'getMany', { acsSystemId: salto }),
		rows: [
			['ACS System', { acsSystemId: id(null) }, required],
			['ACS User', { acsUserId: id(42) }, isNot(42, 'a Seam ID')],
			['Limit', { limit: e({}) }, isNot({}, 'a whole number from 1 to 500')],
			['Return All', { returnAll: e('yes') }, isNot('yes', 'true or false')],
		],
	},
	{
		title: 'Credential → List Accessible Entrances',
		base: op('acsCredential', 'listAccessibleEntrances'),
		rows: [
			['Credential', { credentialId: id(true) }, isNot(true, 'a Seam ID')],
			['Credential', { credentialId: id([]) }, required],
		],
	},
	{
		title: 'Entrance → Get',
		base: op('entrance', 'get'),
		rows: [
			['Entrance', { entranceId: id(42) }, isNot(42, 'a Seam ID')],
			['Entrance', { entranceId: id('lobby') }, notAnId('lobby')],
			['Entrance', { entranceId: id(null) }, required],
			[
				'Timeout (Seconds)',
				{ entranceId: byId(SOME_ID), requestOptions: { timeout: e(0) } },
				isNot(0, 'a whole number from 1 to 300'),
			],
			[
				'Timeout (Seconds)',
				{ entranceId: byId(SOME_ID), requestOptions: { timeout: e('thirty') } },
				isNot('thirty', 'a whole number from 1 to 300'),
			],
			[
				'Timeout (Seconds)',
				{ entranceId: byId(SOME_ID), requestOptions: { timeout: e({ seconds: 30 }) } },
				isNot({ seconds: 30 }, 'a whole number from 1 to 300'),
			],
		],
	},
	{
		title: 'Entrance → Get Many',
		base: op('entrance', 'getMany'),
		rows: [
			['ACS System', { acsSystemId: id(true) }, isNot(true, 'a Seam ID')],
			['Search', { filters: { search: e([1]) } }, isNot([1], 'a text')],
			[
				'Unlockable With Code Only',
				{ filters: { canUnlockWithCode: e('often') } },
				isNot('often', 'true or false'),
			],
			['Limit', { limit: e('ten') }, isNot('ten', 'a whole number from 1 to 500')],
			['Limit', { limit: e(2.5) }, isNot(2.5, 'a whole number from 1 to 500')],
		],
	},
	{
		title: 'Stay → Grant or Update Access',
		base: op('stay', 'grantAccess', {
			reservationId: 'R-77',
			guestName: 'Grace Guest',
			doorsBy: 'spaceKeys',
			spaceKeys: 'unit-101',
			checkIn: start,
			checkOut: end,
			waitUntilIssued: false,
		}),
		rows: [
			['Reservation ID', { reservationId: e(null) }, required],
			['Reservation ID', { reservationId: e({ id: 77 }) }, isNot({ id: 77 }, 'a text')],
			['Reservation ID', { reservationId: '={{ $json.booking }}' }, required, { id: 'R-77' }],
			['Guest Name', { guestName: e(false) }, isNot(false, 'a text')],
			['Guest Name', { guestName: e('  ') }, required],
			['Guest Email', { guestEmail: e(['a@b.c']) }, isNot(['a@b.c'], 'a text')],
			['Guest Phone', { guestPhone: e(true) }, isNot(true, 'a text')],
			[
				'Doors',
				{
					doorsBy: e('unit'),
					spaceIds: [seed.spaces.unit101],
					deviceIds: [seed.devices.frontDoorLock],
					entranceIds: [seed.entrances.room101],
				},
				isNot('unit', 'one of the options'),
			],
			['Unit Keys', { spaceKeys: e('') }, says('Unit Keys is required')],
			['Unit Keys', { spaceKeys: e([]) }, says('Unit Keys is required')],
			['Space Names or IDs', { doorsBy: 'spaces', spaceIds: e(['unit-101']) }, notAnId('unit-101')],
			[
				'Device Names or IDs',
				{ doorsBy: 'devices', deviceIds: e(7) },
				isNot(7, 'a list of Seam IDs'),
			],
			['Check-In', { checkIn: e('next friday') }, notADate('next friday')],
			['Check-In', { checkIn: e(1767225600) }, isNot(1767225600, 'a valid date and time')],
			['Check-In', { checkIn: e(null) }, required],
			[
				'Check-Out',
				{ checkOut: e({ date: '2031-01-12' }) },
				isNot({ date: '2031-01-12' }, 'a valid date and time'),
			],
			['Check-Out', { checkOut: '={{ $json.checkout }}' }, required, { guest: 'Grace' }],
			['Check-Out', { checkIn: end, checkOut: start }, says('Check-Out must be after Check-In')],
			['Check-In', { datesAre: 'dates', checkIn: e('4 December') }, isNot('4 December', 'a date')],
			[
				'Check-In Time',
				{ datesAre: 'dates', checkInTime: e('noon') },
				isNot('noon', 'a time of day'),
			],
			[
				'Check-Out Time',
				{ datesAre: 'dates', checkOutTime: e('25:00') },
				isNot('25:00', 'a time of day'),
			],
			['PIN', { pinChoice: e('mine'), pinCode: '4821' }, isNot('mine', 'one of the options')],
			[
				'Custom PIN',
				{ pinChoice: 'custom', pinCode: e('12a4') },
				(field) => ({ message: new RegExp(`^${field}`) }),
			],
			['Custom PIN', { pinChoice: 'custom', pinCode: e(null) }, required],
			[
				'Guest Phone',
				{ pinChoice: 'phoneDigits', guestPhone: e(null) },
				says("Guest Phone is required for a PIN from the guest's phone"),
			],
			[
				'Number of Digits',
				{ pinChoice: 'phoneDigits', guestPhone: '+15550101234', phoneDigitCount: e(7) },
				isNot(7, 'a whole number from 4 to 6'),
			],
			[
				'Access Starts Before Check-In (Minutes)',
				{ options: { bufferBeforeCheckIn: e(-5) } },
				isNot(-5, 'a whole number from 0 to 10080'),
			],
			[
				'Property Time Zone',
				{ options: { timeZone: e('CET+1') } },
				says('Property Time Zone: "CET+1" is not a time zone'),
			],
		],
	},
	{
		title: 'Stay → End Stay',
		base: op('stay', 'end', { reservationId: 'R-77' }),
		rows: [
			['Reservation ID', { reservationId: e(null) }, required],
			['Reservation ID', { reservationId: e([1]) }, isNot([1], 'a text')],
			[
				'Error If Not Found',
				{ options: { errorIfNotFound: e('maybe') } },
				isNot('maybe', 'true or false'),
			],
		],
	},
	{
		title: 'Stay → Get Stay',
		base: op('stay', 'get', { reservationId: 'R-77' }),
		rows: [
			['Reservation ID', { reservationId: e('') }, required],
			[
				'Look Up By',
				{ lookUpBy: e('guest'), accessGrantId: byId(SOME_ID) },
				isNot('guest', 'one of the options'),
			],
			['Access Grant', { lookUpBy: 'accessGrantId', accessGrantId: id('g-1') }, notAnId('g-1')],
		],
	},
	{
		title: 'User Identity → Create',
		base: op('userIdentity', 'create', { fullName: 'Jane Guest' }),
		rows: [
			['Full Name', { fullName: e(true) }, isNot(true, 'a text')],
			['Full Name', { fullName: e({ a: 1 }) }, isNot({ a: 1 }, 'a text')],
			['Full Name', { fullName: e(null) }, required],
			['Full Name', { fullName: '={{ $json.name }}' }, required, { email: 'jane@example.com' }],
			[
				'Email',
				{ additionalFields: { email: e(['jane@example.com']) } },
				isNot(['jane@example.com'], 'a text'),
			],
			['Phone Number', { additionalFields: { phoneNumber: e(false) } }, isNot(false, 'a text')],
			[
				'User Identity Key',
				{ additionalFields: { userIdentityKey: e({ id: 1 }) } },
				isNot({ id: 1 }, 'a text'),
			],
		],
	},
	{
		title: 'User Identity → Get',
		base: op('userIdentity', 'get'),
		rows: [
			['User Identity', { userIdentityId: id(42) }, isNot(42, 'a Seam ID')],
			['User Identity', { userIdentityId: id('jane') }, notAnId('jane')],
			['User Identity', { userIdentityId: id('') }, required],
		],
	},
	{
		title: 'User Identity → Get Many',
		base: op('userIdentity', 'getMany'),
		rows: [
			['Search', { filters: { search: e(true) } }, isNot(true, 'a text')],
			['Limit', { limit: e(501) }, isNot(501, 'a whole number from 1 to 500')],
			['Return All', { returnAll: e('sure') }, isNot('sure', 'true or false')],
		],
	},
];

/**
 * Access that never ends must be chosen, never fallen into: an empty end (a booking without its
 * check-out) is refused unless "Allow Access Without End" is on.
 *
 * 'none': no request at all. 'noWrite': reads are allowed (Credential → Create reads the ACS user
 * to see whether their access schedule ends) but nothing is created, updated or deleted.
 */
export type SecurityRow = [
	operation: string,
	field: string,
	parameters: (fixtures: Fixtures) => INodeParameters,
	requests: 'none' | 'noWrite',
	input?: IDataObject,
];

const grant = (endsAt: string, options: INodeParameters = {}) =>
	op('accessGrant', 'create', {
		fullName: 'Grace Guest',
		deviceIds: [seed.devices.frontDoorLock],
		startsAt: start,
		endsAt,
		waitUntilIssued: false,
		options,
	});
const credential =
	(endsAt: string, options: INodeParameters = {}) =>
	(f: Fixtures) =>
		op('acsCredential', 'create', {
			acsSystemId: salto,
			acsUserId: byId(f.saltoUserId),
			startsAt: start,
			endsAt,
			options,
		})();
const joiner = (schedule: INodeParameters, additionalFields: INodeParameters = {}) =>
	op('acsUser', 'create', {
		acsSystemId: salto,
		fullName: 'Open Oscar',
		accessGroupIds: [mainGroup],
		...schedule,
		additionalFields,
	});

const stay = (checkOut: string, datesAre = 'dateTimes') =>
	op('stay', 'grantAccess', {
		reservationId: 'R-88',
		guestName: 'Grace Guest',
		doorsBy: 'spaceKeys',
		spaceKeys: 'unit-101',
		datesAre,
		checkIn: start,
		checkOut,
	});

const checkout = '={{ $json.checkout }}';
const noCheckout = { checkin: start, guest: 'Grace' };
const switchedOff = { allowAccessWithoutEnd: false };
const switchedOffAsText = { allowAccessWithoutEnd: e('false') };

export const securityRows: SecurityRow[] = [
	['Access Grant → Create', 'Ends At', grant(checkout), 'none', noCheckout],
	['Access Grant → Create', 'Ends At', grant(e(null)), 'none'],
	['Access Grant → Create', 'Ends At', grant(e('')), 'none'],
	['Access Grant → Create', 'Ends At', grant(e('   ')), 'none'],
	['Access Grant → Create', 'Ends At', grant(e([])), 'none'],
	['Access Grant → Create', 'Ends At', grant(e(null), switchedOff), 'none'],
	['Access Grant → Create', 'Ends At', grant(e(null), switchedOffAsText), 'none'],
	['Credential → Create PIN Code', 'Valid Until', credential(checkout), 'noWrite', noCheckout],
	['Credential → Create PIN Code', 'Valid Until', credential(e(null)), 'noWrite'],
	['Credential → Create PIN Code', 'Valid Until', credential(e('')), 'noWrite'],
	['Credential → Create PIN Code', 'Valid Until', credential(e(null), switchedOff), 'noWrite'],
	['Stay → Grant or Update Access', 'Check-Out', stay(checkout), 'none', noCheckout],
	['Stay → Grant or Update Access', 'Check-Out', stay(e(null)), 'none'],
	['Stay → Grant or Update Access', 'Check-Out', stay(e('')), 'none'],
	['Stay → Grant or Update Access', 'Check-Out', stay(e([])), 'none'],
	['Stay → Grant or Update Access', 'Check-Out', stay(e(null), 'dates'), 'none'],
	['ACS User → Create', 'Access Ends At', joiner({}), 'none'],
	[
		'ACS User → Create',
		'Access Ends At',
		joiner({ startsAt: start, endsAt: checkout }),
		'none',
		noCheckout,
	],
	['ACS User → Create', 'Access Ends At', joiner({ startsAt: e(null), endsAt: e(null) }), 'none'],
	['ACS User → Create', 'Access Ends At', joiner({}, switchedOff), 'none'],
];

// Seam's low-level lock API: Lock, Event and Action Attempt (appended, so other tables' rows
// can be appended the same way without touching these).
const frontDoor = byId(seed.devices.frontDoorLock);
const lockRows = (resourceOperation: string): Row[] => [
	['Lock', { deviceId: id('front-door') }, notAnId('front-door')],
	['Lock', { deviceId: id(7) }, isNot(7, 'a Seam ID')],
	['Lock', { deviceId: id('') }, required],
	...(resourceOperation === 'get'
		? []
		: ([
				['Wait for the Result', { waitForResult: e('maybe') }, isNot('maybe', 'true or false')],
				[
					'Wait Timeout (Seconds)',
					{ options: { waitTimeout: e(0) } },
					isNot(0, 'a whole number from 1 to 300'),
				],
			] as Row[])),
];
const since = '2026-01-01T00:00:00.000Z';

operations.push(
	{
		title: 'Lock → Unlock',
		base: op('lock', 'unlock', { deviceId: frontDoor }),
		rows: lockRows('unlock'),
	},
	{
		title: 'Lock → Lock',
		base: op('lock', 'lock', { deviceId: frontDoor }),
		rows: lockRows('lock'),
	},
	{
		title: 'Lock → Get',
		base: op('lock', 'get', { deviceId: frontDoor }),
		rows: lockRows('get'),
	},
	{
		title: 'Lock → Get Many',
		base: op('lock', 'getMany'),
		rows: [
			['Space', { filters: { spaceId: id('unit-101') } }, notAnId('unit-101')],
			['Search', { filters: { search: e(['front']) } }, isNot(['front'], 'a text')],
			['Limit', { limit: e(501) }, isNot(501, 'a whole number from 1 to 500')],
		],
	},
	{
		title: 'Event → Get Many',
		base: op('event', 'getMany', { since }),
		rows: [
			['Since', { since: e('') }, required],
			['Since', { since: e(null) }, required],
			['Since', { since: '={{ $json.from }}' }, required, { to: since }],
			['Since', { since: e('next tuesday') }, notADate('next tuesday')],
			['Since', { since: e(1767225600) }, isNot(1767225600, 'a valid date and time')],
			['After', { period: 'between', after: e(null), before: end }, required],
			['Before', { period: 'between', after: start, before: e('') }, required],
			[
				'Before',
				{ period: 'between', after: end, before: start },
				says('Before must be later than After'),
			],
			[
				'Before',
				{ period: 'between', after: start, before: start },
				says('Before must be later than After'),
			],
			['Lock', { filters: { deviceId: id('front') } }, notAnId('front')],
			['Access Grant', { filters: { accessGrantId: id(5) } }, isNot(5, 'a Seam ID')],
			['Access Code ID', { filters: { accessCodeId: e('code-1') } }, notAnId('code-1')],
			['Space', { filters: { spaceId: id(true) } }, isNot(true, 'a Seam ID')],
			['Event Types', { filters: { eventTypes: e(42) } }, isNot(42, 'a list of event types')],
			[
				'Event Types',
				{ filters: { eventTypes: e(['unlock']) } },
				says('Event Types: "unlock" is not a Seam event type'),
			],
			['Limit', { limit: e('all') }, isNot('all', 'a whole number from 1 to 500')],
			['Return All', { returnAll: e('yes') }, isNot('yes', 'true or false')],
		],
	},
	{
		title: 'Action Attempt → Get',
		base: op('actionAttempt', 'get', { actionAttemptId: SOME_ID }),
		rows: [
			['Action Attempt ID', { actionAttemptId: e('attempt-1') }, notAnId('attempt-1')],
			['Action Attempt ID', { actionAttemptId: e(null) }, required],
			['Action Attempt ID', { actionAttemptId: e({ id: 1 }) }, isNot({ id: 1 }, 'a Seam ID')],
		],
	},
);

// Access Code (Seam's lock API): everything here is refused before the lock is even read.
const codeLock = byId(seed.devices.frontDoorLock);
const someCode = byId(SOME_ID);
const accessCode = (operation: string, rest: INodeParameters = {}) =>
	op('accessCode', operation, { deviceId: codeLock, ...rest });
const newCode = (rest: INodeParameters = {}) =>
	accessCode('create', { name: 'Guest Grace', endsAt: end, waitUntilSet: false, ...rest });
const codeOnSeveral = (rest: INodeParameters = {}) =>
	op('accessCode', 'createMultiple', {
		locksFrom: 'list',
		deviceIds: [seed.devices.frontDoorLock, seed.devices.backDoorLock],
		name: 'Cleaner',
		endsAt: end,
		waitUntilSet: false,
		...rest,
	});

operations.push(
	{
		title: 'Access Code → Create',
		base: newCode(),
		rows: [
			['Lock', { deviceId: id(42) }, isNot(42, 'a Seam ID')],
			['Lock', { deviceId: id('front-door') }, notAnId('front-door')],
			['Lock', { deviceId: id(null) }, required],
			['Name', { name: e(true) }, isNot(true, 'a text')],
			['Name', { name: '={{ $json.guest }}' }, required, { room: 4 }],
			['Valid From', { startsAt: e('next tuesday') }, notADate('next tuesday')],
			['Valid Until', { endsAt: e(1767225600) }, isNot(1767225600, 'a valid date and time')],
			[
				'Valid Until',
				{ startsAt: inDays(3), endsAt: inDays(2) },
				says('Valid Until must be after Valid From'),
			],
			['Valid Until', { endsAt: inDays(-1) }, says('Valid Until is in the past')],
			[
				'Valid From',
				{ startsAt: start, endsAt: e(null), options: { allowAccessWithoutEnd: true } },
				says('Valid From needs Valid Until'),
			],
			['Custom Code', { options: { code: '48ab' } }, says('Custom Code must contain digits only')],
			['Custom Code', { options: { code: e(true) } }, isNot(true, 'a PIN code')],
			['Custom Code', { options: { code: e([4821]) } }, isNot([4821], 'a PIN code')],
			[
				'Preferred Code Length',
				{ options: { preferredCodeLength: e(0) } },
				isNot(0, 'a whole number from 1 to 20'),
			],
			[
				'Preferred Code Length',
				{ options: { code: '4821', preferredCodeLength: 4 } },
				says('Preferred Code Length cannot be used with Custom Code'),
			],
			[
				'Use Offline Access Code',
				{ options: { useOfflineAccessCode: e('offline') } },
				isNot('offline', 'true or false'),
			],
			[
				'Custom Code',
				{ startsAt: start, options: { useOfflineAccessCode: true, code: '123456789' } },
				says('Custom Code is not possible with an offline access code'),
			],
			[
				'Valid From',
				{ options: { useOfflineAccessCode: true } },
				says('Valid From is required for an offline access code'),
			],
			['Wait Until Set on Lock', { waitUntilSet: e('sure') }, isNot('sure', 'true or false')],
			[
				'Wait Timeout (Seconds)',
				{ options: { waitTimeout: e(0) } },
				isNot(0, 'a whole number from 1 to 300'),
			],
		],
	},
	{
		title: 'Access Code → Create on Several Locks',
		base: codeOnSeveral(),
		rows: [
			[
				'Locks From',
				{ locksFrom: e('room'), spaceId: byId(SOME_ID) },
				isNot('room', 'one of the options'),
			],
			['Lock Names or IDs', { deviceIds: e(42) }, isNot(42, 'a list of Seam IDs')],
			['Lock Names or IDs', { deviceIds: e(['front-door']) }, notAnId('front-door')],
			['Lock Names or IDs', { deviceIds: e([]) }, required],
			['Space', { locksFrom: 'space', spaceId: id(42) }, isNot(42, 'a Seam ID')],
			['Space', { locksFrom: 'space', spaceId: id(null) }, required],
			['Name', { name: e({ first: 'Cleaner' }) }, isNot({ first: 'Cleaner' }, 'a text')],
			['Custom Code', { options: { code: e(48.21) } }, isNot(48.21, 'a PIN code')],
			[
				'When the Code Cannot Be Shared',
				{ options: { whenCodeCannotBeShared: e('maybe') } },
				isNot('maybe', 'one of the options'),
			],
		],
	},
	{
		title: 'Access Code → Get',
		base: accessCode('get', { accessCodeId: someCode }),
		rows: [
			['Access Code', { accessCodeId: id(null) }, required],
			['Access Code', { accessCodeId: id(4821) }, isNot(4821, 'a Seam ID')],
			['Lock', { deviceId: id('front-door') }, notAnId('front-door')],
		],
	},
	{
		title: 'Access Code → Get Many',
		base: accessCode('getMany'),
		rows: [
			['Lock', { deviceId: id(null) }, required],
			['Limit', { limit: e(501) }, isNot(501, 'a whole number from 1 to 500')],
			['Search', { filters: { search: e(true) } }, isNot(true, 'a text')],
		],
	},
	{
		title: 'Access Code → Update',
		base: accessCode('update', { accessCodeId: someCode, updateFields: { name: 'Late' } }),
		rows: [
			['Access Code', { accessCodeId: id('code-1') }, notAnId('code-1')],
			['Lock', { deviceId: id(null) }, required],
			['Update Fields', { updateFields: {} }, says('Nothing to update')],
			['Valid Until', { updateFields: { endsAt: e(null) } }, says('Valid Until is empty')],
			['Custom Code', { updateFields: { code: e(false) } }, isNot(false, 'a PIN code')],
			['Name', { updateFields: { name: e(['Late']) } }, isNot(['Late'], 'a text')],
			[
				'Allow Access Without End',
				{ updateFields: { allowAccessWithoutEnd: true, endsAt: end } },
				says('Allow Access Without End cannot be used with Valid From or Valid Until'),
			],
			['Wait Until Set on Lock', { waitUntilSet: e(2) }, isNot(2, 'true or false')],
		],
	},
	{
		title: 'Access Code → Delete',
		base: accessCode('delete', { accessCodeId: someCode }),
		rows: [
			['Access Code', { accessCodeId: id(null) }, required],
			['Lock', { deviceId: id({ id: 1 }) }, isNot({ id: 1 }, 'a Seam ID')],
		],
	},
	{
		title: 'Access Code → Get Many Unmanaged',
		base: accessCode('getManyUnmanaged'),
		rows: [
			['Lock', { deviceId: id(true) }, isNot(true, 'a Seam ID')],
			['Return All', { returnAll: e('all') }, isNot('all', 'true or false')],
		],
	},
	{
		title: 'Access Code → Convert to Managed',
		base: accessCode('convertToManaged', { accessCodeId: someCode }),
		rows: [
			['Unmanaged Access Code', { accessCodeId: id(42) }, isNot(42, 'a Seam ID')],
			['Unmanaged Access Code', { accessCodeId: id(null) }, required],
		],
	},
	{
		title: 'Access Code → Generate Code',
		base: accessCode('generateCode'),
		rows: [['Lock', { deviceId: id(null) }, required]],
	},
);

securityRows.push(
	['Access Code → Create', 'Valid Until', newCode({ endsAt: checkout }), 'none', noCheckout],
	['Access Code → Create', 'Valid Until', newCode({ endsAt: e(null) }), 'none'],
	['Access Code → Create', 'Valid Until', newCode({ endsAt: e('') }), 'none'],
	[
		'Access Code → Create',
		'Valid Until',
		newCode({ endsAt: e(null), options: switchedOffAsText }),
		'none',
	],
	[
		'Access Code → Create on Several Locks',
		'Valid Until',
		codeOnSeveral({ endsAt: checkout }),
		'none',
		noCheckout,
	],
	[
		'Access Code → Create on Several Locks',
		'Valid Until',
		codeOnSeveral({ endsAt: e(null), options: switchedOff }),
		'none',
	],
);
