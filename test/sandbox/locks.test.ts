import { isSeamActionAttemptFailedError, SeamHttp, SeamHttpApiError } from '@seamapi/http';

import { type Sandbox, startSandbox } from './index';
import { expectApiError, expectRejection } from './testkit';

// Remote lock and unlock through action attempts, an offline lock, the lock
// state a device reports, the events they leave, and Seam's per-device rate
// limit, driven through the real SDK (which waits for action attempts itself).

jest.setTimeout(30_000);

let sandbox: Sandbox;
let seam: SeamHttp;

beforeAll(async () => {
	sandbox = await startSandbox({
		actionAttemptDelayMs: 100,
		accessCodeSetDelayMs: 0,
		deviceRateLimit: { writesPerWindow: 3, windowMs: 2_500 },
	});
	seam = SeamHttp.fromApiKey(sandbox.apiKey, {
		endpoint: sandbox.url,
		waitForActionAttempt: { pollingInterval: 50, timeout: 5_000 },
	});
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

const since = '2000-01-01T00:00:00Z';

describe('locks', () => {
	test('devices report lock state, online and battery as Seam does', async () => {
		const { frontDoorLock, garageKeypad } = sandbox.seed.devices;
		const device = await seam.devices.get({ device_id: frontDoorLock });
		expect(device.properties).toMatchObject({
			locked: true,
			online: true,
			battery_level: 0.86,
			battery: { level: 0.86, status: 'good' },
		});
		expect(device).toMatchObject({ can_remotely_lock: true, can_remotely_unlock: true });
		const lock = await seam.locks.get({ device_id: garageKeypad });
		expect(lock.display_name).toBe('Garage Keypad');
		expect((await seam.locks.list()).map((one) => one.display_name)).toEqual([
			'Front Door Lock',
			'Back Door Lock',
			'Garage Keypad',
			'Old Deadbolt',
			'Storage Room Lock',
		]);
		expect(
			(await seam.locks.list({ device_type: 'august_lock' })).map((one) => one.display_name),
		).toEqual(['Front Door Lock', 'Old Deadbolt']);
	});

	test('unlock answers a pending action attempt that succeeds; the lock is unlocked', async () => {
		const { frontDoorLock } = sandbox.seed.devices;
		const pending = await seam.locks.unlockDoor(
			{ device_id: frontDoorLock },
			{ waitForActionAttempt: false },
		);
		expect(pending).toMatchObject({ action_type: 'UNLOCK_DOOR', status: 'pending', error: null });

		const done = await seam.locks.unlockDoor({ device_id: frontDoorLock });
		expect(done).toMatchObject({
			action_type: 'UNLOCK_DOOR',
			status: 'success',
			result: { was_confirmed_by_device: true },
		});
		expect((await seam.locks.get({ device_id: frontDoorLock })).properties.locked).toBe(false);
		expect(
			await seam.actionAttempts.get({ action_attempt_id: pending.action_attempt_id }),
		).toMatchObject({ status: 'success' });

		const locked = await seam.locks.lockDoor({ device_id: frontDoorLock });
		expect(locked.status).toBe('success');
		expect((await seam.devices.get({ device_id: frontDoorLock })).properties.locked).toBe(true);

		const events = await seam.events.list({ since, device_id: frontDoorLock });
		expect(events.map((event) => event.event_type).reverse()).toEqual([
			'lock.unlocked',
			'action_attempt.unlock_door.succeeded',
			'lock.unlocked',
			'action_attempt.unlock_door.succeeded',
			'lock.locked',
			'action_attempt.lock_door.succeeded',
		]);
		const [lockedEvent] = await seam.events.list({ since, event_type: 'lock.locked' });
		expect(lockedEvent).toMatchObject({
			device_id: frontDoorLock,
			method: 'remote',
			action_attempt_id: locked.action_attempt_id,
		});
		// Both attempts are listed for the device.
		const attempts = await seam.actionAttempts.list({ device_id: frontDoorLock });
		expect(attempts.map((attempt) => attempt.action_type)).toEqual([
			'UNLOCK_DOOR',
			'UNLOCK_DOOR',
			'LOCK_DOOR',
		]);
	});

	test('with actionAttemptDelayMs 0 the attempt is finished in the reply', async () => {
		const instant = await startSandbox({ actionAttemptDelayMs: 0 });
		try {
			const client = SeamHttp.fromApiKey(instant.apiKey, { endpoint: instant.url });
			const attempt = await client.locks.unlockDoor(
				{ device_id: instant.seed.devices.backDoorLock },
				{ waitForActionAttempt: false },
			);
			expect(attempt.status).toBe('success');
			expect(instant.contractViolations).toEqual([]);
		} finally {
			await instant.close();
		}
	});

	test('an offline lock: device.disconnected, a device_disconnected error, and failed attempts', async () => {
		const { backDoorLock } = sandbox.seed.devices;
		sandbox.setDeviceOnline(backDoorLock, false);
		const offline = await seam.devices.get({ device_id: backDoorLock });
		expect(offline.properties.online).toBe(false);
		expect(offline.errors).toEqual([
			expect.objectContaining({ error_code: 'device_disconnected', is_device_error: true }),
		]);

		const error = await expectRejection(seam.locks.unlockDoor({ device_id: backDoorLock }));
		expect(isSeamActionAttemptFailedError(error)).toBe(true);
		expect(error).toMatchObject({ code: 'device_offline' });
		const attempt = (error as { actionAttempt: { action_attempt_id: string } }).actionAttempt;
		// actionAttempts.get would itself wait for the attempt, and throw for a failed one.
		expect(
			await seam.actionAttempts.get(
				{ action_attempt_id: attempt.action_attempt_id },
				{ waitForActionAttempt: false },
			),
		).toMatchObject({
			status: 'error',
			error: { type: 'device_offline', message: expect.stringContaining('offline') },
		});
		// Nothing moved.
		expect((await seam.locks.get({ device_id: backDoorLock })).properties.locked).toBe(true);

		sandbox.setDeviceOnline(backDoorLock, true);
		expect((await seam.locks.unlockDoor({ device_id: backDoorLock })).status).toBe('success');
		const events = await seam.events.list({ since, device_id: backDoorLock });
		expect(events.map((event) => event.event_type).reverse()).toEqual([
			'device.disconnected',
			'action_attempt.unlock_door.failed',
			'device.connected',
			'lock.unlocked',
			'action_attempt.unlock_door.succeeded',
		]);

		// reset() brings every device back online.
		sandbox.setDeviceOnline(backDoorLock, false);
		sandbox.reset();
		expect((await seam.devices.get({ device_id: backDoorLock })).properties.online).toBe(true);
		expect(() => sandbox.setDeviceOnline('66666666-6666-4666-8666-999999999999', false)).toThrow(
			/no device/,
		);
	});

	test('an unknown device is 404 device_not_found', async () => {
		await expectApiError(
			seam.locks.lockDoor({ device_id: '66666666-6666-4666-8666-999999999999' }),
			'device_not_found',
			404,
		);
		await expectApiError(
			seam.actionAttempts.get({ action_attempt_id: '66666666-6666-4666-8666-999999999999' }),
			'action_attempt_not_found',
			404,
		);
	});
});

describe('per-device rate limit', () => {
	test('beyond the limit: 429 with Retry-After, nothing changes, other devices unaffected', async () => {
		const { frontDoorLock, backDoorLock } = sandbox.seed.devices;
		// Access code writes and lock actions share the device's window (3 per 2.5 s here).
		const code = await seam.accessCodes.create({ device_id: frontDoorLock, code: '1212' });
		await seam.accessCodes.update({ access_code_id: code.access_code_id, name: 'Cleaner' });
		await seam.locks.unlockDoor({ device_id: frontDoorLock });

		const error = await expectApiError(
			seam.accessCodes.create({ device_id: frontDoorLock, code: '3434' }),
			'rate_limited',
			429,
		);
		expect(error.message).toContain(frontDoorLock);
		await expectApiError(seam.locks.lockDoor({ device_id: frontDoorLock }), 'rate_limited', 429);

		// (The SDK retries a DELETE on 429 by itself, so a delete is checked by hand.) Retry-After:
		// whole seconds until the window frees (2.5 s after the first write, rounded up).
		const raw = await fetch(`${sandbox.url}/access_codes/create`, {
			method: 'POST',
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ device_id: frontDoorLock, code: '5656' }),
		});
		expect(raw.status).toBe(429);
		expect(Number(raw.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(Number(raw.headers.get('retry-after'))).toBeLessThanOrEqual(3);
		expect(await raw.json()).toMatchObject({ ok: false, error: { type: 'rate_limited' } });
		const rawDelete = await fetch(`${sandbox.url}/access_codes/delete`, {
			method: 'POST',
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ access_code_id: code.access_code_id }),
		});
		expect(rawDelete.status).toBe(429);

		// Nothing changed: one code, still named Cleaner, the lock still unlocked.
		const codes = await seam.accessCodes.list({ device_id: frontDoorLock });
		expect(codes.map((one) => [one.code, one.name])).toEqual([['1212', 'Cleaner']]);
		expect((await seam.locks.get({ device_id: frontDoorLock })).properties.locked).toBe(false);
		// Reads are not limited, and the Back Door Lock has its own window.
		await seam.locks.lockDoor({ device_id: backDoorLock });

		// create_multiple counts on each device and is refused as a whole (by hand again: the SDK
		// sends it as a PUT, which it retries on 429).
		const rawMultiple = await fetch(`${sandbox.url}/access_codes/create_multiple`, {
			method: 'POST',
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ device_ids: [backDoorLock, frontDoorLock] }),
		});
		expect(rawMultiple.status).toBe(429);
		expect(await seam.accessCodes.list({ device_id: backDoorLock })).toEqual([]);

		// Once the window has passed, writes go through again.
		const wait = Number(raw.headers.get('retry-after')) * 1000;
		await new Promise((resolve) => setTimeout(resolve, wait));
		await seam.locks.lockDoor({ device_id: frontDoorLock });
	});

	test('a refused request is not counted, and reset() forgets the window', async () => {
		const { garageKeypad } = sandbox.seed.devices;
		// Invalid requests (wrong length) do not use up the window.
		for (let index = 0; index < 5; index += 1) {
			const error = await expectRejection(
				seam.accessCodes.create({ device_id: garageKeypad, code: '123456' }),
			);
			expect(error).toBeInstanceOf(SeamHttpApiError);
			expect((error as SeamHttpApiError).statusCode).toBe(400);
		}
		for (let index = 0; index < 3; index += 1)
			await seam.locks.lockDoor({ device_id: garageKeypad });
		await expectApiError(seam.locks.lockDoor({ device_id: garageKeypad }), 'rate_limited', 429);
		sandbox.reset();
		await seam.locks.lockDoor({ device_id: garageKeypad });
	});

	test('a rate-limit fault can be queued for any of these paths too', async () => {
		sandbox.failNext('/locks/unlock_door', { kind: 'rate-limit', retryAfter: 7 });
		const response = await fetch(`${sandbox.url}/locks/unlock_door`, {
			method: 'POST',
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ device_id: sandbox.seed.devices.frontDoorLock }),
		});
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('7');
		expect(sandbox.pendingFaults()).toEqual([]);
	});
});

