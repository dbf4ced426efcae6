/**
 * The rest of the operations a property manager uses day to day: change, suspend and remove a
 * user, revoke a PIN, list with limits. Each asserts what the user would check in Seam afterwards.
 */
import { byId, inDays, type SeamTarget, startSeamTarget } from '../helpers/seamTarget';
import { type AcsFixtures, findAcsFixtures } from '../helpers/fixtures';

let target: SeamTarget;
let fx: AcsFixtures;

beforeAll(async () => {
	target = await startSeamTarget({ credentialIssueDelayMs: 0 });
	fx = await findAcsFixtures(target);
});
afterAll(async () => target.close());

const saltoId = () => byId(String(fx.salto.acs_system_id));

test('an ACS user is updated, suspended, unsuspended, moved between groups and deleted', async () => {
	const [created] = await target.ok({
		resource: 'acsUser',
		operation: 'create',
		acsSystemId: saltoId(),
		fullName: 'Life Cycle',
		accessGroupIds: [String(fx.mainGroup.acs_access_group_id)],
		startsAt: inDays(1),
		endsAt: inDays(3),
	});
	const acsUserId = byId(String(created.json.acs_user_id));

	const startsAt = inDays(4, 15);
	const endsAt = inDays(9, 11);
	const [updated] = await target.ok({
		resource: 'acsUser',
		operation: 'update',
		acsUserId,
		updateFields: { fullName: 'Life Cycle Jr', email: 'life@example.com' },
		startsAt,
		endsAt,
	});
	expect(updated.json).toMatchObject({
		full_name: 'Life Cycle Jr',
		email_address: 'life@example.com',
		access_schedule: { starts_at: startsAt, ends_at: endsAt },
	});

	const nothing = await target.run({ resource: 'acsUser', operation: 'update', acsUserId });
	expect(nothing.error?.message).toBe('Nothing to update');

	const [suspended] = await target.ok({ resource: 'acsUser', operation: 'suspend', acsUserId });
	expect(suspended.json.is_suspended).toBe(true);
	const [unsuspended] = await target.ok({ resource: 'acsUser', operation: 'unsuspend', acsUserId });
	expect(unsuspended.json.is_suspended).toBe(false);

	const members = async () =>
		(
			await target.ok({
				resource: 'accessGroup',
				operation: 'listUsers',
				accessGroupId: byId(String(fx.mainGroup.acs_access_group_id)),
			})
		).map((i) => i.json.acs_user_id);
	expect(await members()).toContain(created.json.acs_user_id);
	const [removed] = await target.ok({
		resource: 'acsUser',
		operation: 'removeFromAccessGroup',
		acsSystemId: saltoId(),
		acsUserId,
		accessGroupIds: [String(fx.mainGroup.acs_access_group_id)],
	});
	expect(removed.json).toEqual({
		success: true,
		acs_user_id: created.json.acs_user_id,
		removed_acs_access_group_ids: [fx.mainGroup.acs_access_group_id],
	});
	expect(await members()).not.toContain(created.json.acs_user_id);
	expect(
		await target.ok({ resource: 'acsUser', operation: 'listAccessibleEntrances', acsUserId }),
	).toEqual([]);

	const [deleted] = await target.ok({ resource: 'acsUser', operation: 'delete', acsUserId });
	expect(deleted.json).toEqual({ deleted: true, acs_user_id: created.json.acs_user_id });
	const gone = await target.run({ resource: 'acsUser', operation: 'get', acsUserId });
	expect(gone.error?.httpCode).toBe('404');
});

