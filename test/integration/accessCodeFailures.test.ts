/**
 * Access Code in n8n's engine against locks that do not take a code: a lock that refuses it
 * (Seam reports an error on the code) and a lock that is offline (the code waits for it). What
 * the item's error says (which code exists, why, what to do), Continue On Fail, the offline
 * timeout, the lock coming back, and several locks of which one refuses.
 */
import type { INodeParameters } from 'n8n-workflow';

import {
	byId,
	inDays,
	type SeamTarget,
	startSeamTarget,
	usingRealSeam,
} from '../helpers/seamTarget';
import { getSeedIds } from '../sandbox/seed';

const { frontDoorLock, backDoorLock } = getSeedIds().devices;
// The sandbox makes locks refuse codes and go offline; a real workspace cannot on demand.
const describeSandbox = usingRealSeam ? describe.skip : describe;

const SET_DELAY_MS = 150;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let target: SeamTarget;
const sandbox = () => target.sandbox!;
const paths = () => sandbox().requests.map((r) => r.path);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
const several = (parameters: INodeParameters = {}): INodeParameters =>
	code({
		operation: 'createMultiple',
		deviceIds: [frontDoorLock, backDoorLock],
		name: 'Cleaner',
		endsAt: inDays(2),
		...parameters,
	});
const get = (accessCodeId: string) => code({ operation: 'get', accessCodeId: byId(accessCodeId) });

/** Runs and expects the node's error: its message, and message + description as one text. */
async function refused(parameters: INodeParameters): Promise<{ message: string; text: string }> {
	const result = await target.run(parameters);
	expect(result.error).toBeDefined();
	const message = result.error?.message ?? '';
	return { message, text: `${message}\n${result.error?.description ?? ''}` };
}

/** The access code ids a text names, in order. */
const idsIn = (text: string): string[] => text.match(new RegExp(UUID, 'g')) ?? [];

/** The first access code id a text names (the code the error is about). */
function firstId(text: string): string {
	const [id] = idsIn(text);
	if (id === undefined) throw new Error(`No access code id in: ${text}`);
	return id;
}

