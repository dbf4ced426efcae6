/**
 * Access Code (Seam's low-level lock API) in n8n's engine against the sandbox: every operation,
 * the lock's rules checked before anything is written (code length and keypad, offline codes, a
 * full lock, a lock without keypad), waiting until the lock has the code, and Seam's per-lock
 * rate limit (429 with Retry-After) retried until the write goes through.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	byId,
	inDays,
	type SeamTarget,
	startSeamTarget,
	usingRealSeam,
} from '../helpers/seamTarget';
import { getSeedIds } from '../sandbox/seed';

const seed = getSeedIds();
const { frontDoorLock, backDoorLock, garageKeypad, oldDeadbolt, storageRoomLock } = seed.devices;
const describeSandbox = usingRealSeam ? describe.skip : describe;

let target: SeamTarget;

/** An instant relative to now (inDays rounds to 15:00 UTC, which may lie on either side of now). */
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

const requests = () => target.sandbox!.requests;
const paths = () => requests().map((r) => r.path);
const writes = () =>
	paths().filter((path) =>
		/\/(create|create_multiple|update|delete|convert_to_managed)$/.test(path),
	);

const code = (parameters: INodeParameters): INodeParameters => ({
	resource: 'accessCode',
	...parameters,
});
const create = (parameters: INodeParameters = {}): INodeParameters =>
	code({
		operation: 'create',
		deviceId: byId(frontDoorLock),
		name: 'Guest Grace',
		endsAt: inDays(3),
		...parameters,
	});

/** Runs and expects the node's error, returning message and description. */
async function refused(parameters: INodeParameters): Promise<{ message: string; text: string }> {
	const result = await target.run(parameters);
	expect(result.error).toBeDefined();
	const message = result.error?.message ?? '';
	return { message, text: `${message}\n${result.error?.description ?? ''}` };
}