test('a PIN code is read back, listed and revoked', async () => {
	const latch = byId(String(fx.latch.acs_system_id));
	const [user] = await target.ok({
		resource: 'acsUser',
		operation: 'create',
		acsSystemId: latch,
		fullName: 'Revoke Me',
	});
	const acsUserId = byId(String(user.json.acs_user_id));
	const [pin] = await target.ok({
		resource: 'acsCredential',
		operation: 'create',
		acsSystemId: latch,
		acsUserId,
		entranceIds: [String(fx.latchEntrances[0].acs_entrance_id)],
		endsAt: inDays(2),
	});
	const credentialId = byId(String(pin.json.acs_credential_id));

	const [read] = await target.ok({ resource: 'acsCredential', operation: 'get', credentialId });
	expect(read.json.code).toBe(pin.json.code);
	const listed = await target.ok({
		resource: 'acsCredential',
		operation: 'getMany',
		acsSystemId: latch,
		acsUserId,
		returnAll: true,
	});
	expect(listed.map((i) => i.json.acs_credential_id)).toEqual([pin.json.acs_credential_id]);

	const [revoked] = await target.ok({
		resource: 'acsCredential',
		operation: 'delete',
		credentialId,
	});
	expect(revoked.json).toEqual({ deleted: true, acs_credential_id: pin.json.acs_credential_id });
	expect(
		await target.ok({
			resource: 'acsCredential',
			operation: 'getMany',
			acsSystemId: latch,
			acsUserId,
			returnAll: true,
		}),
	).toEqual([]);
});

test('Get Many honours Limit and Return All', async () => {
	const latch = byId(String(fx.latch.acs_system_id));
	for (let n = 0; n < 7; n++) {
		await target.ok({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: latch,
			fullName: `Page Person ${n}`,
		});
	}
	const three = await target.ok({
		resource: 'acsUser',
		operation: 'getMany',
		acsSystemId: latch,
		limit: 3,
		filters: { search: 'Page Person' },
	});
	expect(three).toHaveLength(3);
	const all = await target.ok({
		resource: 'acsUser',
		operation: 'getMany',
		acsSystemId: latch,
		returnAll: true,
		filters: { search: 'Page Person' },
	});
	expect(all.map((i) => i.json.full_name).sort()).toEqual(
		[0, 1, 2, 3, 4, 5, 6].map((n) => `Page Person ${n}`),
	);
	all.forEach((item) => expect(item.pairedItem).toEqual({ item: 0 }));

	const oneSystem = await target.ok({ resource: 'acsSystem', operation: 'getMany', limit: 1 });
	expect(oneSystem).toHaveLength(1);
});

test('entrances show whether a PIN opens them; user identities are created and found', async () => {
	const entrances = await target.ok({
		resource: 'entrance',
		operation: 'getMany',
		acsSystemId: byId(String(fx.latch.acs_system_id)),
		returnAll: true,
	});
	expect(entrances.length).toBeGreaterThan(0);
	entrances.forEach((e) => expect(typeof e.json.can_unlock_with_code).toBe('boolean'));
	const [one] = await target.ok({
		resource: 'entrance',
		operation: 'get',
		entranceId: byId(String(entrances[0].json.acs_entrance_id)),
	});
	expect(one.json.display_name).toBe(entrances[0].json.display_name);

	const [identity] = await target.ok({
		resource: 'userIdentity',
		operation: 'create',
		fullName: 'Guest Gwen',
		additionalFields: { email: 'gwen@example.com', userIdentityKey: 'reservation-4711' },
	});
	expect(identity.json).toMatchObject({
		full_name: 'Guest Gwen',
		email_address: 'gwen@example.com',
		user_identity_key: 'reservation-4711',
	});
	const [found] = await target.ok({
		resource: 'userIdentity',
		operation: 'get',
		userIdentityId: byId(String(identity.json.user_identity_id)),
	});
	expect(found.json.user_identity_id).toBe(identity.json.user_identity_id);
	const [group] = await target.ok({
		resource: 'accessGroup',
		operation: 'get',
		accessGroupId: byId(String(fx.mainGroup.acs_access_group_id)),
	});
	expect(group.json.name).toBe(fx.mainGroup.name);
});
