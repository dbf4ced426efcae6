/**
 * Bad input, operation by operation: every value an n8n expression can hand a form field (text,
 * number, boolean, null, object, list, a missing key) that the field cannot take is refused with
 * a message naming the field as the form shows it and saying what arrived, and nothing reaches
 * Seam. With continueOnFail the same message comes back as the item's error. Then the unusual
 * values that are fine (a number as a name, an upper-case ID, "3" as a limit…) are accepted and
 * sent in Seam's form. Runs in n8n's engine against the local sandbox (its request log is the
 * proof of "nothing sent"). The table is in badInputCases.ts.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../helpers/runNode';
import {
	byId,
	inDays,
	type SeamTarget,
	startSeamTarget,
	usingRealSeam,
} from '../helpers/seamTarget';
import {
	e,
	type Expected,
	type Fixtures,
	operations,
	required,
	securityRows,
	seed,
} from './badInputCases';

let target: SeamTarget;
const fixtures: Fixtures = { saltoUserId: '' };
let scheduledUserId: string;

const describeSandbox = usingRealSeam ? describe.skip : describe;

const requests = () => target.sandbox!.requests;
const sent = (path: string) => requests().filter((request) => request.path === path);
const writes = () => requests().filter((request) => /\/(create|update|delete)$/.test(request.path));

/** The one thing a row's parameters change, for the test title. */
function summary(parameters: INodeParameters): string {
	const text = JSON.stringify(parameters, (key, value: unknown) =>
		value && typeof value === 'object' && '__rl' in value
			? (value as unknown as { value: unknown }).value
			: value,
	);
	return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

function expectRefusal(
	error: { message?: string; description?: string | null } | undefined,
	expected: Expected,
): void {
	expect(error).toBeDefined();
	const message = error?.message ?? '';
	const description = error?.description ?? '';
	expect(message).toMatch(expected.message);
	if (expected.arrived) expect(`${message}\n${description}`).toContain(expected.arrived);
	expect(`${message}\n${description}`).not.toContain('[object Object]');
}

/** Fails the run twice (stopping, then with continueOnFail) and checks what was sent each time. */
async function expectRefused(
	parameters: INodeParameters,
	expected: Expected,
	input: IDataObject | undefined,
	nothingSent: () => void,
): Promise<void> {
	const stopped = await target.run(parameters, { input: input ? [input] : undefined });
	expect(stopped.items).toEqual([]);
	expectRefusal(stopped.error, expected);
	expect(stopped.error?.constructor.name).not.toBe('WorkflowHasIssuesError');
	nothingSent();

	requests().splice(0);
	const continued: RunResult = await target.run(parameters, {
		input: input ? [input] : undefined,
		continueOnFail: true,
	});
	expect(continued.error).toBeUndefined();
	expect(continued.items).toHaveLength(1);
	const item = continued.items[0];
	expect(item.pairedItem).toEqual({ item: 0 });
	expectRefusal(
		{
			message: (item.json.error as IDataObject).message as string,
			description: (item.json.error as IDataObject).description as string,
		},
		expected,
	);
	nothingSent();
}

describeSandbox('Seam node form values', () => {
	beforeAll(async () => {
		target = await startSeamTarget({ credentialIssueDelayMs: 0, accessMethodIssueDelayMs: 0 });
		const [user] = await target.ok({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: byId(seed.saltoSystemId),
			fullName: 'Nora No-Schedule',
		});
		fixtures.saltoUserId = String(user.json.acs_user_id);
		const [scheduled] = await target.ok({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: byId(seed.saltoSystemId),
			fullName: 'Sam Scheduled',
			startsAt: inDays(1),
			endsAt: inDays(5),
		});
		scheduledUserId = String(scheduled.json.acs_user_id);
	});
	afterAll(async () => target?.close());
	beforeEach(() => target.sandbox!.requests.splice(0));

	describe('bad input is refused before anything is sent', () => {
		describe.each(operations.map((cases) => [cases.title, cases] as const))(
			'%s',
			(_title, cases) => {
				test.each(
					cases.rows.map(
						([field, parameters, expectation, input]) =>
							[`${field} ← ${summary(parameters)}`, field, parameters, expectation, input] as const,
					),
				)('%s', async (_name, field, parameters, expectation, input) => {
					await expectRefused(
						{ ...cases.base(fixtures), ...parameters },
						expectation(field),
						input,
						() => expect(requests().map((request) => request.path)).toEqual([]),
					);
				});
			},
		);
	});

	describe('an empty end never gives access without end', () => {
		/** The row's end and switch, for the test title. */
		const what = (parameters: INodeParameters, field: string) => {
			const collection = (parameters.options ?? parameters.additionalFields) as IDataObject;
			const toggle = collection?.allowAccessWithoutEnd;
			const end = parameters.endsAt === undefined ? 'left out' : JSON.stringify(parameters.endsAt);
			return `${field} ${end}${toggle === undefined ? '' : `, Allow Access Without End ${JSON.stringify(toggle)}`}`;
		};
		test.each(
			securityRows.map(
				([operation, field, parameters, requests, input]) =>
					[
						`${operation}: ${what(parameters(fixtures), field)}${input ? ', input lacks it' : ''}`,
						field,
						parameters,
						requests,
						input,
					] as const,
			),
		)('%s', async (_name, field, parameters, nothing, input) => {
			await expectRefused(parameters(fixtures), required(field), input, () => {
				if (nothing === 'none') {
					expect(requests().map((request) => request.path)).toEqual([]);
				} else {
					expect(writes().map((request) => request.path)).toEqual([]);
					// Reads only (the ACS user's schedule, the system's provider rules).
					expect(requests().filter((request) => !/\/(get|list)$/.test(request.path))).toEqual([]);
				}
			});
		});
	});

	describe('unusual values that are fine are accepted', () => {
		const body = (path: string) => {
			const found = sent(path);
			expect(found).toHaveLength(1);
			return found[0].params;
		};

		test('a number as a Full Name, a Phone Number and a User Identity Key is sent as its digits', async () => {
			const [identity] = await target.ok({
				resource: 'userIdentity',
				operation: 'create',
				fullName: e(42),
				additionalFields: { phoneNumber: e(15555550100), userIdentityKey: e(4711) },
			});
			expect(body('/user_identities/create')).toMatchObject({
				full_name: '42',
				phone_number: '15555550100',
				user_identity_key: '4711',
			});
			expect(identity.json).toMatchObject({ full_name: '42', user_identity_key: '4711' });
		});

		test('a number as a Full Name of an ACS user', async () => {
			const [user] = await target.ok({
				resource: 'acsUser',
				operation: 'create',
				acsSystemId: byId(seed.saltoSystemId),
				fullName: e(1001),
			});
			expect(body('/acs/users/create').full_name).toBe('1001');
			expect(user.json.full_name).toBe('1001');
		});

		test('a number as a Search', async () => {
			const spaces = await target.ok({
				resource: 'space',
				operation: 'getMany',
				filters: { search: e(101) },
			});
			expect(body('/spaces/list').search).toBe('101');
			expect(spaces.map((item) => item.json.space_id)).toEqual([seed.spaces.unit101]);
		});

		test('a number as the Custom PIN Code and the Access Grant Key; "false" as Wait Until Issued', async () => {
			const [created] = await target.ok({
				resource: 'accessGrant',
				operation: 'create',
				fullName: 'Pia Pin',
				deviceIds: [seed.devices.frontDoorLock],
				startsAt: inDays(1),
				endsAt: inDays(3),
				accessGrantKey: e(4711),
				waitUntilIssued: e('false'),
				options: { code: e(4821) },
			});
			expect(body('/access_grants/create')).toMatchObject({
				access_grant_key: '4711',
				requested_access_methods: [{ mode: 'code', code: '4821' }],
			});
			expect(created.json.access_grant_key).toBe('4711');
			expect(sent('/access_methods/list')).toEqual([]);
		});

		test('an upper-case ACS System ID is sent in lower case', async () => {
			const [system] = await target.ok({
				resource: 'acsSystem',
				operation: 'get',
				acsSystemId: byId(seed.saltoSystemId.toUpperCase()),
			});
			expect(body('/acs/systems/get').acs_system_id).toBe(seed.saltoSystemId);
			expect(system.json.acs_system_id).toBe(seed.saltoSystemId);
		});

		test('an upper-case Space picked in the Filters of Get Many is sent in lower case', async () => {
			await target.ok({
				resource: 'device',
				operation: 'getMany',
				filters: { spaceId: byId(seed.spaces.unit101.toUpperCase()) },
			});
			expect(body('/devices/list').space_id).toBe(seed.spaces.unit101);
		});

		test('a space-padded Entrance ID (with a line break) is sent trimmed', async () => {
			const [entrance] = await target.ok({
				resource: 'entrance',
				operation: 'get',
				entranceId: byId(e(`  ${seed.entrances.lobby}\n`)),
			});
			expect(body('/acs/entrances/get').acs_entrance_id).toBe(seed.entrances.lobby);
			expect(entrance.json.acs_entrance_id).toBe(seed.entrances.lobby);
		});

		describe('an ID list as a list and as a comma-separated text', () => {
			const { mainGroup, staffGroup, poolGroup } = seed.accessGroups;
			let userId: string;
			beforeAll(async () => {
				const [user] = await target.ok({
					resource: 'acsUser',
					operation: 'create',
					acsSystemId: byId(seed.saltoSystemId),
					fullName: 'Gus Groups',
				});
				userId = String(user.json.acs_user_id);
			});

			test.each([
				['a list', e([mainGroup, staffGroup]), [mainGroup, staffGroup]],
				[
					'a comma-separated text, one ID in upper case',
					e(`${poolGroup}, ${mainGroup.toUpperCase()}`),
					[poolGroup, mainGroup],
				],
			])('Access Groups as %s', async (_how, accessGroupIds, expected) => {
				const [result] = await target.ok({
					resource: 'acsUser',
					operation: 'addToAccessGroup',
					acsSystemId: byId(seed.saltoSystemId),
					acsUserId: byId(userId),
					accessGroupIds,
				});
				expect(
					sent('/acs/users/add_to_access_group').map(
						(request) => request.params.acs_access_group_id,
					),
				).toEqual(expected);
				expect(result.json.added_acs_access_group_ids).toEqual(expected);
			});

			test('Devices of an Access Grant as a comma-separated text', async () => {
				const { frontDoorLock, backDoorLock } = seed.devices;
				await target.ok({
					resource: 'accessGrant',
					operation: 'create',
					fullName: 'Cora Comma',
					deviceIds: e(`${frontDoorLock},${backDoorLock}`),
					startsAt: inDays(1),
					endsAt: inDays(2),
					waitUntilIssued: false,
				});
				expect(body('/access_grants/create').device_ids).toEqual([frontDoorLock, backDoorLock]);
			});
		});

		test('a Limit given as the text "3" returns 3 items', async () => {
			const entrances = await target.ok({
				resource: 'entrance',
				operation: 'getMany',
				limit: e('3'),
			});
			expect(entrances).toHaveLength(3);
			expect(body('/acs/entrances/list').limit).toBe(3);
		});

		test('Return All given as the text "true" returns every item', async () => {
			const entrances = await target.ok({
				resource: 'entrance',
				operation: 'getMany',
				returnAll: e('true'),
			});
			expect(entrances).toHaveLength(Object.keys(seed.entrances).length);
		});

		test('an option chosen by expression may use the name the form shows ("Space")', async () => {
			await target.ok({
				resource: 'accessMethod',
				operation: 'getMany',
				listBy: e('Space'),
				accessGrantId: byId(e('')),
				deviceId: byId(e('')),
				entranceId: byId(e('')),
				spaceId: byId(seed.spaces.unit101),
			});
			expect(body('/access_methods/list')).toMatchObject({ space_id: seed.spaces.unit101 });
		});

		test('a Luxon DateTime from an expression is a date', async () => {
			const [user] = await target.ok({
				resource: 'acsUser',
				operation: 'create',
				acsSystemId: byId(seed.saltoSystemId),
				fullName: 'Lux Luxon',
				startsAt: '={{ $now.plus({ days: 1 }).startOf("hour") }}',
				endsAt: '={{ $now.plus({ days: 3 }).startOf("hour") }}',
			});
			const schedule = body('/acs/users/create').access_schedule as IDataObject;
			expect(schedule.starts_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/);
			expect(user.json.access_schedule).toEqual(schedule);
		});

		describe('"Allow Access Without End" turned on gives access without end', () => {
			test('Access Grant → Create with an empty Ends At', async () => {
				const [created] = await target.ok({
					resource: 'accessGrant',
					operation: 'create',
					fullName: 'Olga Open',
					deviceIds: [seed.devices.backDoorLock],
					startsAt: inDays(1),
					endsAt: e(null),
					waitUntilIssued: false,
					options: { allowAccessWithoutEnd: true },
				});
				expect(body('/access_grants/create')).not.toHaveProperty('ends_at');
				expect(created.json.access_grant_id).toEqual(expect.any(String));
			});

			test('Credential → Create with an empty Valid Until', async () => {
				const [credential] = await target.ok({
					resource: 'acsCredential',
					operation: 'create',
					acsSystemId: byId(seed.saltoSystemId),
					acsUserId: byId(fixtures.saltoUserId),
					startsAt: inDays(1),
					endsAt: e(''),
					options: { allowAccessWithoutEnd: true },
				});
				expect(body('/acs/credentials/create')).not.toHaveProperty('ends_at');
				expect(credential.json.acs_user_id).toBe(fixtures.saltoUserId);
			});

			test('ACS User → Create joining an access group without a schedule', async () => {
				const [user] = await target.ok({
					resource: 'acsUser',
					operation: 'create',
					acsSystemId: byId(seed.saltoSystemId),
					fullName: 'Otto Open',
					accessGroupIds: [seed.accessGroups.poolGroup],
					additionalFields: { allowAccessWithoutEnd: true },
				});
				expect(body('/acs/users/create')).not.toHaveProperty('access_schedule');
				expect(user.json.joined_acs_access_group_ids).toEqual([seed.accessGroups.poolGroup]);
			});
		});

		test('Credential → Create without Valid Until for a user whose access schedule ends', async () => {
			const [credential] = await target.ok({
				resource: 'acsCredential',
				operation: 'create',
				acsSystemId: byId(seed.saltoSystemId),
				acsUserId: byId(scheduledUserId),
				startsAt: inDays(1),
				endsAt: e(null),
				waitForCode: false,
			});
			expect(sent('/acs/users/get')).toHaveLength(1);
			expect(body('/acs/credentials/create')).not.toHaveProperty('ends_at');
			expect(credential.json.acs_user_id).toBe(scheduledUserId);
		});
	});
});
