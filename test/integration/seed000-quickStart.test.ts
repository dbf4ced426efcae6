/**
 * Seed 000, PIN Code Quick Start (Salto KS): create an ACS user with an access schedule, add them
 * to "Main Group", create a PIN code credential, then view the PIN, the schedule and the
 * entrances the user can now open — each step one Seam node run, as in a workflow.
 */
import { type AcsFixtures, findAcsFixtures } from '../helpers/fixtures';
import { byId, inDays, type SeamTarget, startSeamTarget } from '../helpers/seamTarget';

let target: SeamTarget;
let fx: AcsFixtures;

beforeAll(async () => {
	target = await startSeamTarget();
	fx = await findAcsFixtures(target);
});
afterAll(async () => target.close());

test('June Doe gets a 6-digit PIN for the Main Group entrances, within her access schedule', async () => {
	const startsAt = inDays(1, 15);
	const endsAt = inDays(3, 11);
	const salto = byId(String(fx.salto.acs_system_id));

	const [created] = await target.ok({
		resource: 'acsUser',
		operation: 'create',
		acsSystemId: salto,
		fullName: 'June Doe',
		startsAt,
		endsAt,
	});
	expect(created.json).toMatchObject({
		full_name: 'June Doe',
		acs_system_id: fx.salto.acs_system_id,
		access_schedule: { starts_at: startsAt, ends_at: endsAt },
	});
	expect(created.pairedItem).toEqual({ item: 0 });
	const acsUserId = String(created.json.acs_user_id);

	const [joined] = await target.ok({
		resource: 'acsUser',
		operation: 'addToAccessGroup',
		acsSystemId: salto,
		acsUserId: byId(acsUserId),
		accessGroupIds: [String(fx.mainGroup.acs_access_group_id)],
	});
	expect(joined.json).toEqual({
		success: true,
		acs_user_id: acsUserId,
		added_acs_access_group_ids: [fx.mainGroup.acs_access_group_id],
	});

	const [credential] = await target.ok({
		resource: 'acsCredential',
		operation: 'create',
		acsSystemId: salto,
		acsUserId: byId(acsUserId),
	});
	expect(credential.json).toMatchObject({
		acs_user_id: acsUserId,
		access_method: 'code',
		is_issued: true,
	});
	expect(String(credential.json.code)).toMatch(/^\d{6}$/);

	// Step 6: what the user sees — the PIN (above), the schedule, the entrances.
	const [user] = await target.ok({
		resource: 'acsUser',
		operation: 'get',
		acsUserId: byId(acsUserId),
	});
	expect(user.json.access_schedule).toEqual({ starts_at: startsAt, ends_at: endsAt });

	const groupEntrances = await target.ok({
		resource: 'accessGroup',
		operation: 'listAccessibleEntrances',
		accessGroupId: byId(String(fx.mainGroup.acs_access_group_id)),
	});
	const userEntrances = await target.ok({
		resource: 'acsUser',
		operation: 'listAccessibleEntrances',
		acsUserId: byId(acsUserId),
	});
	const names = (items: typeof userEntrances) =>
		items.map((i) => String(i.json.display_name)).sort();
	expect(names(userEntrances)).toEqual(names(groupEntrances));
	expect(names(userEntrances).length).toBeGreaterThan(0);
	if (target.sandbox) expect(names(userEntrances)).toEqual(['Lobby', 'Main Entrance']);
	userEntrances.forEach((item) => expect(item.pairedItem).toEqual({ item: 0 }));
});

test('the credential waits for a PIN that the system generates after a delay', async () => {
	if (!target.sandbox) return; // the delay is a sandbox setting
	const slow = await startSeamTarget({ credentialIssueDelayMs: 1200 });
	try {
		const salto = byId(String(fx.salto.acs_system_id));
		const [user] = await slow.ok({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: salto,
			fullName: 'Slow Sam',
			accessGroupIds: [String(fx.mainGroup.acs_access_group_id)],
			startsAt: inDays(0),
			endsAt: inDays(2),
		});
		expect(user.json.joined_acs_access_group_ids).toEqual([fx.mainGroup.acs_access_group_id]);
		const userId = byId(String(user.json.acs_user_id));

		const [waited] = await slow.ok({
			resource: 'acsCredential',
			operation: 'create',
			acsSystemId: salto,
			acsUserId: userId,
		});
		expect(String(waited.json.code)).toMatch(/^\d{6}$/);
		const polls = slow.sandbox!.requests.filter((r) => r.path === '/acs/credentials/get');
		expect(polls.length).toBeGreaterThan(0);

		const [notWaited] = await slow.ok({
			resource: 'acsCredential',
			operation: 'create',
			acsSystemId: salto,
			acsUserId: userId,
			waitForCode: false,
		});
		expect(notWaited.json.code ?? null).toBeNull();
		expect(notWaited.json.is_issued).toBe(false);

		const timedOut = await slow.run({
			resource: 'acsCredential',
			operation: 'create',
			acsSystemId: salto,
			acsUserId: userId,
			options: { waitTimeout: 1 },
		});
		expect(timedOut.error?.message).toBe('The PIN code was not ready within 1 second');
		expect(timedOut.error?.description).toMatch(/Credential → Get/);
	} finally {
		await slow.close();
	}
});