describeSandbox('Access Code', () => {
	beforeAll(async () => {
		target = await startSeamTarget({ accessCodeSetDelayMs: 150 });
	});
	afterAll(async () => target?.close());
	beforeEach(() => {
		target.sandbox!.reset();
	});

	describe('Create', () => {
		test('sets a custom code and waits until the lock has it', async () => {
			const [item] = await target.ok(create({ options: { code: '4821' } }));
			expect(item.json).toMatchObject({
				device_id: frontDoorLock,
				name: 'Guest Grace',
				code: '4821',
				status: 'set',
				is_set_on_lock: true,
				type: 'time_bound',
			});
			// One read of the lock and of its codes (room left), one write, then reads until set.
			expect(paths().slice(0, 4).sort()).toEqual([
				'/access_codes/create',
				'/access_codes/list',
				'/access_codes/unmanaged/list',
				'/devices/get',
			]);
			expect(paths().filter((p) => p === '/access_codes/create')).toHaveLength(1);
			expect(paths().filter((p) => p === '/access_codes/get').length).toBeGreaterThan(0);
			expect(target.sandbox!.contractViolations).toEqual([]);
		});

		test('without waiting, the code comes back as Seam answered (not yet on the lock)', async () => {
			const [item] = await target.ok(create({ waitUntilSet: false }));
			expect(item.json).toMatchObject({ status: 'setting', is_set_on_lock: false });
			expect(String(item.json.code)).toMatch(/^\d{4,6}$/);
			expect(paths()).not.toContain('/access_codes/get');
		});

		test('a code that starts later is not waited for: the output says it is scheduled', async () => {
			const [item] = await target.ok(create({ startsAt: inDays(2), endsAt: inDays(4) }));
			expect(item.json).toMatchObject({
				status: 'unset',
				is_set_on_lock: false,
				is_scheduled: true,
			});
			expect(paths()).not.toContain('/access_codes/get');
		});

		test('Seam chooses a code of the preferred length', async () => {
			const [item] = await target.ok(create({ options: { preferredCodeLength: 6 } }));
			expect(String(item.json.code)).toMatch(/^\d{6}$/);
		});

		test('an ongoing code only with Allow Access Without End', async () => {
			const { message } = await refused(create({ endsAt: '' }));
			expect(message).toBe('Valid Until is required');
			expect(paths()).toEqual([]);

			const [item] = await target.ok(
				create({ endsAt: '', options: { allowAccessWithoutEnd: true } }),
			);
			expect(item.json).toMatchObject({ type: 'ongoing', is_set_on_lock: true });
			expect(item.json.ends_at ?? null).toBeNull();
		});

		test('a code whose length the lock does not take is refused, naming the lock', async () => {
			const short = await refused(create({ options: { code: '123' } }));
			expect(short.message).toBe(
				'Custom Code "123" has 3 digits: Front Door Lock takes 4, 5 or 6 digits',
			);
			const garage = await refused(
				create({ deviceId: byId(garageKeypad), options: { code: '48213' } }),
			);
			expect(garage.message).toBe('Custom Code "48213" has 5 digits: Garage Keypad takes 4 digits');
			const preferred = await refused(create({ options: { preferredCodeLength: 7 } }));
			expect(preferred.message).toBe(
				'Preferred Code Length 7 does not fit Front Door Lock: it takes 4, 5 or 6 digits',
			);
			// The lock was read; nothing was written.
			expect(writes()).toEqual([]);
			expect(paths().every((p) => p === '/devices/get')).toBe(true);
		});

		test('codes of the wrong type are refused before anything is sent', async () => {
			const letters = await refused(create({ options: { code: '48ab' } }));
			expect(letters.message).toBe('Custom Code must contain digits only');
			const flag = await refused(create({ options: { code: '={{ true }}' } }));
			expect(flag.message).toBe('Custom Code: the boolean true is not a PIN code');
			const both = await refused(create({ options: { code: '4821', preferredCodeLength: 4 } }));
			expect(both.message).toBe('Preferred Code Length cannot be used with Custom Code');
			const name = await refused(create({ name: '={{ $json.guest }}' }));
			expect(name.message).toBe('Name is required');
			const past = await refused(create({ endsAt: inDays(-1) }));
			expect(past.message).toBe('Valid Until is in the past');
			expect(paths()).toEqual([]);
		});

		test('a lock without keypad, and a lock that takes offline codes only, are named', async () => {
			const deadbolt = await refused(create({ deviceId: byId(oldDeadbolt) }));
			expect(deadbolt.message).toBe('Old Deadbolt cannot take access codes');
			const storage = await refused(create({ deviceId: byId(storageRoomLock) }));
			expect(storage.message).toBe('Storage Room Lock takes offline access codes only');
			expect(storage.text).toContain('Use Offline Access Code');
			const offlineOnFront = await refused(
				create({ startsAt: inDays(1), options: { useOfflineAccessCode: true } }),
			);
			expect(offlineOnFront.message).toBe('Front Door Lock cannot take offline access codes');
			expect(writes()).toEqual([]);
		});

		test('an offline code: both times, no custom code, computed by the lock', async () => {
			const offline = (parameters: INodeParameters) =>
				create({
					deviceId: byId(storageRoomLock),
					startsAt: inDays(1),
					endsAt: inDays(3),
					...parameters,
					options: { useOfflineAccessCode: true, ...(parameters.options as IDataObject) },
				});
			const noStart = await refused(offline({ startsAt: '' }));
			expect(noStart.message).toBe('Valid From is required for an offline access code');
			const custom = await refused(offline({ options: { code: '123456789' } }));
			expect(custom.message).toBe('Custom Code is not possible with an offline access code');
			expect(paths()).toEqual([]);

			const [item] = await target.ok(offline({}));
			expect(item.json).toMatchObject({
				device_id: storageRoomLock,
				is_offline_access_code: true,
			});
			expect(String(item.json.code)).toMatch(/^\d{9}$/);
			// An offline code takes no place on the lock: its codes were not counted.
			expect(paths()).not.toContain('/access_codes/unmanaged/list');
		});

		test('a full lock is refused with how many codes it holds, nothing created', async () => {
			// The Garage Keypad (Schlage) holds 100 codes.
			await fill(garageKeypad, 100);
			requests().splice(0);
			const { message, text } = await refused(create({ deviceId: byId(garageKeypad) }));
			expect(message).toBe('Garage Keypad holds 100 codes, its maximum');
			expect(text).toContain('Access Code → Delete');
			expect(writes()).toEqual([]);
		});

		test('a lock whose per-minute limit answers 429 with Retry-After: waited for, retried, one code', async () => {
			target.sandbox!.failNext('/access_codes/create', { kind: 'rate-limit', retryAfter: 1 });
			const started = Date.now();
			const [item] = await target.ok(create({ options: { code: '5173' } }));
			expect(Date.now() - started).toBeGreaterThanOrEqual(950);
			expect(item.json).toMatchObject({ code: '5173', is_set_on_lock: true });
			expect(
				requests()
					.filter((r) => r.path === '/access_codes/create')
					.map((r) => r.status),
			).toEqual([429, 200]);
			expect(target.sandbox!.pendingFaults()).toEqual([]);
			const codes = await target.ok(code({ operation: 'getMany', deviceId: byId(frontDoorLock) }));
			expect(codes.map((c) => c.json.code)).toEqual(['5173']);
		});
	});

	describe('Create on Several Locks', () => {
		const several = (parameters: INodeParameters = {}) =>
			code({
				operation: 'createMultiple',
				deviceIds: [frontDoorLock, backDoorLock],
				name: 'Cleaner',
				endsAt: inDays(2),
				...parameters,
			});

		test('one common code on the chosen locks: one item per lock, each set', async () => {
			const items = await target.ok(several());
			expect(items).toHaveLength(2);
			const [front, back] = items.map((i) => i.json);
			expect([front.device_id, back.device_id].sort()).toEqual(
				[frontDoorLock, backDoorLock].sort(),
			);
			expect(front.code).toBe(back.code);
			expect(front.common_code_key).toBeTruthy();
			expect(front.common_code_key).toBe(back.common_code_key);
			expect(items.every((i) => i.json.is_set_on_lock === true)).toBe(true);
			expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		});

		test('every lock of a space that takes codes', async () => {
			const items = await target.ok(
				several({ locksFrom: 'space', spaceId: byId(seed.spaces.unit101), waitUntilSet: false }),
			);
			expect(items.map((i) => i.json.device_id).sort()).toEqual(
				[frontDoorLock, backDoorLock].sort(),
			);
		});

		test('a custom code that one lock cannot take: refused by default, a code of its own on request', async () => {
			const { message } = await refused(
				several({ deviceIds: [frontDoorLock, garageKeypad], options: { code: '48213' } }),
			);
			expect(message).toBe('Custom Code "48213" has 5 digits: Garage Keypad takes 4 digits');
			expect(writes()).toEqual([]);

			const items = await target.ok(
				several({
					deviceIds: [frontDoorLock, garageKeypad],
					options: { code: '48213', whenCodeCannotBeShared: 'createRandom' },
				}),
			);
			const byLock = Object.fromEntries(items.map((i) => [i.json.device_id, i.json.code]));
			expect(byLock[frontDoorLock]).toBe('48213');
			expect(String(byLock[garageKeypad])).toMatch(/^\d{4}$/);
			const sent = requests().find((r) => r.path === '/access_codes/create_multiple');
			expect(sent?.params).toMatchObject({
				behavior_when_code_cannot_be_shared: 'create_random_code',
			});
		});

		test('a chosen lock without keypad is named, nothing created', async () => {
			const { message } = await refused(several({ deviceIds: [frontDoorLock, oldDeadbolt] }));
			expect(message).toBe('Old Deadbolt cannot take access codes from Seam');
			const none = await refused(several({ deviceIds: '={{ [] }}' }));
			expect(none.message).toBe('Lock Names or IDs is required');
			expect(writes()).toEqual([]);
		});
	});

	describe('reading, changing and removing a code', () => {
		async function aCode(parameters: INodeParameters = {}): Promise<IDataObject> {
			const [item] = await target.ok(create({ options: { code: '2468' }, ...parameters }));
			requests().splice(0);
			return item.json;
		}

		test('Get and Get Many', async () => {
			const created = await aCode();
			const [got] = await target.ok(
				code({ operation: 'get', accessCodeId: byId(String(created.access_code_id)) }),
			);
			expect(got.json).toMatchObject({
				access_code_id: created.access_code_id,
				is_set_on_lock: true,
			});

			const wrongLock = await refused(
				code({
					operation: 'get',
					deviceId: byId(backDoorLock),
					accessCodeId: byId(String(created.access_code_id)),
				}),
			);
			expect(wrongLock.message).toBe(
				`Access Code ${String(created.access_code_id)} is not on the chosen Lock`,
			);

			await aCode({ options: { code: '1357' }, name: 'Second' });
			const all = await target.ok(code({ operation: 'getMany', deviceId: byId(frontDoorLock) }));
			expect(all.map((i) => i.json.code).sort()).toEqual(['1357', '2468']);
			const one = await target.ok(
				code({ operation: 'getMany', deviceId: byId(frontDoorLock), limit: 1 }),
			);
			expect(one).toHaveLength(1);
			const searched = await target.ok(
				code({
					operation: 'getMany',
					deviceId: byId(frontDoorLock),
					filters: { search: 'Second' },
				}),
			);
			expect(searched.map((i) => i.json.name)).toEqual(['Second']);
		});

		test('Update: new code waited for; name; order against the current times; ongoing only when asked', async () => {
			const created = await aCode({ startsAt: hoursFromNow(-1), endsAt: inDays(3) });
			const update = (updateFields: INodeParameters, rest: INodeParameters = {}) =>
				code({
					operation: 'update',
					deviceId: byId(frontDoorLock),
					accessCodeId: byId(String(created.access_code_id)),
					updateFields,
					...rest,
				});

			const [changed] = await target.ok(update({ code: '97531', name: 'Guest Grace (late)' }));
			expect(changed.json).toMatchObject({
				code: '97531',
				name: 'Guest Grace (late)',
				status: 'set',
				is_set_on_lock: true,
			});
			expect(paths().filter((p) => p === '/access_codes/update')).toHaveLength(1);
			requests().splice(0);

			const nothing = await refused(update({}));
			expect(nothing.message).toBe('Nothing to update');
			const badLength = await refused(update({ code: '123' }));
			expect(badLength.message).toBe(
				'Custom Code "123" has 3 digits: Front Door Lock takes 4, 5 or 6 digits',
			);
			const before = await refused(update({ endsAt: hoursFromNow(-1) }));
			expect(before.message).toBe('Valid Until is in the past');
			const order = await refused(update({ startsAt: inDays(5) }));
			expect(order.message).toBe('Valid Until must be after Valid From');
			const both = await refused(update({ allowAccessWithoutEnd: true, endsAt: inDays(4) }));
			expect(both.message).toBe(
				'Allow Access Without End cannot be used with Valid From or Valid Until',
			);
			expect(writes()).toEqual([]);

			const [moved] = await target.ok(update({ endsAt: inDays(5) }));
			expect(Date.parse(String(moved.json.ends_at))).toBe(Date.parse(inDays(5)));
			const [ongoing] = await target.ok(update({ allowAccessWithoutEnd: true }));
			expect(ongoing.json).toMatchObject({ type: 'ongoing', is_set_on_lock: true });
		});

		test('Delete, and the offline code that cannot be changed or deleted', async () => {
			const created = await aCode();
			const [deleted] = await target.ok(
				code({
					operation: 'delete',
					deviceId: byId(frontDoorLock),
					accessCodeId: byId(String(created.access_code_id)),
				}),
			);
			expect(deleted.json).toMatchObject({ deleted: true, access_code_id: created.access_code_id });
			expect(paths()).toContain('/access_codes/delete');

			const [offline] = await target.ok(
				create({
					deviceId: byId(storageRoomLock),
					startsAt: inDays(1),
					endsAt: inDays(2),
					options: { useOfflineAccessCode: true },
				}),
			);
			requests().splice(0);
			const picked = {
				deviceId: byId(storageRoomLock),
				accessCodeId: byId(String(offline.json.access_code_id)),
			};
			const noDelete = await refused(code({ operation: 'delete', ...picked }));
			expect(noDelete.message).toBe('An offline access code cannot be deleted');
			expect(noDelete.text).toContain('cannot be changed or removed through Seam');
			const noUpdate = await refused(
				code({ operation: 'update', ...picked, updateFields: { name: 'x' } }),
			);
			expect(noUpdate.message).toBe('An offline access code cannot be changed');
			expect(writes()).toEqual([]);
		});
	});

	describe('unmanaged codes and generated codes', () => {
		test('Get Many Unmanaged, then Convert to Managed', async () => {
			const unmanaged = await target.ok(
				code({ operation: 'getManyUnmanaged', deviceId: byId(frontDoorLock) }),
			);
			expect(unmanaged.map((i) => i.json.name).sort()).toEqual(['Old cleaner code', 'Owner']);

			const [converted] = await target.ok(
				code({
					operation: 'convertToManaged',
					deviceId: byId(frontDoorLock),
					accessCodeId: byId(seed.unmanagedAccessCodes.owner),
				}),
			);
			expect(converted.json).toMatchObject({
				access_code_id: seed.unmanagedAccessCodes.owner,
				is_managed: true,
				code: '9136',
			});
			const left = await target.ok(
				code({ operation: 'getManyUnmanaged', deviceId: byId(frontDoorLock) }),
			);
			expect(left.map((i) => i.json.name)).toEqual(['Old cleaner code']);

			const wrongLock = await refused(
				code({
					operation: 'convertToManaged',
					deviceId: byId(backDoorLock),
					accessCodeId: byId(seed.unmanagedAccessCodes.oldCleaner),
				}),
			);
			expect(wrongLock.message).toBe(
				`Unmanaged Access Code ${seed.unmanagedAccessCodes.oldCleaner} is not on the chosen Lock`,
			);
		});

		test('Generate Code gives a code the lock takes and creates nothing', async () => {
			const [generated] = await target.ok(
				code({ operation: 'generateCode', deviceId: byId(garageKeypad) }),
			);
			expect(generated.json).toMatchObject({ device_id: garageKeypad });
			expect(String(generated.json.code)).toMatch(/^\d{4}$/);
			expect(writes()).toEqual([]);
			const deadbolt = await refused(
				code({ operation: 'generateCode', deviceId: byId(oldDeadbolt) }),
			);
			expect(deadbolt.message).toBe('Old Deadbolt cannot take access codes');
		});
	});
});

