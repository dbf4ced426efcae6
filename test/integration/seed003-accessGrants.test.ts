/**
 * Seed 003, Using PIN Codes (Access Grants): check which doors take a PIN, create an Access Grant
 * with a PIN on a device, an entrance or a space, wait until it is issued, read the code and the
 * doors it opens, change the times, revoke it. Plus the re-run safety of access_grant_key.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	byId,
	inDays,
	type SeamTarget,
	startSeamTarget,
	usingRealSeam,
} from '../helpers/seamTarget';
import { getSeedIds } from '../sandbox/seed';

const seed = getSeedIds();
let target: SeamTarget;

const describeSandbox = usingRealSeam ? describe.skip : describe;

const pinGrant = (overrides: IDataObject = {}) => ({
	resource: 'accessGrant',
	operation: 'create',
	grantTo: 'new',
	fullName: 'Gina Guest',
	email: 'gina@example.com',
	startsAt: inDays(1, 15),
	endsAt: inDays(4, 11),
	...overrides,
});

describeSandbox('Access Grants with PIN codes', () => {
	beforeAll(async () => {
		target = await startSeamTarget({ accessMethodIssueDelayMs: 400 });
	});
	afterAll(async () => target.close());
	beforeEach(() => target.sandbox!.requests.splice(0));
	const sent = (path: string) => target.sandbox!.requests.filter((r) => r.path === path);

	test('step 1: devices and entrances say whether a PIN can open them', async () => {
		const capable = await target.ok({
			resource: 'device',
			operation: 'getMany',
			returnAll: true,
			filters: { pinCapable: true },
		});
		const all = await target.ok({ resource: 'device', operation: 'getMany', returnAll: true });
		expect(capable.every((d) => d.json.can_program_online_access_codes === true)).toBe(true);
		expect(all.map((d) => d.json.device_id)).toContain(seed.devices.oldDeadbolt);
		expect(capable.map((d) => d.json.device_id)).not.toContain(seed.devices.oldDeadbolt);
		const spaces = await target.ok({ resource: 'space', operation: 'getMany', returnAll: true });
		expect(spaces.map((s) => s.json.space_id)).toEqual(
			expect.arrayContaining([seed.spaces.unit101, seed.spaces.poolArea]),
		);
	});

	test('a PIN on a device: wait, read the code and its door, change the times, revoke', async () => {
		const [created] = await target.ok(
			pinGrant({ deviceIds: [seed.devices.frontDoorLock], options: { name: 'Stay of Gina' } }),
		);
		const grant = created.json;
		expect(grant).toMatchObject({ name: 'Stay of Gina', reused_existing_grant: false });
		const pins = grant.pin_codes as Array<{
			code: string;
			access_method_id: string;
			doors: IDataObject[];
		}>;
		expect(pins).toHaveLength(1);
		expect(pins[0].code).toMatch(/^\d{4,9}$/);
		expect(pins[0].doors).toEqual([
			expect.objectContaining({ type: 'device', device_id: seed.devices.frontDoorLock }),
		]);
		expect((grant.access_methods as IDataObject[]).every((m) => m.is_issued === true)).toBe(true);
		expect(sent('/access_methods/list').length).toBeGreaterThan(1); // it really waited

		const accessGrantId = byId(String(grant.access_grant_id));
		const methods = await target.ok({
			resource: 'accessMethod',
			operation: 'getMany',
			listBy: 'accessGrant',
			accessGrantId,
		});
		expect(methods.map((m) => m.json.code)).toEqual([pins[0].code]);
		const [related] = await target.ok({
			resource: 'accessMethod',
			operation: 'getRelated',
			accessMethodId: byId(pins[0].access_method_id),
		});
		expect((related.json.devices as IDataObject[]).map((d) => d.device_id)).toEqual([
			seed.devices.frontDoorLock,
		]);

		const newEnd = inDays(6, 11);
		const [updated] = await target.ok({
			resource: 'accessGrant',
			operation: 'update',
			accessGrantId,
			updateFields: { endsAt: newEnd },
		});
		expect(updated.json.ends_at).toBe(newEnd);
		const [byKey] = await target.ok({ resource: 'accessGrant', operation: 'get', accessGrantId });
		expect(byKey.json.ends_at).toBe(newEnd);

		const [deleted] = await target.ok({
			resource: 'accessGrant',
			operation: 'delete',
			accessGrantId,
		});
		expect(deleted.json).toEqual({ deleted: true, access_grant_id: grant.access_grant_id });
		const gone = await target.run({ resource: 'accessGrant', operation: 'get', accessGrantId });
		expect(gone.error?.httpCode).toBe('404');
	});

	test('a PIN on an ACS entrance, for an existing user identity', async () => {
		const [created] = await target.ok(
			pinGrant({
				grantTo: 'existing',
				userIdentityId: byId(seed.userIdentities.jane),
				entranceIds: [seed.entrances.room101],
			}),
		);
		expect(created.json.user_identity_id).toBe(seed.userIdentities.jane);
		const [pin] = created.json.pin_codes as Array<{ code: string; doors: IDataObject[] }>;
		expect(pin.code).toMatch(/^\d+$/);
		expect(pin.doors).toEqual([
			expect.objectContaining({
				type: 'acs_entrance',
				acs_entrance_id: seed.entrances.room101,
				name: 'Room 101',
			}),
		]);
	});

	test("a PIN on a space covers the space's doors", async () => {
		const [created] = await target.ok(pinGrant({ spaceIds: [seed.spaces.unit101] }));
		const [pin] = created.json.pin_codes as Array<{
			doors: Array<{ device_id?: string; acs_entrance_id?: string }>;
		}>;
		const doorIds = pin.doors.map((d) => d.device_id ?? d.acs_entrance_id);
		expect(doorIds).toEqual(
			expect.arrayContaining([seed.devices.frontDoorLock, seed.devices.backDoorLock]),
		);
	});

	test('the access grant key makes a re-run return the same grant, with updated times', async () => {
		const key = `reservation-${Date.now()}`;
		const [first] = await target.ok(
			pinGrant({ deviceIds: [seed.devices.garageKeypad], accessGrantKey: key }),
		);
		const [again] = await target.ok(
			pinGrant({ deviceIds: [seed.devices.garageKeypad], accessGrantKey: key }),
		);
		expect(again.json.access_grant_id).toBe(first.json.access_grant_id);
		expect(again.json.reused_existing_grant).toBe(true);
		expect((again.json.pin_codes as IDataObject[])[0].code).toBe(
			(first.json.pin_codes as IDataObject[])[0].code,
		);

		const later = inDays(8, 11);
		const [moved] = await target.ok(
			pinGrant({ deviceIds: [seed.devices.garageKeypad], accessGrantKey: key, endsAt: later }),
		);
		expect(moved.json).toMatchObject({
			access_grant_id: first.json.access_grant_id,
			ends_at: later,
		});

		const withKey = await target.ok({
			resource: 'accessGrant',
			operation: 'getMany',
			returnAll: true,
			filters: { accessGrantKey: key },
		});
		expect(withKey).toHaveLength(1);
		const [got] = await target.ok({
			resource: 'accessGrant',
			operation: 'get',
			getBy: 'key',
			accessGrantKey: key,
		});
		expect(got.json.access_grant_id).toBe(first.json.access_grant_id);
	});

	test('a returning guest (same email) keeps one user identity across stays', async () => {
		const email = `returning-${Date.now()}@example.com`;
		const [first] = await target.ok(pinGrant({ email, deviceIds: [seed.devices.frontDoorLock] }));
		const [second] = await target.ok(
			pinGrant({
				email,
				deviceIds: [seed.devices.backDoorLock],
				startsAt: inDays(10),
				endsAt: inDays(12),
			}),
		);
		expect(second.json.access_grant_id).not.toBe(first.json.access_grant_id);
		expect(second.json.user_identity_id).toBe(first.json.user_identity_id);
		const identities = await target.ok({
			resource: 'userIdentity',
			operation: 'getMany',
			filters: { search: email },
			returnAll: true,
		});
		expect(identities).toHaveLength(1);
	});

	test("a custom PIN is programmed; if taken, Seam's warning is in the output", async () => {
		const [mine] = await target.ok(
			pinGrant({ deviceIds: [seed.devices.backDoorLock], options: { code: '482916' } }),
		);
		expect((mine.json.pin_codes as IDataObject[])[0].code).toBe('482916');
		const [clash] = await target.ok(
			pinGrant({ deviceIds: [seed.devices.backDoorLock], options: { code: '482916' } }),
		);
		expect((clash.json.pin_codes as IDataObject[])[0].code).not.toBe('482916');
		const warnings = [
			...((clash.json.warnings as IDataObject[]) ?? []),
			...(clash.json.access_methods as IDataObject[]).flatMap(
				(m) => (m.warnings as IDataObject[]) ?? [],
			),
		];
		expect(warnings.map((w) => w.warning_code)).toContain('requested_code_unavailable');
	});

	test('a device that cannot take online PIN codes is named, and no grant is created', async () => {
		const result = await target.run(
			pinGrant({ deviceIds: [seed.devices.frontDoorLock, seed.devices.oldDeadbolt] }),
		);
		expect(result.error?.message).toMatch(
			/^A PIN code cannot open this door: device "Old Deadbolt" \(.+\) cannot take online PIN codes$/,
		);
		expect(sent('/access_grants/create')).toEqual([]);
	});

	test('waiting times out with a clear error, or an error item with continueOnFail', async () => {
		const slow = await startSeamTarget({ accessMethodIssueDelayMs: 5000 });
		try {
			const params = pinGrant({
				deviceIds: [seed.devices.frontDoorLock],
				options: { waitTimeout: 1 },
			});
			const failed = await slow.run(params);
			expect(failed.error?.message).toBe('The access methods were not issued within 1 second');
			expect(failed.error?.description).toMatch(/Not issued yet: code /);
			const soft = await slow.run(params, { continueOnFail: true });
			expect(soft.items).toEqual([
				{
					json: expect.objectContaining({
						error: {
							message: 'The access methods were not issued within 1 second',
							description: expect.stringMatching(/Not issued yet: code/),
							retryable: false,
						},
					}),
					pairedItem: { item: 0 },
				},
			]);
		} finally {
			await slow.close();
		}
	});

	test.each([
		['no door at all', {}, 'Choose at least one device, entrance or space'],
		['a 3-digit code', { options: { code: '123' } }, 'Custom PIN Code must have 4 to 9 digits'],
		[
			'a 10-digit code',
			{ options: { code: '1234567890' } },
			'Custom PIN Code must have 4 to 9 digits',
		],
		[
			'a code with letters',
			{ options: { code: '12a4' } },
			'Custom PIN Code must contain digits only',
		],
		[
			'ends before starts',
			{ startsAt: inDays(3), endsAt: inDays(2) },
			'Ends At must be after Starts At',
		],
		[
			'an ID that is not a Seam ID',
			{ deviceIds: '={{ ["front-door"] }}' },
			'Device Names or IDs: "front-door" is not a Seam ID',
		],
	])('bad input (%s) is refused before any request', async (_name, overrides, message) => {
		const doors = _name === 'no door at all' ? {} : { deviceIds: [seed.devices.frontDoorLock] };
		const result = await target.run(pinGrant({ ...doors, ...overrides }));
		expect(result.error?.message).toBe(message);
		expect(target.sandbox!.requests).toEqual([]);
	});

	test('an unknown device ID is named before anything is created', async () => {
		const result = await target.run(
			pinGrant({ deviceIds: ['66666666-6666-4666-8666-666666666666'] }),
		);
		// The PIN capability check lists the chosen devices: one that is not there is named.
		expect(result.error?.message).toBe(
			'A PIN code cannot open this door: device 66666666-6666-4666-8666-666666666666 does not exist in this workspace',
		);
		expect(sent('/access_grants/create')).toEqual([]);
	});
});