describeSandbox('Access Code on locks that do not take the code', () => {
	beforeAll(async () => {
		target = await startSeamTarget({ accessCodeSetDelayMs: SET_DELAY_MS });
	});
	afterAll(async () => target?.close());
	beforeEach(() => {
		sandbox().reset();
	});
	afterEach(() => {
		expect(sandbox().contractViolations).toEqual([]);
	});

	describe('a lock that refuses the code', () => {
		test('Create: the item fails with what Seam reports, the code that exists and what to do', async () => {
			sandbox().failAccessCodesOn(frontDoorLock);
			const { message, text } = await refused(create());
			expect(message).toBe('Seam could not set the access code on Front Door Lock');
			expect(text).toContain('(failed_to_set_on_device)');
			expect(text).toMatch(
				new RegExp(`The access code ${UUID} exists in Seam \\(status "setting"\\) but is not on`),
			);
			expect(text).toContain('Access Code → Update');
			expect(text).toContain('Access Code → Delete');
			// What a re-run does, since the code was created.
			expect(text).toContain('was created before this step failed');

			// The code named is the one Seam holds, with the error on it.
			const id = firstId(text);
			const created = sandbox().requests.find((r) => r.path === '/access_codes/create');
			expect(created?.status).toBe(200);
			const [item] = await target.ok(get(id));
			expect(item.json).toMatchObject({
				access_code_id: id,
				status: 'setting',
				is_set_on_lock: false,
				errors: [expect.objectContaining({ error_code: 'failed_to_set_on_device' })],
			});
		});

		test('Create with Continue On Fail: an error item for the input item, the others go on', async () => {
			sandbox().failAccessCodesOn(backDoorLock, 'duplicate_code_on_device');
			const result = await target.run(
				create({ deviceId: byId('={{ $json.lock }}'), name: '={{ $json.guest }}' }),
				{
					continueOnFail: true,
					input: [
						{ lock: frontDoorLock, guest: 'Ada' },
						{ lock: backDoorLock, guest: 'Grace' },
					],
				},
			);
			expect(result.error).toBeUndefined();
			const [ada, grace] = result.items;
			expect(ada.json).toMatchObject({ name: 'Ada', is_set_on_lock: true });
			expect(grace.pairedItem).toEqual({ item: 1 });
			expect(grace.json.error).toMatchObject({
				message: 'Seam could not set the access code on Back Door Lock',
				retryable: false,
			});
			const description = String((grace.json.error as { description: string }).description);
			expect(description).toContain('(duplicate_code_on_device)');
			expect(idsIn(description)).not.toHaveLength(0);
		});

		test('a re-run returns the same refused code, creating nothing; once deleted, a new one is set', async () => {
			sandbox().failAccessCodesOn(frontDoorLock);
			const first = await refused(create());
			const id = firstId(first.text);
			sandbox().requests.splice(0);

			const again = await refused(create());
			expect(again.message).toBe('Seam could not set the access code on Front Door Lock');
			expect(again.text).toContain(`The access code ${id} exists in Seam`);
			expect(again.text).toContain('It was on the lock before this run, which created nothing.');
			expect(paths()).not.toContain('/access_codes/create');

			// What the error says to do: the lock takes codes again, the code is deleted, the step re-run.
			sandbox().stopFailingAccessCodesOn(frontDoorLock);
			await target.ok(
				code({ operation: 'delete', deviceId: byId(frontDoorLock), accessCodeId: byId(id) }),
			);
			await sleep(SET_DELAY_MS * 3);
			const [item] = await target.ok(create());
			expect(item.json).toMatchObject({ is_set_on_lock: true, already_existed: false });
			expect(item.json.access_code_id).not.toBe(id);
		});

		test('Update with a new code on a lock that refuses it: the item fails the same way', async () => {
			const [created] = await target.ok(create({ options: { code: '2468' } }));
			sandbox().failAccessCodesOn(frontDoorLock, 'provider_issue');
			const { message, text } = await refused(
				code({
					operation: 'update',
					deviceId: byId(frontDoorLock),
					accessCodeId: byId(String(created.json.access_code_id)),
					updateFields: { code: '1357' },
				}),
			);
			expect(message).toBe('Seam could not set the access code on Front Door Lock');
			expect(text).toContain('(provider_issue)');
			expect(text).toContain(`The access code ${String(created.json.access_code_id)} exists`);
		});

		test('Create on Several Locks where one lock refuses: the error names every code that exists', async () => {
			sandbox().failAccessCodesOn(backDoorLock);
			const { message, text } = await refused(several());
			expect(message).toBe('Seam could not set the access code on Back Door Lock');
			expect(text).toContain('(failed_to_set_on_device)');
			// Both codes were created, one per lock, and the text names both with their locks.
			const created = sandbox().requests.filter((r) => r.path === '/access_codes/create_multiple');
			expect(created).toHaveLength(1);
			expect(text).toMatch(
				new RegExp(
					`Access codes ${UUID} \\(Front Door Lock\\), ${UUID} \\(Back Door Lock\\) were created before this step failed`,
				),
			);
			expect(text).toContain('creates no more codes');

			// The re-run creates nothing and fails on the same lock; the Front Door Lock has its code.
			sandbox().requests.splice(0);
			const again = await refused(several());
			expect(again.message).toBe('Seam could not set the access code on Back Door Lock');
			expect(paths()).not.toContain('/access_codes/create_multiple');
			const front = await target.ok(code({ operation: 'getMany', deviceId: byId(frontDoorLock) }));
			expect(front.map((i) => [i.json.name, i.json.is_set_on_lock])).toEqual([['Cleaner', true]]);
		});
	});

	describe('a lock that is offline', () => {
		test('Create with a short Wait Timeout: the timeout says the lock is offline and the code exists; back online, Get shows it set', async () => {
			sandbox().setDeviceOnline(frontDoorLock, false);
			const { message, text } = await refused(create({ options: { waitTimeout: 1 } }));
			// The lock's offline error on the code is no refusal: the node waited for the timeout.
			expect(message).toBe('The access code was not set on Front Door Lock within 1 second');
			expect(text).toContain(
				'Seam reports Front Door Lock offline: it takes the code once it is back online.',
			);
			expect(text).toMatch(new RegExp(`The access code ${UUID} exists in Seam`));
			expect(text).toContain('was created before this step failed');
			const id = firstId(text);

			// As an error item it says the same item may pass later: a re-run returns this code.
			sandbox().setDeviceOnline(backDoorLock, false);
			const item = await target.run(
				create({ deviceId: byId(backDoorLock), options: { waitTimeout: 1 } }),
				{ continueOnFail: true },
			);
			expect(item.items[0].json.error).toMatchObject({
				message: 'The access code was not set on Back Door Lock within 1 second',
				retryable: true,
			});
			sandbox().setDeviceOnline(backDoorLock, true);

			const [waiting] = await target.ok(get(id));
			expect(waiting.json).toMatchObject({
				status: 'setting',
				is_set_on_lock: false,
				errors: [expect.objectContaining({ error_code: 'device_disconnected' })],
				warnings: [expect.objectContaining({ warning_code: 'delay_in_setting_on_device' })],
			});

			sandbox().setDeviceOnline(frontDoorLock, true);
			const [set] = await target.ok(get(id));
			expect(set.json).toMatchObject({
				access_code_id: id,
				status: 'set',
				is_set_on_lock: true,
				errors: [],
				warnings: [],
			});
		});

		test('the lock back online while the step waits: the code is set and the item succeeds', async () => {
			sandbox().setDeviceOnline(backDoorLock, false);
			const running = target.run(
				create({ deviceId: byId(backDoorLock), options: { waitTimeout: 10 } }),
			);
			await sleep(SET_DELAY_MS * 4);
			sandbox().setDeviceOnline(backDoorLock, true);
			const result = await running;
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				device_id: backDoorLock,
				status: 'set',
				is_set_on_lock: true,
				already_existed: false,
			});
		});

		test('a code already set on a lock that went offline is returned by a re-run, not refused', async () => {
			const [first] = await target.ok(create());
			sandbox().setDeviceOnline(frontDoorLock, false);
			const [again] = await target.ok(create());
			expect(again.json).toMatchObject({
				access_code_id: first.json.access_code_id,
				already_existed: true,
				is_set_on_lock: true,
				errors: [expect.objectContaining({ error_code: 'device_disconnected' })],
			});
		});
	});
});
