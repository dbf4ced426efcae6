/**
 * Seed 004, Programming Code-Based Latch Credentials: create the ACS user linked to a user
 * identity, then one code credential per entrance (exactly one entrance each) with starts/ends,
 * then list each credential's accessible entrances. Latch generates the PIN.
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

test('Jane gets one 7-digit PIN per Latch entrance, each opening exactly that entrance', async () => {
	const latch = byId(String(fx.latch.acs_system_id));
	const identities = await target.ok({
		resource: 'userIdentity',
		operation: 'getMany',
		filters: { search: 'jane@example.com' },
		returnAll: true,
	});
	const jane =
		identities.find((i) => i.json.email_address === 'jane@example.com')?.json ??
		(
			await target.ok({
				resource: 'userIdentity',
				operation: 'create',
				fullName: 'Jane Doe',
				additionalFields: { email: 'jane@example.com' },
			})
		)[0].json;

	const [resident] = await target.ok({
		resource: 'acsUser',
		operation: 'create',
		acsSystemId: latch,
		fullName: 'Jane Doe',
		additionalFields: { email: 'jane@example.com' },
		userIdentityId: byId(String(jane.user_identity_id)),
	});
	expect(resident.json).toMatchObject({
		user_identity_id: jane.user_identity_id,
		email_address: 'jane@example.com',
	});

	// One input item per entrance, as a workflow gets them from Entrance → Get Many.
	const entrances = fx.latchEntrances.slice(0, 3);
	const startsAt = inDays(1, 16);
	const endsAt = inDays(6, 16);
	const credentials = await target.ok(
		{
			resource: 'acsCredential',
			operation: 'create',
			acsSystemId: latch,
			acsUserId: byId(String(resident.json.acs_user_id)),
			entranceIds: '={{ [$json.acs_entrance_id] }}',
			startsAt,
			endsAt,
		},
		{ input: entrances },
	);
	expect(credentials).toHaveLength(entrances.length);
	const codes = new Set<string>();
	for (const [index, credential] of credentials.entries()) {
		expect(credential.pairedItem).toEqual({ item: index });
		expect(credential.json).toMatchObject({
			access_method: 'code',
			starts_at: startsAt,
			ends_at: endsAt,
			acs_user_id: resident.json.acs_user_id,
		});
		expect(String(credential.json.code)).toMatch(/^\d{7}$/);
		codes.add(String(credential.json.code));

		const opened = await target.ok({
			resource: 'acsCredential',
			operation: 'listAccessibleEntrances',
			credentialId: byId(String(credential.json.acs_credential_id)),
		});
		expect(opened.map((e) => e.json.acs_entrance_id)).toEqual([entrances[index].acs_entrance_id]);
		expect(opened[0].json.display_name).toBe(entrances[index].display_name);
	}
	expect(codes.size).toBe(entrances.length);
});

test('Latch takes exactly one entrance per PIN code: two are refused before anything is created', async () => {
	const latch = byId(String(fx.latch.acs_system_id));
	const [user] = await target.ok({
		resource: 'acsUser',
		operation: 'create',
		acsSystemId: latch,
		fullName: 'Two Doors',
	});
	const before = target.sandbox?.requests.length ?? 0;
	const result = await target.run({
		resource: 'acsCredential',
		operation: 'create',
		acsSystemId: latch,
		acsUserId: byId(String(user.json.acs_user_id)),
		entranceIds: fx.latchEntrances.slice(0, 2).map((e) => String(e.acs_entrance_id)),
	});
	expect(result.error?.message).toBe(
		'Allowed Entrance Names or IDs must hold exactly one entrance for Latch (got 2)',
	);
	if (target.sandbox)
		expect(target.sandbox.requests.slice(before).map((r) => r.path)).toEqual(['/acs/systems/get']);

	const custom = await target.run({
		resource: 'acsCredential',
		operation: 'create',
		acsSystemId: latch,
		acsUserId: byId(String(user.json.acs_user_id)),
		entranceIds: [String(fx.latchEntrances[0].acs_entrance_id)],
		options: { code: '1234567' },
	});
	expect(custom.error?.message).toBe('Custom Code is not supported by Latch');
});
