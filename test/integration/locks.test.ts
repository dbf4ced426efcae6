/**
 * Lock → Unlock / Lock / Get / Get Many and Action Attempt → Get: a lock opened and closed
 * remotely, with the answer a workflow branches on, Seam's failure as the item's error, a lock
 * that does not answer in time, and Seam's per-device rate limit waited out. Run in n8n's engine
 * against the local sandbox; Seam's state is read back with the node's own Get.
 */
import type { INodeParameters } from 'n8n-workflow';

import { byId, type SeamTarget, startSeamTarget, usingRealSeam } from '../helpers/seamTarget';
import { getSeedIds } from '../sandbox/seed';

const seed = getSeedIds();
const { frontDoorLock, backDoorLock, garageKeypad } = seed.devices;

const describeSandbox = usingRealSeam ? describe.skip : describe;

const unlock = (deviceId: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'lock',
	operation: 'unlock',
	deviceId: byId(deviceId),
	...extra,
});
const lock = (deviceId: string, extra: INodeParameters = {}): INodeParameters => ({
	...unlock(deviceId, extra),
	operation: 'lock',
});
const getLock = (deviceId: string): INodeParameters => ({
	resource: 'lock',
	operation: 'get',
	deviceId: byId(deviceId),
});

describeSandbox('Lock', () => {
	let target: SeamTarget;
	beforeAll(async () => {
		// The lock answers a little later, as real locks do: the node has to wait for it.
		target = await startSeamTarget({ actionAttemptDelayMs: 150 });
	});
	afterAll(async () => target.close());
	beforeEach(() => target.sandbox!.reset());
	const requests = () => target.sandbox!.requests;
	const paths = () => requests().map((r) => r.path);
	const one = async (parameters: INodeParameters) => (await target.ok(parameters))[0].json;

	test('Unlock waits for the lock and says it worked; Get then shows it unlocked', async () => {
		const answer = await one(unlock(frontDoorLock));
		expect(answer).toMatchObject({
			succeeded: true,
			status: 'success',
			action: 'unlock',
			device_id: frontDoorLock,
			lock_name: 'Front Door Lock',
			locked: false,
			action_attempt: {
				action_type: 'UNLOCK_DOOR',
				status: 'success',
				error: null,
			},
		});
		expect(answer.action_attempt_id).toBe(
			(answer.action_attempt as { action_attempt_id: string }).action_attempt_id,
		);
		// One unlock sent, then the attempt read until it finished.
		expect(paths().filter((p) => p === '/locks/unlock_door')).toHaveLength(1);
		expect(paths()).toContain('/action_attempts/get');

		const state = await one(getLock(frontDoorLock));
		expect(state).toMatchObject({
			device_id: frontDoorLock,
			name: 'Front Door Lock',
			locked: false,
			online: true,
			can_remotely_unlock: true,
			device: { device_id: frontDoorLock },
		});
	});

	test('Lock locks it again', async () => {
		await one(unlock(backDoorLock));
		const answer = await one(lock(backDoorLock));
		expect(answer).toMatchObject({
			succeeded: true,
			action: 'lock',
			locked: true,
			action_attempt: { action_type: 'LOCK_DOOR', status: 'success' },
		});
		expect((await one(getLock(backDoorLock))).locked).toBe(true);
	});

	test('Get reports battery and the PIN code capabilities of the lock', async () => {
		const state = await one(getLock(garageKeypad));
		expect(state).toMatchObject({
			name: 'Garage Keypad',
			online: true,
			can_program_online_access_codes: true,
			supported_code_lengths: [4],
		});
		expect(typeof state.battery_level).toBe('number');
		expect(typeof state.battery_status).toBe('string');
		expect(typeof state.max_active_codes_supported).toBe('number');
		expect(Object.keys(state)).toEqual(
			expect.arrayContaining([
				'locked',
				'can_program_offline_access_codes',
				'can_remotely_lock',
				'door_open',
			]),
		);
	});

	test('Get Many lists the locks, one summary each, and follows the space filter', async () => {
		const all = await target.ok({ resource: 'lock', operation: 'getMany', returnAll: true });
		const ids = all.map((item) => item.json.device_id);
		expect(ids).toEqual(expect.arrayContaining([frontDoorLock, backDoorLock, garageKeypad]));
		expect(all[0].json).toHaveProperty('locked');

		const unit101 = await target.ok({
			resource: 'lock',
			operation: 'getMany',
			returnAll: true,
			filters: { spaceId: byId(seed.spaces.unit101) },
		});
		expect(unit101.map((item) => item.json.device_id).sort()).toEqual(
			[frontDoorLock, backDoorLock].sort(),
		);

		const limited = await target.ok({ resource: 'lock', operation: 'getMany', limit: 2 });
		expect(limited).toHaveLength(2);
	});

	test('without waiting, the pending attempt comes back; Action Attempt → Get shows how it ended', async () => {
		const answer = await one(unlock(frontDoorLock, { waitForResult: false }));
		expect(answer).toMatchObject({ succeeded: false, status: 'pending', locked: true });
		expect(paths()).not.toContain('/action_attempts/get');

		await new Promise((resolve) => setTimeout(resolve, 300));
		const attempt = await one({
			resource: 'actionAttempt',
			operation: 'get',
			actionAttemptId: String(answer.action_attempt_id).toUpperCase(),
		});
		expect(attempt).toMatchObject({
			action_attempt_id: answer.action_attempt_id,
			action_type: 'UNLOCK_DOOR',
			status: 'success',
		});
	});

	test("an offline lock's unlock fails with Seam's error as the item's error", async () => {
		target.sandbox!.setDeviceOnline(backDoorLock, false);
		const failed = await target.run(unlock(backDoorLock));
		expect(failed.error?.message).toBe(
			'Could not unlock Back Door Lock: The device is offline: Seam could not reach it. Try again once it is back online.',
		);
		expect(failed.error?.description).toMatch(
			/^Seam error type: device_offline · Action attempt ID: [0-9a-f-]{36}$/,
		);

		// Continue On Fail: the failing item becomes an error item, the next item still runs.
		const fromInput = unlock('={{ $json.lock }}');
		const inputs = [{ lock: backDoorLock }, { lock: frontDoorLock }];
		const mixed = await target.run(fromInput, { input: inputs, continueOnFail: true });
		expect(mixed.error).toBeUndefined();
		expect(mixed.items).toHaveLength(2);
		expect(mixed.items[0].json).toEqual({
			error: {
				message: expect.stringMatching(/^Could not unlock Back Door Lock: The device is offline/),
				description: expect.stringContaining('device_offline'),
				// The lock may answer once it is back online: the same item can be tried again.
				retryable: true,
			},
		});
		expect(mixed.items[0].pairedItem).toEqual({ item: 0 });
		expect(mixed.items[1].json).toMatchObject({ succeeded: true, device_id: frontDoorLock });

		// The error output gets the failed item, the main output the other.
		const split = await target.run(fromInput, { input: inputs, errorOutput: true });
		expect(split.items.map((item) => item.json.device_id)).toEqual([frontDoorLock]);
		expect(split.errorItems).toHaveLength(1);
		expect(JSON.stringify(split.errorItems[0].json)).toContain('device_offline');
	});

	test('when reading the result fails, the error says the unlock was sent and how to check it', async () => {
		// The first read and both retries meet a broken proxy.
		target.sandbox!.failNext('/action_attempts/get', { kind: 'html', processed: false }, 3);
		const result = await target.run(unlock(frontDoorLock));
		expect(result.error?.message).toMatch(/^Seam answered HTTP 502/);
		expect(result.error?.description).toMatch(
			/Action attempt [0-9a-f-]{36} was created before this step failed\. The unlock was sent to Front Door Lock; read its result with Action Attempt → Get/,
		);
		expect(target.sandbox!.pendingFaults()).toEqual([]);
	});

	test('bad input is refused before anything is sent', async () => {
		// As an expression: a literal is already stopped by the editor's own check of the ID.
		const notAnId = await target.run(unlock('={{ "front door" }}'));
		expect(notAnId.error?.message).toBe('Lock: "front door" is not a Seam ID');
		const empty = await target.run(unlock('={{ $json.missing }}'));
		expect(empty.error?.message).toBe('Lock is required');
		const badWait = await target.run(unlock(frontDoorLock, { waitForResult: '={{ "maybe" }}' }));
		expect(badWait.error?.message).toMatch(/^Wait for the Result: /);
		const badAttempt = await target.run({
			resource: 'actionAttempt',
			operation: 'get',
			actionAttemptId: '={{ "attempt-1" }}',
		});
		expect(badAttempt.error?.message).toBe('Action Attempt ID: "attempt-1" is not a Seam ID');
		const noAttempt = await target.run({
			resource: 'actionAttempt',
			operation: 'get',
			actionAttemptId: '={{ $json.attempt }}',
		});
		expect(noAttempt.error?.message).toBe('Action Attempt ID is required');
		expect(requests()).toEqual([]);
	});
});

