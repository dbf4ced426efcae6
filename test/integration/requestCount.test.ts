/**
 * Seam is asked each question once per item: where an operation needs the same answer twice
 * (the doors of an access method, a grant after its times moved, a PIN that is already there),
 * it reuses the answer in hand. Counted on the requests the local sandbox records.
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
	fullName: 'Count Carla',
	startsAt: inDays(1, 15),
	endsAt: inDays(3, 11),
	...overrides,
});

describeSandbox('one request per answer', () => {
	beforeAll(async () => {
		target = await startSeamTarget({ accessMethodIssueDelayMs: 0, credentialIssueDelayMs: 0 });
	});
	afterAll(async () => target.close());

	const paths = () => target.sandbox!.requests.map((r) => r.path);
	const sent = (path: string) => paths().filter((p) => p === path);

	test('Access Method → Get Related asks Seam once per item', async () => {
		const methodIds: string[] = [];
		for (const doors of [
			{ deviceIds: [seed.devices.frontDoorLock] },
			{ entranceIds: [seed.entrances.room101] },
		]) {
			const [grant] = await target.ok(pinGrant(doors));
			const [pin] = grant.json.pin_codes as Array<{ access_method_id: string }>;
			methodIds.push(pin.access_method_id);
		}

		target.sandbox!.requests.splice(0);
		const related = await target.ok(
			{
				resource: 'accessMethod',
				operation: 'getRelated',
				accessMethodId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			{ input: methodIds.map((id) => ({ id })) },
		);

		expect(paths()).toEqual(['/access_methods/get_related', '/access_methods/get_related']);
		// `doors` comes from the same answer as `devices` and `acs_entrances`.
		expect(related.map((item) => item.json.doors)).toEqual([
			[{ type: 'device', device_id: seed.devices.frontDoorLock, name: 'Front Door Lock' }],
			[{ type: 'acs_entrance', acs_entrance_id: seed.entrances.room101, name: 'Room 101' }],
		]);
		expect(related.map((item) => item.json.devices as IDataObject[])).toEqual([
			[expect.objectContaining({ device_id: seed.devices.frontDoorLock })],
			[],
		]);
		expect(related.map((item) => item.json.acs_entrances as IDataObject[])).toEqual([
			[],
			[expect.objectContaining({ acs_entrance_id: seed.entrances.room101 })],
		]);
	});

	test('Access Grant → Create, re-run with moved times, reads the grant once', async () => {
		const key = `count-${Date.now()}`;
		const grant = (overrides: IDataObject) =>
			pinGrant({ deviceIds: [seed.devices.garageKeypad], accessGrantKey: key, ...overrides });
		const [first] = await target.ok(grant({}));

		target.sandbox!.requests.splice(0);
		const movedEnd = inDays(5, 11);
		const [moved] = await target.ok(grant({ endsAt: movedEnd }));
		expect(moved.json).toMatchObject({
			access_grant_id: first.json.access_grant_id,
			ends_at: movedEnd,
			reused_existing_grant: true,
		});
		expect(sent('/access_grants/update')).toHaveLength(1);
		expect(sent('/access_grants/get')).toHaveLength(1);

		// Without waiting, the moved grant is still read once, so the output shows the new end.
		target.sandbox!.requests.splice(0);
		const laterEnd = inDays(6, 11);
		const [notWaited] = await target.ok(grant({ endsAt: laterEnd, waitUntilIssued: false }));
		expect(notWaited.json.ends_at).toBe(laterEnd);
		expect(sent('/access_grants/get')).toHaveLength(1);

		// Nothing moved and no waiting: the listed grant is the answer.
		target.sandbox!.requests.splice(0);
		const [same] = await target.ok(grant({ endsAt: laterEnd, waitUntilIssued: false }));
		expect(same.json.ends_at).toBe(laterEnd);
		expect(paths()).toEqual(['/access_grants/list']);
	});

	test('Credential → Create does not read a PIN that came with the create', async () => {
		const [user] = await target.ok({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: byId(seed.latchSystemId),
			fullName: 'Count Carl',
		});
		target.sandbox!.requests.splice(0);
		const [credential] = await target.ok({
			resource: 'acsCredential',
			operation: 'create',
			acsSystemId: byId(seed.latchSystemId),
			acsUserId: byId(String(user.json.acs_user_id)),
			entranceIds: [seed.entrances.garage],
			endsAt: inDays(2),
		});
		expect(String(credential.json.code)).toMatch(/^\d+$/);
		expect(paths()).toEqual(['/acs/systems/get', '/acs/credentials/create']);
	});

	test('Access Grant → Create on five doors checks their PIN capability with one list per kind', async () => {
		target.sandbox!.requests.splice(0);
		const [grant] = await target.ok(
			pinGrant({
				deviceIds: [
					seed.devices.frontDoorLock,
					seed.devices.backDoorLock,
					seed.devices.garageKeypad,
				],
				entranceIds: [seed.entrances.room101, seed.entrances.room102],
			}),
		);
		const pins = grant.json.pin_codes as unknown[];
		expect(sent('/devices/get')).toEqual([]);
		expect(sent('/acs/entrances/get')).toEqual([]);
		expect(sent('/devices/list')).toHaveLength(1);
		expect(sent('/acs/entrances/list')).toHaveLength(1);
		// Capability (2), create, the issued methods (no issue delay here: one read), the grant's
		// warnings, and the doors of each PIN.
		expect(paths()).toHaveLength(2 + 1 + 1 + 1 + pins.length);
	});

	test('Stay → Grant or Update Access: a new stay, then the same booking again (reads only)', async () => {
		const stay = {
			resource: 'stay',
			operation: 'grantAccess',
			reservationId: 'COUNT-1',
			guestName: 'Count Carla',
			doorsBy: 'spaceKeys',
			spaceKeys: 'unit-101',
			checkIn: inDays(1, 15),
			checkOut: inDays(3, 11),
		};
		target.sandbox!.requests.splice(0);
		const [created] = await target.ok(stay);
		const pins = (created.json.pins as unknown[]).length;
		// The stay (none yet), the unit's doors, create, the issued methods, the grant's warnings,
		// the doors of each PIN. No identity search: the guest has no email, phone or guest ID.
		expect(paths()).toEqual([
			'/access_grants/list',
			'/spaces/get_related',
			'/access_grants/create',
			'/access_methods/list',
			'/access_grants/get',
			...Array(pins).fill('/access_methods/get_related'),
		]);
		target.sandbox!.requests.splice(0);
		const [again] = await target.ok(stay);
		expect(again.json.status).toBe('unchanged');
		expect(paths()).toEqual([
			'/access_grants/list',
			'/spaces/get_related',
			'/access_methods/list',
			...Array(pins).fill('/access_methods/get_related'),
		]);
	});
});
