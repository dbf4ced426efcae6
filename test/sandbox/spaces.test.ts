import { SeamHttp, SeamHttpApiError, SeamHttpInvalidInputError } from '@seamapi/http';

import { type Sandbox, startSandbox } from './index';
import { expectRejection, inHours, waitFor } from './testkit';

// What the Stay resource reads from Seam to resolve a unit's doors and a
// stay's doors: /spaces/get_related, the seeded second unit "Unit 102", the id
// filters of /devices/list and /acs/entrances/list, /access_grants/list by
// reservation_key and /access_grants/get_related through the grant's spaces.
// afterEach checks that no response broke the OpenAPI contract.

jest.setTimeout(30_000);

let sandbox: Sandbox;
let seam: SeamHttp;

beforeAll(async () => {
	sandbox = await startSandbox({ accessMethodIssueDelayMs: 0 });
	seam = SeamHttp.fromApiKey(sandbox.apiKey, { endpoint: sandbox.url });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => {
	sandbox.reset();
});

afterEach(() => {
	expect(sandbox.contractViolations).toEqual([]);
});

async function expectApiError(promise: Promise<unknown>, code: string, statusCode: number) {
	const error = await expectRejection(promise);
	expect(error).toBeInstanceOf(SeamHttpApiError);
	expect(error).toMatchObject({ code, statusCode });
	return error as SeamHttpApiError;
}

type Batch = Record<string, Array<Record<string, unknown>> | undefined>;
const idsOf = (batch: Batch, kind: string, idField: string) =>
	(batch[kind] ?? []).map((item) => item[idField]);

describe('seeded Unit 102', () => {
	test('holds the Garage Keypad and the Latch entrance Room 102', async () => {
		const { spaces, devices, entrances } = sandbox.seed;
		expect(await seam.spaces.get({ space_key: 'unit-102' })).toMatchObject({
			space_id: spaces.unit102,
			space_key: 'unit-102',
			name: 'Unit 102',
			device_count: 1,
			acs_entrance_count: 1,
		});
		const inUnit = await seam.devices.list({ space_id: spaces.unit102 });
		expect(inUnit.map((device) => device.device_id)).toEqual([devices.garageKeypad]);
		expect(inUnit[0].space_ids).toEqual([spaces.unit102]);
		const doors = await seam.acs.entrances.list({ space_id: spaces.unit102 });
		expect(doors.map((entrance) => entrance.acs_entrance_id)).toEqual([entrances.room102]);
		expect(doors[0].space_ids).toEqual([spaces.unit102]);
		// Unit 101 is unchanged.
		const unit101 = await seam.devices.list({ space_id: spaces.unit101 });
		expect(unit101.map((device) => device.device_id)).toEqual([
			devices.frontDoorLock,
			devices.backDoorLock,
		]);
	});
});

describe('/spaces/get_related', () => {
	test('a space by id: its devices, entrances and their access system, as full objects', async () => {
		const { spaces, devices, entrances, latchSystemId } = sandbox.seed;
		const batch = (await seam.spaces.getRelated({ space_ids: [spaces.unit101] })) as Batch;
		expect(Object.keys(batch).sort()).toEqual(
			[
				'access_methods',
				'acs_entrances',
				'acs_systems',
				'connected_accounts',
				'devices',
				'spaces',
			].sort(),
		);
		expect(batch.spaces).toEqual([await seam.spaces.get({ space_id: spaces.unit101 })]);
		expect(batch.devices).toEqual([
			await seam.devices.get({ device_id: devices.frontDoorLock }),
			await seam.devices.get({ device_id: devices.backDoorLock }),
		]);
		expect(batch.acs_entrances).toEqual([
			await seam.acs.entrances.get({ acs_entrance_id: entrances.room101 }),
		]);
		expect(idsOf(batch, 'acs_systems', 'acs_system_id')).toEqual([latchSystemId]);
		expect(batch.connected_accounts).toEqual([]);
		expect(batch.access_methods).toEqual([]);
	});

	test('by ids and keys together, each space once, in creation order', async () => {
		const { spaces, devices, entrances } = sandbox.seed;
		const batch = (await seam.spaces.getRelated({
			space_ids: [spaces.unit102, spaces.unit101],
			space_keys: ['unit-101', 'pool-area'],
			include: ['spaces', 'devices', 'acs_entrances'],
		})) as Batch;
		expect(Object.keys(batch).sort()).toEqual(['acs_entrances', 'devices', 'spaces']);
		expect(idsOf(batch, 'spaces', 'space_id')).toEqual([
			spaces.unit101,
			spaces.unit102,
			spaces.poolArea,
		]);
		expect(idsOf(batch, 'devices', 'device_id')).toEqual([
			devices.frontDoorLock,
			devices.backDoorLock,
			devices.garageKeypad,
		]);
		expect(idsOf(batch, 'acs_entrances', 'acs_entrance_id')).toEqual([
			entrances.poolGate,
			entrances.room101,
			entrances.room102,
		]);

		const byKey = (await seam.spaces.getRelated({
			space_keys: ['unit-102'],
			exclude: ['devices', 'access_methods'],
		})) as Batch;
		expect(byKey.devices).toBeUndefined();
		expect(byKey.access_methods).toBeUndefined();
		expect(idsOf(byKey, 'spaces', 'space_id')).toEqual([spaces.unit102]);
		expect(idsOf(byKey, 'acs_entrances', 'acs_entrance_id')).toEqual([entrances.room102]);
	});

	test('access methods granted through the space', async () => {
		const { spaces, userIdentities } = sandbox.seed;
		const grant = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			space_keys: ['unit-102'],
			requested_access_methods: [{ mode: 'code' }],
			ends_at: inHours(24),
		});
		const batch = (await seam.spaces.getRelated({
			space_ids: [spaces.unit102],
			include: ['access_methods'],
		})) as Batch;
		expect(idsOf(batch, 'access_methods', 'access_method_id').sort()).toEqual(
			[...grant.access_method_ids].sort(),
		);
		const other = (await seam.spaces.getRelated({
			space_ids: [spaces.unit101],
			include: ['access_methods'],
		})) as Batch;
		expect(other.access_methods).toEqual([]);
	});

	test('an unknown space is 404 space_not_found; naming none is invalid_input', async () => {
		const { spaces } = sandbox.seed;
		const missing = '77777777-7777-4777-8777-999999999999';
		const byId = await expectApiError(
			seam.spaces.getRelated({ space_ids: [spaces.unit101, missing] }),
			'space_not_found',
			404,
		);
		expect(byId.message).toContain(missing);
		const byKey = await expectApiError(
			seam.spaces.getRelated({ space_keys: ['unit-999'] }),
			'space_not_found',
			404,
		);
		expect(byKey.message).toContain('unit-999');
		const none = await expectRejection(seam.spaces.getRelated({ space_ids: [] }));
		expect(none).toBeInstanceOf(SeamHttpInvalidInputError);
		// include values Seam does not document are refused by the contract.
		const response = await fetch(`${sandbox.url}/spaces/get_related`, {
			method: 'POST',
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ space_ids: [spaces.unit101], include: ['user_identities'] }),
		});
		expect(response.status).toBe(400);
	});
});