describeSandbox('Lock, a lock that answers late', () => {
	let target: SeamTarget;
	beforeAll(async () => {
		target = await startSeamTarget({ actionAttemptDelayMs: 2500 });
	});
	afterAll(async () => target.close());

	test('the wait ends at Wait Timeout with the attempt to check; it finishes later', async () => {
		const started = Date.now();
		const result = await target.run(unlock(frontDoorLock, { options: { waitTimeout: 1 } }));
		expect(Date.now() - started).toBeLessThan(2400);
		expect(result.error?.message).toBe(
			'Seam did not report the result of the unlock of Front Door Lock within 1 second',
		);
		const id = /Action attempt ([0-9a-f-]{36}) is still pending/.exec(
			result.error?.description ?? '',
		)?.[1];
		expect(id).toBeDefined();
		expect(result.error?.description).toContain('Action Attempt → Get');

		const pending = await target.ok({
			resource: 'actionAttempt',
			operation: 'get',
			actionAttemptId: id!,
		});
		expect(pending[0].json.status).toBe('pending');
		await new Promise((resolve) => setTimeout(resolve, 2000));
		const done = await target.ok({
			resource: 'actionAttempt',
			operation: 'get',
			actionAttemptId: id!,
		});
		expect(done[0].json.status).toBe('success');
	});
});

describeSandbox("Lock, Seam's per-device rate limit", () => {
	let target: SeamTarget;
	beforeAll(async () => {
		target = await startSeamTarget({
			actionAttemptDelayMs: 0,
			deviceRateLimit: { writesPerWindow: 1, windowMs: 1000 },
		});
	});
	afterAll(async () => target.close());

	test('a 429 on unlock is waited out (Retry-After) and sent again; both unlocks succeed', async () => {
		await target.ok(lock(frontDoorLock));
		const started = Date.now();
		const [answer] = await target.ok(unlock(frontDoorLock));
		expect(answer.json).toMatchObject({ succeeded: true, locked: false });
		const unlocks = target.sandbox!.requests.filter((r) => r.path === '/locks/unlock_door');
		expect(unlocks.map((r) => r.status)).toEqual([429, 200]);
		// Retry-After was 1 second: the retry came no earlier.
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});
});