describe('events of the lock API in /events/list', () => {
	test('filtered by device_id, access_code_id(s), event_type(s), since and between', async () => {
		const { frontDoorLock, backDoorLock } = sandbox.seed.devices;
		const start = new Date(Date.now() - 1).toISOString();
		const a = await seam.accessCodes.create({ device_id: frontDoorLock, code: '7001' });
		const b = await seam.accessCodes.create({ device_id: backDoorLock, code: '7002' });
		await seam.locks.unlockDoor({ device_id: backDoorLock });
		const types = (events: Array<{ event_type: string }>) =>
			events.map((event) => event.event_type).reverse();

		expect(
			types(await seam.events.list({ since: start, access_code_id: a.access_code_id })),
		).toEqual(['access_code.created', 'access_code.set_on_device']);
		expect(
			(
				await seam.events.list({
					since: start,
					access_code_ids: [a.access_code_id, b.access_code_id],
					event_type: 'access_code.created',
				})
			).map((event) => (event as { access_code_id: string }).access_code_id),
		).toEqual([b.access_code_id, a.access_code_id]);
		expect(
			types(
				await seam.events.list({
					since: start,
					device_id: backDoorLock,
					event_types: ['lock.unlocked', 'access_code.set_on_device'],
				}),
			),
		).toEqual(['access_code.set_on_device', 'lock.unlocked']);
		const later = new Date(Date.now() + 60_000).toISOString();
		expect(
			await seam.events.list({ between: [start, later], device_id: frontDoorLock }),
		).toHaveLength(2);
		expect(await seam.events.list({ since: later })).toEqual([]);
	});
});
