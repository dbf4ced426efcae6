import { SeamHttp } from '@seamapi/http';

import { type Sandbox, startSandbox, startWebhookReceiver } from './index';
import { expectApiError, expectInvalidInput, inHours, waitFor } from './testkit';

// Seam's access code API on smart locks, driven through the real SDK: the
// lifecycle (setting → set, unset until starts_at, removed at ends_at, removing
// → gone on delete), the rules Seam enforces, linked codes across locks,
// unmanaged codes and offline (algoPIN) codes.

jest.setTimeout(30_000);

const SET_DELAY_MS = 150;

let sandbox: Sandbox;
let seam: SeamHttp;

beforeAll(async () => {
	sandbox = await startSandbox({ accessCodeSetDelayMs: SET_DELAY_MS });
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

const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const eventsOf = async (params: Omit<Parameters<SeamHttp['events']['list']>[0], 'since'> = {}) =>
	(await seam.events.list({ since: '2000-01-01T00:00:00Z', ...params }))
		.map((event) => event.event_type)
		.reverse();

describe('lifecycle', () => {
	test('a new code is setting, then set with access_code.set_on_device', async () => {
		const { frontDoorLock } = sandbox.seed.devices;
		const code = await seam.accessCodes.create({
			device_id: frontDoorLock,
			name: 'Guest',
			code: '4821',
		});
		expect(code).toMatchObject({
			device_id: frontDoorLock,
			name: 'Guest',
			code: '4821',
			type: 'ongoing',
			status: 'setting',
			is_managed: true,
			is_offline_access_code: false,
			common_code_key: null,
			pending_mutations: [expect.objectContaining({ mutation_code: 'creating' })],
		});

		const set = await waitFor(
			() => seam.accessCodes.get({ access_code_id: code.access_code_id }),
			(current) => current.status === 'set',
		);
		expect(set.pending_mutations).toEqual([]);
		// Also found by lock + PIN.
		const byPin = await seam.accessCodes.get({ device_id: frontDoorLock, code: '4821' });
		expect(byPin.access_code_id).toBe(code.access_code_id);

		const events = await seam.events.list({
			since: '2000-01-01T00:00:00Z',
			access_code_id: code.access_code_id,
		});
		expect(events.map((event) => event.event_type).reverse()).toEqual([
			'access_code.created',
			'access_code.set_on_device',
		]);
		expect(events[0]).toMatchObject({ device_id: frontDoorLock, code: '4821' });
	});

	test('with a webhook, set_on_device is delivered when due, without another request', async () => {
		const receiver = await startWebhookReceiver();
		try {
			await seam.webhooks.create({
				url: receiver.url,
				event_types: ['access_code.set_on_device', 'access_code.removed_from_device'],
			});
			const code = await seam.accessCodes.create({
				device_id: sandbox.seed.devices.frontDoorLock,
				code: '6060',
				ends_at: at(SET_DELAY_MS + 300),
			});
			const delivered = await receiver.waitFor(2);
			expect(
				delivered.map((request) => JSON.parse(request.body) as Record<string, unknown>),
			).toEqual([
				expect.objectContaining({
					event_type: 'access_code.set_on_device',
					access_code_id: code.access_code_id,
					code: '6060',
				}),
				expect.objectContaining({
					event_type: 'access_code.removed_from_device',
					access_code_id: code.access_code_id,
				}),
			]);
			await sandbox.flushDeliveries();
		} finally {
			await receiver.close();
		}
	});

	test('with accessCodeSetDelayMs 0 the code is set in the reply', async () => {
		const instant = await startSandbox({ accessCodeSetDelayMs: 0 });
		try {
			const client = SeamHttp.fromApiKey(instant.apiKey, { endpoint: instant.url });
			const code = await client.accessCodes.create({
				device_id: instant.seed.devices.backDoorLock,
			});
			expect(code.status).toBe('set');
			expect(code.code).toMatch(/^\d{4}$/);
			// The raw reply carries the CREATE_ACCESS_CODE action attempt, finished.
			const raw = await fetch(`${instant.url}/access_codes/create`, {
				method: 'POST',
				headers: { authorization: `Bearer ${instant.apiKey}`, 'content-type': 'application/json' },
				body: JSON.stringify({ device_id: instant.seed.devices.backDoorLock, code: '7777' }),
			});
			const body = (await raw.json()) as {
				action_attempt: { action_type: string; status: string };
			};
			expect(body.action_attempt).toMatchObject({
				action_type: 'CREATE_ACCESS_CODE',
				status: 'success',
			});
			expect(instant.contractViolations).toEqual([]);
		} finally {
			await instant.close();
		}
	});

	test('a time-bound code is unset until starts_at, set, then removed and deleted at ends_at', async () => {
		const { backDoorLock } = sandbox.seed.devices;
		const code = await seam.accessCodes.create({
			device_id: backDoorLock,
			name: 'Short stay',
			starts_at: at(400),
			ends_at: at(1_200),
		});
		expect(code).toMatchObject({ type: 'time_bound', status: 'unset' });
		expect(code.pending_mutations[0]).toMatchObject({ mutation_code: 'deferring_creation' });

		await waitFor(
			() => seam.accessCodes.get({ access_code_id: code.access_code_id }),
			(current) => current.status === 'set',
		);
		await waitFor(
			() => seam.accessCodes.list({ device_id: backDoorLock }),
			(codes) => codes.length === 0,
		);
		await expectApiError(
			seam.accessCodes.get({ access_code_id: code.access_code_id }),
			'access_code_not_found',
			404,
		);
		expect(await eventsOf({ access_code_id: code.access_code_id })).toEqual([
			'access_code.created',
			'access_code.set_on_device',
			'access_code.removed_from_device',
			'access_code.deleted',
		]);
	});

	test('delete answers at once; removing, then gone with deleted + removed_from_device', async () => {
		const { frontDoorLock } = sandbox.seed.devices;
		const code = await seam.accessCodes.create({ device_id: frontDoorLock, code: '2580' });
		await waitFor(
			() => seam.accessCodes.get({ access_code_id: code.access_code_id }),
			(current) => current.status === 'set',
		);
		await seam.accessCodes.delete({ access_code_id: code.access_code_id });
		const removing = await seam.accessCodes.get({ access_code_id: code.access_code_id });
		expect(removing.status).toBe('removing');
		expect(removing.pending_mutations[0]).toMatchObject({ mutation_code: 'deleting' });

		await waitFor(
			() => seam.accessCodes.list({ device_id: frontDoorLock }),
			(codes) => codes.length === 0,
		);
		expect(await eventsOf({ access_code_id: code.access_code_id })).toEqual([
			'access_code.created',
			'access_code.set_on_device',
			'access_code.removed_from_device',
			'access_code.deleted',
		]);
		// The PIN is free again.
		await seam.accessCodes.create({ device_id: frontDoorLock, code: '2580' });
	});

	test('a code deleted before it was set is not reported removed from the lock', async () => {
		const code = await seam.accessCodes.create({
			device_id: sandbox.seed.devices.frontDoorLock,
			starts_at: inHours(24),
			ends_at: inHours(48),
		});
		await seam.accessCodes.delete({ access_code_id: code.access_code_id });
		await sleep(SET_DELAY_MS + 50);
		expect(await eventsOf({ access_code_id: code.access_code_id })).toEqual([
			'access_code.created',
			'access_code.deleted',
		]);
	});

	test('update: a new name at once; a new code or times are programmed again', async () => {
		const { frontDoorLock } = sandbox.seed.devices;
		const code = await seam.accessCodes.create({ device_id: frontDoorLock, code: '1470' });
		await waitFor(
			() => seam.accessCodes.get({ access_code_id: code.access_code_id }),
			(current) => current.status === 'set',
		);

		await seam.accessCodes.update({ access_code_id: code.access_code_id, name: 'Cleaner' });
		expect(await seam.accessCodes.get({ access_code_id: code.access_code_id })).toMatchObject({
			name: 'Cleaner',
			status: 'set',
		});

		await seam.accessCodes.update({ access_code_id: code.access_code_id, code: '369258' });
		expect(await seam.accessCodes.get({ access_code_id: code.access_code_id })).toMatchObject({
			code: '369258',
			status: 'setting',
			pending_mutations: [
				expect.objectContaining({
					mutation_code: 'updating_code',
					from: { code: '1470' },
					to: { code: '369258' },
				}),
			],
		});
		await waitFor(
			() => seam.accessCodes.get({ access_code_id: code.access_code_id }),
			(current) => current.status === 'set',
		);

		const startsAt = inHours(24);
		const endsAt = inHours(72);
		await seam.accessCodes.update({
			access_code_id: code.access_code_id,
			type: 'time_bound',
			starts_at: startsAt,
			ends_at: endsAt,
		});
		expect(await seam.accessCodes.get({ access_code_id: code.access_code_id })).toMatchObject({
			type: 'time_bound',
			starts_at: startsAt,
			ends_at: endsAt,
			status: 'unset',
			pending_mutations: [
				expect.objectContaining({
					mutation_code: 'updating_time_frame',
					from: { starts_at: null, ends_at: null },
					to: { starts_at: startsAt, ends_at: endsAt },
				}),
			],
		});

		await seam.accessCodes.update({ access_code_id: code.access_code_id, type: 'ongoing' });
		const ongoing = await seam.accessCodes.get({ access_code_id: code.access_code_id });
		expect(ongoing.type).toBe('ongoing');
		expect(ongoing.starts_at ?? null).toBeNull();

		expect(await eventsOf({ access_code_id: code.access_code_id })).toEqual([
			'access_code.created',
			'access_code.set_on_device',
			'access_code.changed',
			'access_code.changed',
			'access_code.set_on_device',
			'access_code.changed',
			'access_code.changed',
		]);
	});
});

describe('rules Seam enforces', () => {
	test('codes must be digits of a length the lock takes', async () => {
		const { garageKeypad, frontDoorLock } = sandbox.seed.devices;
		expect(
			await expectInvalidInput(
				seam.accessCodes.create({ device_id: garageKeypad, code: '123456' }),
				'code',
			),
		).toContain('4 digits');
		await expectInvalidInput(
			seam.accessCodes.create({ device_id: frontDoorLock, code: '12a4' }),
			'code',
		);
		const code = await seam.accessCodes.create({ device_id: garageKeypad, code: '1234' });
		await expectInvalidInput(
			seam.accessCodes.update({ access_code_id: code.access_code_id, code: '12345' }),
			'code',
		);
		expect(await seam.accessCodes.list({ device_id: garageKeypad })).toHaveLength(1);
	});

	test('a code already on the lock is refused, unmanaged codes included', async () => {
		const { frontDoorLock, backDoorLock } = sandbox.seed.devices;
		await seam.accessCodes.create({ device_id: frontDoorLock, code: '4444' });
		await expectApiError(
			seam.accessCodes.create({ device_id: frontDoorLock, code: '4444' }),
			'duplicate_code_on_device',
			400,
		);
		// "Owner", an unmanaged code on the Front Door Lock.
		await expectApiError(
			seam.accessCodes.create({ device_id: frontDoorLock, code: '9136' }),
			'duplicate_code_on_device',
			400,
		);
		// Another lock is another keypad.
		await seam.accessCodes.create({ device_id: backDoorLock, code: '4444' });
	});

	test('ends_at must follow starts_at and lie ahead', async () => {
		const device_id = sandbox.seed.devices.frontDoorLock;
		await expectInvalidInput(
			seam.accessCodes.create({ device_id, starts_at: inHours(5), ends_at: inHours(2) }),
			'ends_at',
		);
		await expectInvalidInput(
			seam.accessCodes.create({ device_id, starts_at: inHours(-5), ends_at: inHours(-2) }),
			'ends_at',
		);
		await expectInvalidInput(
			seam.accessCodes.create({ device_id, starts_at: inHours(5) }),
			'ends_at',
		);
		expect(await seam.accessCodes.list({ device_id })).toEqual([]);
	});

	test('a lock without a keypad and an unknown device are refused', async () => {
		await expectInvalidInput(
			seam.accessCodes.create({ device_id: sandbox.seed.devices.oldDeadbolt, code: '1234' }),
			'device_id',
		);
		await expectApiError(
			seam.accessCodes.create({ device_id: '66666666-6666-4666-8666-999999999999' }),
			'device_not_found',
			404,
		);
	});

	test('a full lock (managed + unmanaged codes) refuses another code', async () => {
		const full = await startSandbox({ accessCodeSetDelayMs: 0 });
		try {
			const client = SeamHttp.fromApiKey(full.apiKey, { endpoint: full.url });
			const device_id = full.seed.devices.garageKeypad; // max_active_codes_supported: 100
			await client.accessCodes.simulate.createUnmanagedAccessCode({
				device_id,
				name: 'Installer',
				code: '1111',
			});
			for (let index = 0; index < 99; index += 1) await client.accessCodes.create({ device_id });
			await expectApiError(
				client.accessCodes.create({ device_id }),
				'no_space_for_access_code_on_device',
				400,
			);
			expect(full.contractViolations).toEqual([]);
		} finally {
			await full.close();
		}
	});

	test('generated codes fit the lock; preferred_code_length is honoured where it can be', async () => {
		const { frontDoorLock, backDoorLock, garageKeypad } = sandbox.seed.devices;
		const generated = await seam.accessCodes.generateCode({ device_id: garageKeypad });
		expect(generated.code).toMatch(/^\d{4}$/);
		const eight = await seam.accessCodes.create({
			device_id: backDoorLock,
			preferred_code_length: 8,
		});
		expect(eight.code).toMatch(/^\d{8}$/);
		// The Front Door Lock takes 4–6 digits: the nearest to 8.
		const six = await seam.accessCodes.create({
			device_id: frontDoorLock,
			preferred_code_length: 8,
		});
		expect(six.code).toMatch(/^\d{6}$/);
	});
});

describe('lists', () => {
	test('by device, ids and search, with pagination', async () => {
		const { frontDoorLock, backDoorLock } = sandbox.seed.devices;
		const a = await seam.accessCodes.create({ device_id: frontDoorLock, name: 'Alice stay' });
		const b = await seam.accessCodes.create({ device_id: frontDoorLock, name: 'Bob stay' });
		const c = await seam.accessCodes.create({ device_id: backDoorLock, name: 'Alice back' });
		const ids = (codes: Array<{ access_code_id: string }>) =>
			codes.map((code) => code.access_code_id);

		expect(ids(await seam.accessCodes.list({ device_id: frontDoorLock }))).toEqual([
			a.access_code_id,
			b.access_code_id,
		]);
		expect(ids(await seam.accessCodes.list({ access_code_ids: [c.access_code_id] }))).toEqual([
			c.access_code_id,
		]);
		expect(ids(await seam.accessCodes.list({ search: 'alice' }))).toEqual([
			a.access_code_id,
			c.access_code_id,
		]);
		// No access codes come from access grants in the sandbox.
		expect(
			await seam.accessCodes.list({ access_grant_id: '66666666-6666-4666-8666-999999999999' }),
		).toEqual([]);

		const paginator = seam.createPaginator(seam.accessCodes.list({ search: 'stay', limit: 1 }));
		const [page, pagination] = await paginator.firstPage();
		expect(ids(page)).toEqual([a.access_code_id]);
		expect(pagination.hasNextPage).toBe(true);
		expect(ids(await paginator.flattenToArray())).toEqual([a.access_code_id, b.access_code_id]);

		// Seam lists the codes of something: a device, ids, a search, ….
		const raw = await fetch(`${sandbox.url}/access_codes/list`, {
			method: 'POST',
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
			body: '{}',
		});
		expect(raw.status).toBe(400);
	});
});

describe('linked codes on several locks (create_multiple)', () => {
	test('one generated PIN and one common_code_key for every lock', async () => {
		const { frontDoorLock, backDoorLock } = sandbox.seed.devices;
		const codes = await seam.accessCodes.createMultiple({
			device_ids: [frontDoorLock, backDoorLock],
			name: "Jane's reservation",
			starts_at: inHours(24),
			ends_at: inHours(72),
			preferred_code_length: 5,
		});
		expect(codes).toHaveLength(2);
		expect(codes[0].code).toMatch(/^\d{5}$/);
		expect(codes[1].code).toBe(codes[0].code);
		expect(codes[0].common_code_key).toMatch(/^auto_set_by_create_multiple_/);
		expect(codes[1].common_code_key).toBe(codes[0].common_code_key);
		expect(codes.map((code) => code.name)).toEqual(["Jane's reservation", "Jane's reservation"]);
	});

	test('a custom code is shared but not linked', async () => {
		const { frontDoorLock, backDoorLock } = sandbox.seed.devices;
		const codes = await seam.accessCodes.createMultiple({
			device_ids: [frontDoorLock, backDoorLock],
			code: '86420',
		});
		expect(codes.map((code) => [code.code, code.common_code_key])).toEqual([
			['86420', null],
			['86420', null],
		]);
	});

	test("a lock that cannot take the code: 'throw' refuses everything, 'create_random_code' gives it its own", async () => {
		const { frontDoorLock, garageKeypad } = sandbox.seed.devices;
		const message = await expectInvalidInput(
			seam.accessCodes.createMultiple({
				device_ids: [frontDoorLock, garageKeypad],
				code: '246810',
			}),
			'code',
		);
		expect(message).toContain('Garage Keypad');
		expect(await seam.accessCodes.list({ device_id: frontDoorLock })).toEqual([]);

		const codes = await seam.accessCodes.createMultiple({
			device_ids: [frontDoorLock, garageKeypad],
			code: '246810',
			behavior_when_code_cannot_be_shared: 'create_random_code',
		});
		expect(codes[0].code).toBe('246810');
		expect(codes[1].code).toMatch(/^\d{4}$/);
	});
});

describe('unmanaged codes', () => {
	test('the seeded codes on the Front Door Lock, by list and get', async () => {
		const { devices, unmanagedAccessCodes } = sandbox.seed;
		const codes = await seam.accessCodes.unmanaged.list({ device_id: devices.frontDoorLock });
		expect(codes.map((code) => [code.name, code.code, code.is_managed, code.status])).toEqual([
			['Owner', '9136', false, 'set'],
			['Old cleaner code', '5820', false, 'set'],
		]);
		expect(await seam.accessCodes.unmanaged.list({ device_id: devices.backDoorLock })).toEqual([]);
		const owner = await seam.accessCodes.unmanaged.get({
			access_code_id: unmanagedAccessCodes.owner,
		});
		expect(owner.name).toBe('Owner');
		const byPin = await seam.accessCodes.unmanaged.get({
			device_id: devices.frontDoorLock,
			code: '5820',
		});
		expect(byPin.access_code_id).toBe(unmanagedAccessCodes.oldCleaner);
		// Managed endpoints do not see them.
		await expectApiError(
			seam.accessCodes.get({ access_code_id: unmanagedAccessCodes.owner }),
			'access_code_not_found',
			404,
		);
	});

	test('convert_to_managed keeps the id; simulate adds one', async () => {
		const { devices, unmanagedAccessCodes } = sandbox.seed;
		await seam.accessCodes.unmanaged.convertToManaged({
			access_code_id: unmanagedAccessCodes.oldCleaner,
		});
		const managed = await seam.accessCodes.get({ access_code_id: unmanagedAccessCodes.oldCleaner });
		expect(managed).toMatchObject({ is_managed: true, status: 'set', code: '5820' });
		expect(
			(await seam.accessCodes.unmanaged.list({ device_id: devices.frontDoorLock })).map(
				(code) => code.name,
			),
		).toEqual(['Owner']);

		const simulated = await seam.accessCodes.simulate.createUnmanagedAccessCode({
			device_id: devices.backDoorLock,
			name: 'Neighbour',
			code: '3141',
		});
		expect(simulated).toMatchObject({ is_managed: false, name: 'Neighbour', code: '3141' });
		expect(await eventsOf({ device_id: devices.frontDoorLock })).toEqual([
			'access_code.unmanaged.converted_to_managed',
		]);
		expect(await eventsOf({ device_id: devices.backDoorLock })).toEqual([
			'access_code.unmanaged.created',
		]);
	});
});

describe('offline access codes (Storage Room Lock, igloohome)', () => {
	test('the lock takes offline codes only, each with starts_at and ends_at and a PIN Seam generates', async () => {
		const { storageRoomLock, frontDoorLock } = sandbox.seed.devices;
		const lock = await seam.devices.get({ device_id: storageRoomLock });
		expect(lock).toMatchObject({
			display_name: 'Storage Room Lock',
			device_type: 'igloohome_lock',
			can_program_offline_access_codes: true,
			can_program_online_access_codes: false,
			space_ids: [],
		});

		await expectInvalidInput(seam.accessCodes.create({ device_id: storageRoomLock }), 'device_id');
		await expectInvalidInput(
			seam.accessCodes.create({ device_id: storageRoomLock, is_offline_access_code: true }),
			'starts_at',
		);
		await expectInvalidInput(
			seam.accessCodes.create({
				device_id: storageRoomLock,
				is_offline_access_code: true,
				starts_at: inHours(1),
				ends_at: inHours(5),
				code: '123456789',
			}),
			'code',
		);
		await expectInvalidInput(
			seam.accessCodes.create({
				device_id: frontDoorLock,
				is_offline_access_code: true,
				starts_at: inHours(1),
				ends_at: inHours(5),
			}),
			'is_offline_access_code',
		);

		const offline = await seam.accessCodes.create({
			device_id: storageRoomLock,
			name: 'Delivery',
			is_offline_access_code: true,
			starts_at: inHours(1),
			ends_at: inHours(5),
		});
		expect(offline).toMatchObject({ is_offline_access_code: true, type: 'time_bound' });
		expect(offline.code).toMatch(/^\d{9}$/);

		// Neither changed nor deleted through the API.
		await expectInvalidInput(
			seam.accessCodes.update({ access_code_id: offline.access_code_id, name: 'X' }),
			'access_code_id',
		);
		await expectInvalidInput(
			seam.accessCodes.delete({ access_code_id: offline.access_code_id }),
			'access_code_id',
		);
		expect(await seam.accessCodes.list({ device_id: storageRoomLock })).toHaveLength(1);
	});
});

describe('locks that do not take codes (offline, or refusing them)', () => {
	const attemptsOn = async (device_id: string) =>
		(await seam.actionAttempts.list({ device_id })).filter((attempt) =>
			attempt.action_type.endsWith('_ACCESS_CODE'),
		);

	test('an offline lock keeps new and changed codes setting, with the delay warning, and takes them when back', async () => {
		const { frontDoorLock } = sandbox.seed.devices;
		const before = await seam.accessCodes.create({ device_id: frontDoorLock, code: '4821' });
		await waitFor(
			() => seam.accessCodes.get({ access_code_id: before.access_code_id }),
			(current) => current.status === 'set',
		);
		sandbox.setDeviceOnline(frontDoorLock, false);

		const fresh = await seam.accessCodes.create({
			device_id: frontDoorLock,
			name: 'Guest',
			code: '5930',
		});
		await seam.accessCodes.update({ access_code_id: before.access_code_id, code: '4822' });
		await sleep(SET_DELAY_MS * 3);

		const offlineError = expect.objectContaining({
			error_code: 'device_disconnected',
			is_device_error: true,
		});
		const delayed = {
			status: 'setting',
			errors: [offlineError],
			warnings: [expect.objectContaining({ warning_code: 'delay_in_setting_on_device' })],
		};
		expect(await seam.accessCodes.get({ access_code_id: fresh.access_code_id })).toMatchObject({
			...delayed,
			pending_mutations: [expect.objectContaining({ mutation_code: 'creating' })],
		});
		expect(await seam.accessCodes.get({ access_code_id: before.access_code_id })).toMatchObject({
			...delayed,
			code: '4822',
			pending_mutations: [expect.objectContaining({ mutation_code: 'updating_code' })],
		});
		expect((await attemptsOn(frontDoorLock)).map((attempt) => attempt.status)).toEqual([
			'success',
			'pending',
			'pending',
		]);
		// Codes set on the lock outside Seam stay as they were (the sandbox puts no errors on them).
		expect(
			(await seam.accessCodes.unmanaged.list({ device_id: frontDoorLock })).map((c) => c.status),
		).toEqual(['set', 'set']);

		sandbox.setDeviceOnline(frontDoorLock, true);
		for (const access_code_id of [fresh.access_code_id, before.access_code_id]) {
			expect(await seam.accessCodes.get({ access_code_id })).toMatchObject({
				status: 'set',
				errors: [],
				warnings: [],
				pending_mutations: [],
			});
		}
		expect((await attemptsOn(frontDoorLock)).map((attempt) => attempt.status)).toEqual([
			'success',
			'success',
			'success',
		]);
		expect(await eventsOf({ access_code_id: fresh.access_code_id })).toEqual([
			'access_code.created',
			'access_code.delay_in_setting_on_device',
			'access_code.set_on_device',
		]);
		const [delayEvent] = await seam.events.list({
			since: '2000-01-01T00:00:00Z',
			event_type: 'access_code.delay_in_setting_on_device',
			access_code_id: fresh.access_code_id,
		});
		expect(delayEvent).toMatchObject({
			device_id: frontDoorLock,
			access_code_errors: [],
			access_code_warnings: [
				expect.objectContaining({ warning_code: 'delay_in_setting_on_device' }),
			],
			device_errors: [expect.objectContaining({ error_code: 'device_disconnected' })],
		});
	});

	test('a code that starts later on an offline lock is unset, then waits for the lock at its start', async () => {
		const { backDoorLock } = sandbox.seed.devices;
		sandbox.setDeviceOnline(backDoorLock, false);
		const code = await seam.accessCodes.create({
			device_id: backDoorLock,
			starts_at: at(SET_DELAY_MS),
			ends_at: inHours(2),
		});
		expect(code.status).toBe('unset');
		const delayed = await waitFor(
			() => seam.accessCodes.get({ access_code_id: code.access_code_id }),
			(current) => current.warnings.length > 0,
		);
		expect(delayed.status).toBe('setting');
		sandbox.setDeviceOnline(backDoorLock, true);
		expect(await seam.accessCodes.get({ access_code_id: code.access_code_id })).toMatchObject({
			status: 'set',
			warnings: [],
		});
	});

	test('failAccessCodesOn: codes created or changed afterwards carry the error instead of being set', async () => {
		const { backDoorLock, garageKeypad } = sandbox.seed.devices;
		const earlier = await seam.accessCodes.create({ device_id: backDoorLock, code: '1357' });
		await waitFor(
			() => seam.accessCodes.get({ access_code_id: earlier.access_code_id }),
			(current) => current.status === 'set',
		);
		sandbox.failAccessCodesOn(backDoorLock);

		const refused = await seam.accessCodes.create({ device_id: backDoorLock, name: 'Cleaner' });
		expect(refused).toMatchObject({ status: 'setting', errors: [] });
		const failed = await waitFor(
			() => seam.accessCodes.get({ access_code_id: refused.access_code_id }),
			(current) => current.errors.length > 0,
		);
		expect(failed).toMatchObject({
			status: 'setting',
			is_scheduled_on_device: false,
			errors: [
				expect.objectContaining({
					error_code: 'failed_to_set_on_device',
					is_access_code_error: true,
					message: expect.any(String),
					created_at: expect.any(String),
				}),
			],
			warnings: [],
		});
		// Waiting longer changes nothing: the lock does not take it by itself.
		await sleep(SET_DELAY_MS * 2);
		expect((await seam.accessCodes.get({ access_code_id: refused.access_code_id })).status).toBe(
			'setting',
		);
		// The code already on the lock stays; a change to it is refused too.
		expect(await seam.accessCodes.get({ access_code_id: earlier.access_code_id })).toMatchObject({
			status: 'set',
			errors: [],
		});
		await seam.accessCodes.update({ access_code_id: earlier.access_code_id, code: '1358' });
		await waitFor(
			() => seam.accessCodes.get({ access_code_id: earlier.access_code_id }),
			(current) => current.errors.length > 0,
		);

		const [event] = await seam.events.list({
			since: '2000-01-01T00:00:00Z',
			event_type: 'access_code.failed_to_set_on_device',
			access_code_id: refused.access_code_id,
		});
		expect(event).toMatchObject({
			device_id: backDoorLock,
			access_code_errors: [expect.objectContaining({ error_code: 'failed_to_set_on_device' })],
			device_errors: [],
		});
		expect(await eventsOf({ access_code_id: refused.access_code_id })).toEqual([
			'access_code.created',
			'access_code.failed_to_set_on_device',
		]);
		const attempts = await attemptsOn(backDoorLock);
		expect(attempts.map((attempt) => [attempt.action_type, attempt.status])).toEqual([
			['CREATE_ACCESS_CODE', 'success'],
			['CREATE_ACCESS_CODE', 'error'],
			['UPDATE_ACCESS_CODE', 'error'],
		]);
		expect(attempts[1].error).toMatchObject({ type: 'failed_to_set_on_device' });

		// Another error code; other locks are not affected (one PIN on two locks).
		sandbox.failAccessCodesOn(backDoorLock, 'no_space_for_access_code_on_device');
		const linked = await seam.accessCodes.createMultiple({
			device_ids: [backDoorLock, garageKeypad],
		});
		const settled = await waitFor(
			() => seam.accessCodes.list({ access_code_ids: linked.map((c) => c.access_code_id) }),
			(codes) => codes.every((c) => c.status === 'set' || c.errors.length > 0),
		);
		expect(settled.map((c) => [c.device_id, c.status, c.errors.map((e) => e.error_code)])).toEqual(
			expect.arrayContaining([
				[backDoorLock, 'setting', ['no_space_for_access_code_on_device']],
				[garageKeypad, 'set', []],
			]),
		);

		// Once the lock takes codes again, a change to a refused code is set and the error goes.
		sandbox.stopFailingAccessCodesOn(backDoorLock);
		await seam.accessCodes.update({ access_code_id: refused.access_code_id, code: '2468' });
		expect(
			await waitFor(
				() => seam.accessCodes.get({ access_code_id: refused.access_code_id }),
				(current) => current.status === 'set',
			),
		).toMatchObject({ code: '2468', errors: [] });
	});

	test('failAccessCodesOn checks its arguments; reset() ends it', async () => {
		const { frontDoorLock } = sandbox.seed.devices;
		expect(() => sandbox.failAccessCodesOn('66666666-6666-4666-8666-999999999999')).toThrow(
			'no device',
		);
		expect(() =>
			sandbox.failAccessCodesOn(frontDoorLock, 'device_offline' as 'provider_issue'),
		).toThrow('not an access code error code');

		sandbox.failAccessCodesOn(frontDoorLock);
		sandbox.reset();
		const code = await seam.accessCodes.create({ device_id: frontDoorLock });
		expect(
			await waitFor(
				() => seam.accessCodes.get({ access_code_id: code.access_code_id }),
				(current) => current.status === 'set',
			),
		).toMatchObject({ errors: [] });
	});

	test('with a webhook, failed_to_set_on_device is delivered when due, without another request', async () => {
		const receiver = await startWebhookReceiver();
		try {
			const { frontDoorLock } = sandbox.seed.devices;
			await seam.webhooks.create({
				url: receiver.url,
				event_types: ['access_code.failed_to_set_on_device'],
			});
			sandbox.failAccessCodesOn(frontDoorLock, 'provider_issue');
			const code = await seam.accessCodes.create({ device_id: frontDoorLock });
			const [delivery] = await receiver.waitFor(1);
			expect(JSON.parse(delivery.body)).toMatchObject({
				event_type: 'access_code.failed_to_set_on_device',
				access_code_id: code.access_code_id,
				access_code_errors: [expect.objectContaining({ error_code: 'provider_issue' })],
			});
		} finally {
			await receiver.close();
		}
	});
});
