import { SeamHttp } from '@seamapi/http';

import { type Sandbox, startSandbox } from './index';
import { waitFor } from './testkit';

// Smart locks report which PIN lengths their keypads take
// (properties.supported_code_lengths); a requested code of another length is
// not programmed on such a lock: Seam "assigns a compatible code for that
// device instead" (Creating an Access Grant), which the sandbox reports with a
// requested_code_unavailable warning once the replacement is issued.

jest.setTimeout(30_000);

type AccessMethod = Awaited<ReturnType<SeamHttp['accessMethods']['get']>>;

let sandbox: Sandbox;
let seam: SeamHttp;

beforeAll(async () => {
	sandbox = await startSandbox({ accessMethodIssueDelayMs: 200 });
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

const waitForIssued = (access_grant_id: string) =>
	waitFor(
		() => seam.accessMethods.list({ access_grant_id }),
		(methods) => methods.length > 0 && methods.every((method) => method.is_issued),
	);

async function doorsOf(method: AccessMethod): Promise<string[]> {
	const related = await seam.accessMethods.getRelated({
		access_method_ids: [method.access_method_id],
		include: ['devices'],
	});
	return (related.devices ?? []).map((device) => device.device_id);
}

test('locks with a keypad report their code lengths and capacity; the deadbolt none', async () => {
	const { devices } = sandbox.seed;
	const constraints = async (device_id: string) => {
		const { properties } = await seam.devices.get({ device_id });
		return [properties.supported_code_lengths, properties.max_active_codes_supported];
	};
	expect(await constraints(devices.frontDoorLock)).toEqual([[4, 5, 6], 250]);
	expect(await constraints(devices.backDoorLock)).toEqual([[4, 5, 6, 7, 8], 250]);
	expect(await constraints(devices.garageKeypad)).toEqual([[4], 100]);
	const deadbolt = await seam.devices.get({ device_id: devices.oldDeadbolt });
	expect(deadbolt.properties).not.toHaveProperty('supported_code_lengths');
	expect(deadbolt.properties).not.toHaveProperty('max_active_codes_supported');
	// The same objects in lists.
	const listed = await seam.devices.list({ device_ids: [devices.garageKeypad] });
	expect(listed[0].properties.supported_code_lengths).toEqual([4]);
});

test('a 6-digit code on the 4-digit Garage Keypad: a 4-digit code instead, with a warning', async () => {
	const { devices, userIdentities } = sandbox.seed;
	const grant = await seam.accessGrants.create({
		user_identity_id: userIdentities.jane,
		device_ids: [devices.garageKeypad],
		requested_access_methods: [{ mode: 'code', code: '482916' }],
	});
	// Not refused, and nothing reveals the replacement before it is programmed.
	expect(grant.warnings).toEqual([]);
	expect(grant.requested_access_methods[0]).toMatchObject({ mode: 'code', code: '482916' });

	const [method] = await waitForIssued(grant.access_grant_id);
	expect(method.code).toMatch(/^\d{4}$/);
	const after = await seam.accessGrants.get({ access_grant_id: grant.access_grant_id });
	expect(after.warnings).toEqual([
		expect.objectContaining({
			warning_code: 'requested_code_unavailable',
			device_id: devices.garageKeypad,
			original_code: '482916',
			new_code: method.code,
			message: expect.stringMatching(/Garage Keypad takes only codes of 4 digits/),
		}),
	]);
	expect(after.errors).toEqual([]);
	const since = new Date(Date.now() - 60_000).toISOString();
	const done = await seam.events.list({
		since,
		access_grant_id: grant.access_grant_id,
		event_types: ['access_grant.access_granted_to_all_doors'],
	});
	expect(done).toHaveLength(1);
});

test('locks that take the requested length share it; the others get codes they take', async () => {
	const { devices, userIdentities } = sandbox.seed;
	const grant = await seam.accessGrants.create({
		user_identity_id: userIdentities.jane,
		device_ids: [devices.frontDoorLock, devices.backDoorLock, devices.garageKeypad],
		requested_access_methods: [{ mode: 'code', code: '2468135' }],
	});
	const methods = await waitForIssued(grant.access_grant_id);
	expect(methods).toHaveLength(3);
	const byDoor = new Map<string, string | null | undefined>();
	for (const method of methods) {
		for (const device of await doorsOf(method)) byDoor.set(device, method.code);
	}
	// Yale takes 4 to 8 digits, August 4 to 6 (the nearest: 6), Schlage 4.
	expect(byDoor.get(devices.backDoorLock)).toBe('2468135');
	expect(byDoor.get(devices.frontDoorLock)).toMatch(/^\d{6}$/);
	expect(byDoor.get(devices.garageKeypad)).toMatch(/^\d{4}$/);

	const after = await seam.accessGrants.get({ access_grant_id: grant.access_grant_id });
	expect(after.requested_access_methods[0].created_access_method_ids.sort()).toEqual(
		methods.map((method) => method.access_method_id).sort(),
	);
	expect(
		after.warnings.map((warning) => [
			warning.warning_code,
			(warning as { device_id?: string }).device_id,
			(warning as { new_code?: string }).new_code,
		]),
	).toEqual([
		['requested_code_unavailable', devices.frontDoorLock, byDoor.get(devices.frontDoorLock)],
		['requested_code_unavailable', devices.garageKeypad, byDoor.get(devices.garageKeypad)],
	]);
});

test('a code every lock takes stays one access method, without warnings', async () => {
	const { devices, userIdentities } = sandbox.seed;
	const grant = await seam.accessGrants.create({
		user_identity_id: userIdentities.jane,
		device_ids: [devices.frontDoorLock, devices.backDoorLock, devices.garageKeypad],
		requested_access_methods: [{ mode: 'code', code: '8642' }],
	});
	const [method, ...rest] = await waitForIssued(grant.access_grant_id);
	expect(rest).toEqual([]);
	expect(method.code).toBe('8642');
	expect(await doorsOf(method)).toEqual([
		devices.frontDoorLock,
		devices.backDoorLock,
		devices.garageKeypad,
	]);
	const after = await seam.accessGrants.get({ access_grant_id: grant.access_grant_id });
	expect(after.warnings).toEqual([]);
});
