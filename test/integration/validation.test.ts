/**
 * Bad input gets a clear error naming the field, and Seam is not asked to change anything.
 * These run against the local sandbox, whose request log shows exactly what was sent.
 */
import {
	byId,
	inDays,
	type SeamTarget,
	startSeamTarget,
	usingRealSeam,
} from '../helpers/seamTarget';
import { getSeedIds } from '../sandbox/seed';

const seed = getSeedIds();
const salto = byId(seed.saltoSystemId);
const latch = byId(seed.latchSystemId);
let target: SeamTarget;
let saltoUserId: string;

const describeSandbox = usingRealSeam ? describe.skip : describe;

describeSandbox('bad input', () => {
	beforeAll(async () => {
		target = await startSeamTarget({ credentialIssueDelayMs: 0 });
		const [user] = await target.ok({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: salto,
			fullName: 'Valid Val',
		});
		saltoUserId = String(user.json.acs_user_id);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.sandbox!.requests.splice(0));

	const sentPaths = () => target.sandbox!.requests.map((r) => r.path);

	test.each([
		['an empty required ID', { acsUserId: byId('={{ $json.missing }}') }, 'ACS User is required'],
		[
			'an ID that is not a Seam ID',
			{ acsUserId: byId('={{ "guest-42" }}') },
			'ACS User: "guest-42" is not a Seam ID',
		],
		[
			'a malformed date',
			{ startsAt: 'next tuesday' },
			'Valid From: "next tuesday" is not a valid date and time',
		],
		[
			'ends before starts',
			{ startsAt: inDays(3), endsAt: inDays(2) },
			'Valid Until must be after Valid From',
		],
		[
			'ends equal to starts',
			{ startsAt: inDays(3), endsAt: inDays(3) },
			'Valid Until must be after Valid From',
		],
		[
			'a custom code with letters',
			{ options: { code: '12ab56' } },
			'Custom Code must contain digits only',
		],
		[
			'a custom code too short',
			{ options: { code: '12' } },
			'Custom Code must have 4 to 12 digits',
		],
	])('credential create with %s fails before any request', async (_name, overrides, message) => {
		const result = await target.run({
			resource: 'acsCredential',
			operation: 'create',
			acsSystemId: salto,
			acsUserId: byId(saltoUserId),
			...overrides,
		});
		expect(result.error?.message).toBe(message);
		expect(sentPaths()).toEqual([]);
	});

	test('an access schedule needs both ends', async () => {
		const result = await target.run({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: salto,
			fullName: 'Half Hal',
			startsAt: inDays(1),
		});
		expect(result.error?.message).toBe('Access Starts At and Access Ends At go together');
		expect(sentPaths()).toEqual([]);
	});

	test('an empty full name', async () => {
		const result = await target.run({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: salto,
			fullName: '={{ "  " }}',
		});
		expect(result.error?.message).toBe('Full Name is required');
		expect(sentPaths()).toEqual([]);
	});

	test('entrances on a Salto KS credential are refused: access groups decide', async () => {
		const result = await target.run({
			resource: 'acsCredential',
			operation: 'create',
			acsSystemId: salto,
			acsUserId: byId(saltoUserId),
			entranceIds: [seed.entrances.lobby],
		});
		expect(result.error?.message).toBe('Allowed Entrance Names or IDs is not used by Salto KS');
		expect(sentPaths()).toEqual(['/acs/systems/get']);
	});

	test('Latch with no entrance is refused', async () => {
		const [user] = await target.ok({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: latch,
			fullName: 'No Door',
		});
		target.sandbox!.requests.splice(0);
		const result = await target.run({
			resource: 'acsCredential',
			operation: 'create',
			acsSystemId: latch,
			acsUserId: byId(String(user.json.acs_user_id)),
		});
		expect(result.error?.message).toBe(
			'Allowed Entrance Names or IDs must hold exactly one entrance for Latch (got 0)',
		);
		expect(sentPaths()).toEqual(['/acs/systems/get']);
	});

	test('an unknown ID reaches the user as Seam reports it, with type and request id', async () => {
		const result = await target.run({
			resource: 'acsUser',
			operation: 'get',
			acsUserId: byId('33333333-3333-4333-8333-333333333333'),
		});
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toMatch(
			/Seam error type: acs_user_not_found · HTTP status: 404 · Seam request ID: \S+/,
		);
	});

	test("dates without a time zone are read in the workflow's time zone", async () => {
		const [user] = await target.ok(
			{
				resource: 'acsUser',
				operation: 'create',
				acsSystemId: salto,
				fullName: 'Berlin Ben',
				startsAt: '2031-01-10T15:00:00',
				endsAt: '2031-01-12T11:00:00',
			},
			{ timezone: 'Europe/Berlin' },
		);
		expect(user.json.access_schedule).toEqual({
			starts_at: '2031-01-10T14:00:00.000Z',
			ends_at: '2031-01-12T10:00:00.000Z',
		});
	});

	test('On Error → error output: a bad item goes to the error output, the others to the success output', async () => {
		const result = await target.run(
			{
				resource: 'acsUser',
				operation: 'create',
				acsSystemId: salto,
				fullName: '={{ $json.name }}',
				startsAt: '={{ $json.from }}',
				endsAt: '={{ $json.to }}',
			},
			{
				errorOutput: true,
				input: [
					{ name: 'Guest One', from: inDays(1), to: inDays(2) },
					{ name: 'Guest Two', from: inDays(2), to: inDays(1) },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.full_name)).toEqual(['Guest One']);
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].pairedItem).toEqual({ item: 1 });
		expect(result.errorItems[0].json).toMatchObject({
			error: expect.objectContaining({
				message: 'Access Ends At must be after Access Starts At',
				retryable: false,
			}),
		});
	});

	test('with continueOnFail, a bad item gives one error item and the others go on', async () => {
		const result = await target.run(
			{
				resource: 'acsUser',
				operation: 'create',
				acsSystemId: salto,
				fullName: '={{ $json.name }}',
				startsAt: '={{ $json.from }}',
				endsAt: '={{ $json.to }}',
			},
			{
				continueOnFail: true,
				input: [
					{ name: 'Guest One', from: inDays(1), to: inDays(2) },
					{ name: 'Guest Two', from: inDays(2), to: inDays(1) },
					{ name: 'Guest Three', from: inDays(1), to: inDays(4) },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.full_name).toBe('Guest One');
		expect(result.items[1].json).toMatchObject({
			error: expect.objectContaining({
				message: 'Access Ends At must be after Access Starts At',
			}),
		});
		expect(result.items[2].json.full_name).toBe('Guest Three');
		expect(sentPaths().filter((p) => p === '/acs/users/create')).toHaveLength(2);
	});
});