describe('list filters and related lookups of a stay', () => {
	test('/devices/list by device_ids and /acs/entrances/list by acs_entrance_ids', async () => {
		const { devices, entrances } = sandbox.seed;
		const found = await seam.devices.list({
			device_ids: [devices.garageKeypad, devices.frontDoorLock],
		});
		expect(found.map((device) => device.device_id)).toEqual([
			devices.frontDoorLock,
			devices.garageKeypad,
		]);
		expect(
			await seam.devices.list({ device_ids: ['66666666-6666-4666-8666-999999999999'] }),
		).toEqual([]);
		const doors = await seam.acs.entrances.list({
			acs_entrance_ids: [entrances.room102, entrances.poolGate],
		});
		expect(doors.map((entrance) => entrance.acs_entrance_id)).toEqual([
			entrances.poolGate,
			entrances.room102,
		]);
		expect(await seam.acs.entrances.list({ acs_entrance_ids: [] })).toEqual([]);
	});

	test('/access_grants/list by reservation_key', async () => {
		const { devices, userIdentities } = sandbox.seed;
		const grant = (device: string, reservation_key?: string) =>
			seam.accessGrants.create({
				user_identity_id: userIdentities.jane,
				device_ids: [device],
				requested_access_methods: [{ mode: 'code' }],
				...(reservation_key == null ? {} : { reservation_key }),
			});
		const a = await grant(devices.frontDoorLock, 'res-1');
		await grant(devices.backDoorLock, 'res-2');
		const c = await grant(devices.garageKeypad, 'res-1');
		await grant(devices.garageKeypad);
		const found = await seam.accessGrants.list({ reservation_key: 'res-1' });
		expect(found.map((g) => g.access_grant_id)).toEqual([a.access_grant_id, c.access_grant_id]);
		expect(found.every((g) => g.reservation_key === 'res-1')).toBe(true);
		expect(await seam.accessGrants.list({ reservation_key: 'res-3' })).toEqual([]);
	});

	test('/access_grants/get_related reaches the doors of the grant through its spaces', async () => {
		const { spaces, devices, entrances, latchSystemId, userIdentities } = sandbox.seed;
		const grant = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			space_keys: ['unit-102'],
			device_ids: [devices.frontDoorLock],
			requested_access_methods: [{ mode: 'code' }],
			reservation_key: 'res-102',
		});
		expect(grant.space_ids).toEqual([spaces.unit102]);
		const methods = await waitFor(
			() => seam.accessMethods.list({ access_grant_id: grant.access_grant_id }),
			(list) => list.length > 0 && list.every((method) => method.is_issued),
		);
		const batch = (await seam.accessGrants.getRelated({
			access_grant_ids: [grant.access_grant_id],
			include: ['spaces', 'devices', 'acs_entrances', 'acs_systems', 'access_methods'],
		})) as Batch;
		expect(idsOf(batch, 'spaces', 'space_id')).toEqual([spaces.unit102]);
		expect(batch.devices).toEqual([
			await seam.devices.get({ device_id: devices.frontDoorLock }),
			await seam.devices.get({ device_id: devices.garageKeypad }),
		]);
		expect(idsOf(batch, 'acs_entrances', 'acs_entrance_id')).toEqual([entrances.room102]);
		expect(idsOf(batch, 'acs_systems', 'acs_system_id')).toEqual([latchSystemId]);
		expect(idsOf(batch, 'access_methods', 'access_method_id').sort()).toEqual(
			methods.map((method) => method.access_method_id).sort(),
		);
		expect(batch.user_identities).toBeUndefined();
	});
});
