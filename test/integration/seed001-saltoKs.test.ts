/**
 * Seeds 001/002, Programming Salto KS PIN Code Credentials: get the ACS system, create the user
 * with an access schedule (Salto KS keeps them "unsubscribed" until it starts), add them to
 * several access groups, create the code credential: Salto KS generates the PIN.
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

test("Jane Doe, in two access groups, gets a generated 6-digit PIN for both groups' entrances", async () => {
	const [system] = await target.ok({
		resource: 'acsSystem',
		operation: 'get',
		acsSystemId: byId(String(fx.salto.acs_system_id)),
	});
	expect(system.json).toMatchObject({
		acs_system_id: fx.salto.acs_system_id,
		external_type: 'salto_ks_site',
	});

	const groups = fx.saltoGroups.slice(0, 2);
	expect(groups).toHaveLength(2);
	const startsAt = inDays(2, 15);
	const endsAt = inDays(5, 11);
	const [user] = await target.ok({
		resource: 'acsUser',
		operation: 'create',
		acsSystemId: byId(String(system.json.acs_system_id)),
		fullName: 'Jane Doe',
		startsAt,
		endsAt,
	});
	expect(user.json.access_schedule).toEqual({ starts_at: startsAt, ends_at: endsAt });
	if (target.sandbox) {
		// Until starts_at, Salto KS shows the user as unsubscribed.
		expect(user.json.salto_ks_metadata).toMatchObject({ is_subscribed: false });
	}
	const acsUserId = byId(String(user.json.acs_user_id));

	await target.ok({
		resource: 'acsUser',
		operation: 'addToAccessGroup',
		acsSystemId: byId(String(system.json.acs_system_id)),
		acsUserId,
		accessGroupIds: groups.map((g) => String(g.acs_access_group_id)),
	});
	const memberOf = await target.ok({
		resource: 'accessGroup',
		operation: 'getMany',
		acsSystemId: byId(String(system.json.acs_system_id)),
		returnAll: true,
	});
	expect(memberOf.length).toBeGreaterThanOrEqual(2);

	const [pin] = await target.ok({
		resource: 'acsCredential',
		operation: 'create',
		acsSystemId: byId(String(system.json.acs_system_id)),
		acsUserId,
	});
	expect(pin.json).toMatchObject({
		acs_system_id: system.json.acs_system_id,
		acs_user_id: user.json.acs_user_id,
		access_method: 'code',
	});
	expect(String(pin.json.code)).toMatch(/^\d{6}$/);

	const expected = new Set<string>();
	for (const group of groups) {
		const entrances = await target.ok({
			resource: 'accessGroup',
			operation: 'listAccessibleEntrances',
			accessGroupId: byId(String(group.acs_access_group_id)),
		});
		entrances.forEach((e) => expected.add(String(e.json.acs_entrance_id)));
	}
	const opened = await target.ok({
		resource: 'acsCredential',
		operation: 'listAccessibleEntrances',
		credentialId: byId(String(pin.json.acs_credential_id)),
	});
	expect(new Set(opened.map((e) => String(e.json.acs_entrance_id)))).toEqual(expected);
});

test('a custom code is refused before anything is created: Salto KS generates the PIN', async () => {
	const [user] = await target.ok({
		resource: 'acsUser',
		operation: 'create',
		acsSystemId: byId(String(fx.salto.acs_system_id)),
		fullName: 'Custom Carl',
	});
	const before = target.sandbox?.requests.length ?? 0;
	const result = await target.run({
		resource: 'acsCredential',
		operation: 'create',
		acsSystemId: byId(String(fx.salto.acs_system_id)),
		acsUserId: byId(String(user.json.acs_user_id)),
		options: { code: '123456' },
	});
	expect(result.error?.message).toBe('Custom Code is not supported by Salto KS');
	if (target.sandbox) {
		expect(target.sandbox.requests.slice(before).map((r) => r.path)).toEqual(['/acs/systems/get']);
	}
});
