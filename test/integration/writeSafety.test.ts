/**
 * Writes that are safe to re-run, or that say exactly what they left behind; and no access that
 * never ends unless the user turned on "Allow Access Without End". Against the local sandbox,
 * whose request log shows each write and whose faults make a later step fail.
 */
import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_TRANSPORT_SETTINGS } from '../../nodes/Seam/shared/transport/client';
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
let target: SeamTarget;

const describeSandbox = usingRealSeam ? describe.skip : describe;

/** The attempts one idempotent request gets: the first and every retry. */
const attemptsPerRequest = () => DEFAULT_TRANSPORT_SETTINGS.retries + 1;

describeSandbox('writes that leave nothing half done', () => {
	let mainGroupId: string;
	let poolGroupId: string;

	beforeAll(async () => {
		target = await startSeamTarget({ credentialIssueDelayMs: 0, accessMethodIssueDelayMs: 0 });
		const groups = (
			await target.ok({
				resource: 'accessGroup',
				operation: 'getMany',
				acsSystemId: salto,
				returnAll: true,
			})
		).map((item) => item.json);
		mainGroupId = String(groups.find((g) => g.name === 'Main Group')?.acs_access_group_id);
		poolGroupId = String(groups.find((g) => g.name !== 'Main Group')?.acs_access_group_id);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.sandbox!.requests.splice(0));
	afterEach(() => expect(target.sandbox!.pendingFaults()).toEqual([]));

	const sentPaths = () => target.sandbox!.requests.map((r) => r.path);
	const usersNamed = async (name: string) =>
		(
			await target.ok({
				resource: 'acsUser',
				operation: 'getMany',
				acsSystemId: salto,
				returnAll: true,
				filters: { search: name },
			})
		).filter((item) => item.json.full_name === name);

	const createUser = (fullName: string, accessGroupIds: string[]) =>
		target.run({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: salto,
			fullName,
			accessGroupIds,
			startsAt: inDays(1),
			endsAt: inDays(3),
		});

	test('ACS User Create refuses an access group the system does not have, and creates nobody', async () => {
		const missing = '44444444-4444-4444-8444-999999999999';
		const result = await createUser('Nobody Created', [mainGroupId, missing]);
		expect(result.error?.message).toBe(
			`Access Groups to Join Names or IDs: ${missing} is not an access group of the chosen ACS system`,
		);
		expect(result.error?.description).toContain('Nothing was created');
		expect(sentPaths()).toEqual(['/acs/access_groups/list']);
		expect(await usersNamed('Nobody Created')).toEqual([]);
	});

	test('ACS User Create undoes the user when joining a group fails, so a re-run makes one user', async () => {
		target.sandbox!.failNext(
			'/acs/users/add_to_access_group',
			{ kind: 'server-error', status: 500, processed: false },
			attemptsPerRequest() + 1,
		);
		const failed = await createUser('Undone Ulla', [mainGroupId, poolGroupId]);
		// The first group's attempts all fail; the undo happens before the second group is tried.
		expect(failed.error?.message).toMatch(
			new RegExp(`^Could not add the new ACS user to access group ${mainGroupId}`),
		);
		expect(failed.error?.description).toContain('deleted again, so nothing is left behind');
		expect(sentPaths()).toContain('/acs/users/delete');
		expect(await usersNamed('Undone Ulla')).toEqual([]);
		// One unused fault remains queued on purpose: the re-run below consumes it and recovers.
		const [rerun] = await target.ok({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: salto,
			fullName: 'Undone Ulla',
			accessGroupIds: [mainGroupId, poolGroupId],
			startsAt: inDays(1),
			endsAt: inDays(3),
		});
		expect(rerun.json.joined_acs_access_group_ids).toEqual([mainGroupId, poolGroupId]);
		expect(await usersNamed('Undone Ulla')).toHaveLength(1);
	});

	test('when the undo fails too, the error names the user that is left behind', async () => {
		target.sandbox!.failNext(
			'/acs/users/add_to_access_group',
			{ kind: 'server-error', status: 500, processed: false },
			attemptsPerRequest(),
		);
		target.sandbox!.failNext(
			'/acs/users/delete',
			{ kind: 'server-error', status: 503, processed: false },
			attemptsPerRequest(),
		);
		const failed = await createUser('Stranded Stan', [mainGroupId]);
		const [left] = await usersNamed('Stranded Stan');
		expect(left).toBeDefined();
		expect(failed.error?.message).toBe(
			`The ACS user was created but could not join access group ${mainGroupId}, and deleting it again failed`,
		);
		expect(failed.error?.description).toContain(`Left behind: ACS user ${left.json.acs_user_id}`);
		expect(failed.error?.description).toContain('ACS User → Delete');
	});

	test('ACS User Create joining groups needs a schedule, unless Allow Access Without End is on', async () => {
		const refused = await target.run({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: salto,
			fullName: 'Forever Fred',
			accessGroupIds: [mainGroupId],
		});
		expect(refused.error?.message).toBe('Access Ends At is required');
		expect(refused.error?.description).toContain('Allow Access Without End');
		expect(sentPaths()).toEqual([]);

		const [allowed] = await target.ok({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: salto,
			fullName: 'Forever Fred',
			accessGroupIds: [mainGroupId],
			additionalFields: { allowAccessWithoutEnd: true },
		});
		expect(allowed.json.access_schedule ?? null).toBeNull();
		expect(allowed.json.joined_acs_access_group_ids).toEqual([mainGroupId]);
	});

	describe('Credential Create without Valid Until', () => {
		const userWith = async (fullName: string, schedule: boolean) => {
			const [user] = await target.ok({
				resource: 'acsUser',
				operation: 'create',
				acsSystemId: salto,
				fullName,
				...(schedule ? { startsAt: inDays(1), endsAt: inDays(3) } : {}),
			});
			target.sandbox!.requests.splice(0);
			return String(user.json.acs_user_id);
		};
		const createPin = (acsUserId: string, options: INodeParameters = {}) =>
			target.run({
				resource: 'acsCredential',
				operation: 'create',
				acsSystemId: salto,
				acsUserId: byId(acsUserId),
				endsAt: '={{ $json.checkout }}',
				options,
			});

		test('is refused for a user whose access never ends, with no write', async () => {
			const result = await createPin(await userWith('Open Olga', false));
			expect(result.error?.message).toBe('Valid Until is required');
			expect(result.error?.description).toContain('Allow Access Without End');
			expect(sentPaths().filter((path) => !path.endsWith('/get'))).toEqual([]);
		});

		test("follows the user's schedule when it ends", async () => {
			const [pin] = (await createPin(await userWith('Scheduled Sue', true))).items;
			expect(pin.json.code).toMatch(/^\d+$/);
			expect(sentPaths()).toContain('/acs/credentials/create');
		});

		test('is given when Allow Access Without End is on', async () => {
			const result = await createPin(await userWith('Permanent Pat', false), {
				allowAccessWithoutEnd: true,
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.ends_at ?? null).toBeNull();
		});
	});

	test('Access Grant Create gives access without an end only with the switch on', async () => {
		const grant = (options: INodeParameters) =>
			target.run(
				{
					resource: 'accessGrant',
					operation: 'create',
					grantTo: 'new',
					fullName: 'Open Ended Olive',
					deviceIds: [seed.devices.frontDoorLock],
					startsAt: inDays(1),
					endsAt: '={{ $json.checkout }}',
					waitUntilIssued: false,
					options,
				},
				{ input: [{ reservation: 'R-1' }] },
			);
		const refused = await grant({});
		expect(refused.error?.message).toBe('Ends At is required');
		expect(sentPaths()).toEqual([]);

		const allowed = await grant({ allowAccessWithoutEnd: true });
		expect(allowed.error).toBeUndefined();
		expect(allowed.items[0].json.ends_at ?? null).toBeNull();
	});

	test('a step after Access Grant Create fails: the error says the grant exists and how to re-run', async () => {
		target.sandbox!.failNext(
			'/access_methods/get_related',
			{ kind: 'server-error', status: 500, processed: false },
			attemptsPerRequest(),
		);
		const result = await target.run({
			resource: 'accessGrant',
			operation: 'create',
			grantTo: 'new',
			fullName: 'Half Done Hal',
			deviceIds: [seed.devices.frontDoorLock],
			startsAt: inDays(1),
			endsAt: inDays(3),
		});
		const created = target.sandbox!.requests.find((r) => r.path === '/access_grants/create');
		expect(created).toBeDefined();
		expect(result.error?.httpCode).toBe('500');
		expect(result.error?.description).toMatch(
			/Access Grant [0-9a-f-]{36} was created before this step failed\. Read it with Access Grant → Get/,
		);
	});

	test('Add to Access Group that fails part-way says which groups the user already joined', async () => {
		const [user] = await target.ok({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: salto,
			fullName: 'Partly Paula',
			startsAt: inDays(1),
			endsAt: inDays(3),
		});
		// The first group exists; the second does not, so Seam refuses it after the first is done.
		const missing = '44444444-4444-4444-8444-999999999999';
		const result = await target.run({
			resource: 'acsUser',
			operation: 'addToAccessGroup',
			acsSystemId: salto,
			acsUserId: byId(String(user.json.acs_user_id)),
			accessGroupIds: [mainGroupId, missing],
		});
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toContain(
			`Before this failure the user was added to: ${mainGroupId}. The other groups are unchanged.`,
		);
		const [member] = await target
			.ok({
				resource: 'accessGroup',
				operation: 'listUsers',
				accessGroupId: byId(mainGroupId),
			})
			.then((items) => items.filter((item) => item.json.full_name === 'Partly Paula'));
		expect(member).toBeDefined();
	});

	test('User Identity Create with a key returns the same identity when run again', async () => {
		const create = () =>
			target.ok({
				resource: 'userIdentity',
				operation: 'create',
				fullName: 'Keyed Kim',
				additionalFields: { userIdentityKey: 'guest-4711' },
			});
		const [first] = await create();
		const [second] = await create();
		expect(first.json.reused_existing_user_identity).toBe(false);
		expect(second.json.reused_existing_user_identity).toBe(true);
		expect(second.json.user_identity_id).toBe(first.json.user_identity_id);
		expect(sentPaths().filter((path) => path === '/user_identities/create')).toHaveLength(1);
	});
});