describeSandbox('Access Code against slow locks and per-lock limits', () => {
	let slow: SeamTarget;
	afterEach(async () => slow?.close());

	test('a lock that does not confirm within Wait Timeout: the error says the code exists and how to read it', async () => {
		slow = await startSeamTarget({ accessCodeSetDelayMs: 5_000 });
		const result = await slow.run(create({ options: { waitTimeout: 1 } }));
		expect(result.error?.message).toBe(
			'The access code was not set on Front Door Lock within 1 second',
		);
		const created = slow.sandbox!.requests.find((r) => r.path === '/access_codes/create');
		expect(created?.status).toBe(200);
		expect(result.error?.description).toMatch(/The access code [0-9a-f-]{36} exists in Seam/);
		expect(result.error?.description).toContain('Access Code → Get');
	});

	test('a lock Seam reports offline: the timeout says that is why, and the code exists', async () => {
		slow = await startSeamTarget({ accessCodeSetDelayMs: 5_000 });
		slow.sandbox!.setDeviceOnline(backDoorLock, false);
		const result = await slow.run(
			create({ deviceId: byId(backDoorLock), options: { waitTimeout: 1 } }),
		);
		expect(result.error?.message).toBe(
			'The access code was not set on Back Door Lock within 1 second',
		);
		expect(result.error?.description).toContain(
			'Seam reports Back Door Lock offline: it takes the code once it is back online.',
		);
		expect(result.error?.description).toMatch(/The access code [0-9a-f-]{36} exists in Seam/);
	});

	test('several codes on one lock beyond its per-minute limit: each 429 is waited out and the write goes through', async () => {
		slow = await startSeamTarget({
			accessCodeSetDelayMs: 0,
			deviceRateLimit: { writesPerWindow: 2, windowMs: 1_500 },
		});
		const result = await slow.run(create({ name: '={{ $json.guest }}', waitUntilSet: false }), {
			input: [{ guest: 'A' }, { guest: 'B' }, { guest: 'C' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.name)).toEqual(['A', 'B', 'C']);
		const statuses = slow
			.sandbox!.requests.filter((r) => r.path === '/access_codes/create')
			.map((r) => r.status);
		expect(statuses).toContain(429);
		expect(statuses.filter((s) => s === 200)).toHaveLength(3);
	});
});

/** Fills a lock with codes straight through Seam's API, as years of guests would. */
async function fill(deviceId: string, count: number): Promise<void> {
	for (let n = 0; n < count; n++) {
		const response = await fetch(`${target.apiUrl}/access_codes/create`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${target.apiKey}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({ device_id: deviceId, name: `Old ${n}` }),
		});
		if (!response.ok) throw new Error(`fill: ${response.status} ${await response.text()}`);
	}
}

describeSandbox('Access Code: a create run again finds the code it made', () => {
	beforeAll(async () => {
		target = await startSeamTarget({ accessCodeSetDelayMs: 150 });
	});
	afterAll(async () => target?.close());
	/** Fixed per test: a re-run sends the same Valid From. */
	let startedAnHourAgo: string;
	beforeEach(() => {
		target.sandbox!.reset();
		startedAnHourAgo = hoursFromNow(-1);
	});

	const creates = () =>
		paths().filter((p) => p === '/access_codes/create' || p === '/access_codes/create_multiple');
	const several = (parameters: INodeParameters = {}) =>
		code({
			operation: 'createMultiple',
			deviceIds: [frontDoorLock, backDoorLock],
			name: 'Cleaner',
			startsAt: startedAnHourAgo,
			endsAt: inDays(2),
			...parameters,
		});

	describe('Create', () => {
		test('run twice (Valid From empty): one code on the lock, the second run returns it with already_existed', async () => {
			const parameters = create();
			const [first] = await target.ok(parameters);
			expect(first.json).toMatchObject({ already_existed: false, is_set_on_lock: true });
			requests().splice(0);

			const [again] = await target.ok(parameters);
			expect(again.json).toMatchObject({
				access_code_id: first.json.access_code_id,
				code: first.json.code,
				already_existed: true,
				is_set_on_lock: true,
			});
			// The codes were read (as for the slot count), nothing was written, nothing waited for.
			expect(writes()).toEqual([]);
			expect(paths()).not.toContain('/access_codes/get');
			expect((await codesOn(frontDoorLock)).map((c) => c.access_code_id)).toEqual([
				first.json.access_code_id,
			]);
		});

		test('a code that starts later, with a custom code: found again, still scheduled', async () => {
			const parameters = create({
				startsAt: inDays(2),
				endsAt: inDays(4),
				options: { code: '7351' },
			});
			const [first] = await target.ok(parameters);
			const [again] = await target.ok(parameters);
			expect(again.json).toMatchObject({
				access_code_id: first.json.access_code_id,
				already_existed: true,
				is_scheduled: true,
			});
			expect(creates()).toHaveLength(1);
			expect(await codesOn(frontDoorLock)).toHaveLength(1);
		});

		test('Valid From and Valid Until as another time zone writes them: the same instants match', async () => {
			const [first] = await target.ok(
				create({ startsAt: '2099-03-01T10:00:00Z', endsAt: '2099-03-02T10:00:00Z' }),
			);
			const [again] = await target.ok(
				create({
					startsAt: '2099-03-01T05:00:00-05:00',
					endsAt: '2099-03-02T11:00:00.000+01:00',
				}),
			);
			expect(again.json).toMatchObject({
				access_code_id: first.json.access_code_id,
				already_existed: true,
			});
		});

		test('other times, another name, another custom code, or a code changed by hand: a new code each time', async () => {
			const [first] = await target.ok(create({ options: { code: '2580' } }));
			const [otherEnd] = await target.ok(create({ endsAt: inDays(4), options: { code: '2581' } }));
			const [otherName] = await target.ok(create({ name: 'Guest Henry' }));
			const [otherCode] = await target.ok(create({ options: { code: '2582' } }));
			for (const item of [otherEnd, otherName, otherCode]) {
				expect(item.json.already_existed).toBe(false);
				expect(item.json.access_code_id).not.toBe(first.json.access_code_id);
			}
			expect(creates()).toHaveLength(4);

			// Renamed by hand: no longer the code this step makes.
			await target.ok(
				code({
					operation: 'update',
					deviceId: byId(frontDoorLock),
					accessCodeId: byId(String(first.json.access_code_id)),
					updateFields: { name: 'Grace (renamed)' },
				}),
			);
			const [fresh] = await target.ok(create({ options: { code: '2583' } }));
			expect(fresh.json.already_existed).toBe(false);
			expect(await codesOn(frontDoorLock)).toHaveLength(5);
		});

		test('a code being removed is no match: a new one is made', async () => {
			const [first] = await target.ok(create());
			await target.ok(
				code({
					operation: 'delete',
					deviceId: byId(frontDoorLock),
					accessCodeId: byId(String(first.json.access_code_id)),
				}),
			);
			const [again] = await target.ok(create());
			expect(again.json.already_existed).toBe(false);
			expect(again.json.access_code_id).not.toBe(first.json.access_code_id);
		});

		test('a full lock that already has the code: the re-run returns it instead of being refused', async () => {
			// The Garage Keypad (Schlage) holds 100 codes: this step's code and 99 others.
			const parameters = create({ deviceId: byId(garageKeypad) });
			const [first] = await target.ok(parameters);
			await fill(garageKeypad, 99);
			requests().splice(0);

			const [again] = await target.ok(parameters);
			expect(again.json).toMatchObject({
				access_code_id: first.json.access_code_id,
				already_existed: true,
			});
			expect(writes()).toEqual([]);
			// Anything else is still refused on the full lock.
			const { message } = await refused(create({ deviceId: byId(garageKeypad), name: 'Other' }));
			expect(message).toBe('Garage Keypad holds 100 codes, its maximum');
			expect(writes()).toEqual([]);
		});

		test('an offline code run again: the same one, nothing computed anew', async () => {
			const parameters = create({
				deviceId: byId(storageRoomLock),
				startsAt: inDays(1),
				endsAt: inDays(3),
				options: { useOfflineAccessCode: true },
			});
			const [first] = await target.ok(parameters);
			const [again] = await target.ok(parameters);
			expect(again.json).toMatchObject({
				access_code_id: first.json.access_code_id,
				code: first.json.code,
				is_offline_access_code: true,
				already_existed: true,
			});
			expect(creates()).toHaveLength(1);
		});
	});

	describe('Create on Several Locks', () => {
		test('run twice: one code per lock, the second run sends nothing and returns them in the order of the locks', async () => {
			const first = await target.ok(several());
			expect(first.map((i) => [i.json.device_id, i.json.already_existed])).toEqual([
				[frontDoorLock, false],
				[backDoorLock, false],
			]);
			requests().splice(0);

			const again = await target.ok(several({ deviceIds: [backDoorLock, frontDoorLock] }));
			expect(again.map((i) => [i.json.device_id, i.json.already_existed])).toEqual([
				[backDoorLock, true],
				[frontDoorLock, true],
			]);
			expect(again.map((i) => i.json.access_code_id).sort()).toEqual(
				first.map((i) => i.json.access_code_id).sort(),
			);
			expect(again.every((i) => i.json.is_set_on_lock === true)).toBe(true);
			expect(writes()).toEqual([]);
			for (const lock of [frontDoorLock, backDoorLock]) expect(await codesOn(lock)).toHaveLength(1);
		});

		test("one lock's code deleted in between: only that lock gets a code, the same PIN as the others", async () => {
			const first = await target.ok(several());
			const [front, back] = first.map((i) => i.json);
			await target.ok(
				code({
					operation: 'delete',
					deviceId: byId(backDoorLock),
					accessCodeId: byId(String(back.access_code_id)),
				}),
			);
			await until(async () => (await codesOn(backDoorLock)).length === 0);
			requests().splice(0);

			const again = await target.ok(several());
			expect(again.map((i) => i.json)).toEqual([
				expect.objectContaining({
					device_id: frontDoorLock,
					access_code_id: front.access_code_id,
					already_existed: true,
				}),
				expect.objectContaining({
					device_id: backDoorLock,
					code: front.code,
					already_existed: false,
					is_set_on_lock: true,
				}),
			]);
			const sent = requests().filter((r) => r.path === '/access_codes/create_multiple');
			expect(sent.map((r) => r.params)).toEqual([
				expect.objectContaining({ device_ids: [backDoorLock], code: front.code }),
			]);
			for (const lock of [frontDoorLock, backDoorLock]) expect(await codesOn(lock)).toHaveLength(1);
		});

		test('a lock added later that cannot take the PIN the others have: refused by default, a code of its own on request', async () => {
			const first = await target.ok(several({ options: { preferredCodeLength: 6 } }));
			const pin = String(first[0].json.code);
			expect(pin).toMatch(/^\d{6}$/);
			requests().splice(0);

			const withGarage = several({ deviceIds: [frontDoorLock, backDoorLock, garageKeypad] });
			const { message, text } = await refused(withGarage);
			expect(message).toBe(
				`Garage Keypad cannot take the code ${pin} that Front Door Lock, Back Door Lock already have`,
			);
			expect(text).toContain('takes 4 digits');
			expect(text).toContain('"When the Code Cannot Be Shared" to "Create a Different Code There"');
			expect(writes()).toEqual([]);

			const items = await target.ok({
				...withGarage,
				options: { whenCodeCannotBeShared: 'createRandom' },
			});
			expect(items.map((i) => [i.json.device_id, i.json.already_existed])).toEqual([
				[frontDoorLock, true],
				[backDoorLock, true],
				[garageKeypad, false],
			]);
			expect(String(items[2].json.code)).toMatch(/^\d{4}$/);
			expect(creates()).toHaveLength(1);
		});

		test('a lock that still holds the PIN in a code being removed: the error says to run again once it is gone', async () => {
			const slow = await startSeamTarget({ accessCodeSetDelayMs: 5_000 });
			try {
				const parameters = several({ waitUntilSet: false });
				const first = await slow.ok(parameters);
				await slow.ok(
					code({
						operation: 'delete',
						deviceId: byId(backDoorLock),
						accessCodeId: byId(String(first[1].json.access_code_id)),
					}),
				);
				const result = await slow.run(parameters);
				expect(result.error?.message).toBe(
					`Back Door Lock cannot take the code ${String(first[0].json.code)} that Front Door Lock already has`,
				);
				expect(result.error?.description).toContain('run this again once it is gone');
				expect(
					slow.sandbox!.requests.filter((r) => r.path === '/access_codes/create_multiple'),
				).toHaveLength(1);
			} finally {
				await slow.close();
			}
		});
	});
});

/** The managed codes on a lock, straight from Seam's API. */
async function codesOn(deviceId: string): Promise<IDataObject[]> {
	const response = await fetch(`${target.apiUrl}/access_codes/list`, {
		method: 'POST',
		headers: { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify({ device_id: deviceId }),
	});
	if (!response.ok) throw new Error(`list: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { access_codes: IDataObject[] }).access_codes;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
