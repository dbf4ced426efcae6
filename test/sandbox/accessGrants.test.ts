import { SeamHttp, SeamHttpApiError, SeamHttpInvalidInputError } from '@seamapi/http';

import { createAccessGrant } from './access-grant-lifecycle';
import { presentAccessGrant } from './access-grant-presenters';
import { planAccessMethods } from './access-method-plan';
import { type Sandbox, startSandbox } from './index';
import { createSeededStore, getSeedIds } from './seed';
import { expectRejection, inHours, waitFor } from './testkit';

// Seam's "Using PIN Codes" guide (seed 003) end to end through the official
// SDK: smart locks and spaces, access grants with PIN code access methods,
// their lazy issuance, related resources, time changes, deletion and events.
// afterEach checks that no response broke the OpenAPI contract.

jest.setTimeout(30_000);

type AccessMethod = Awaited<ReturnType<SeamHttp['accessMethods']['get']>>;
type AccessGrant = Awaited<ReturnType<SeamHttp['accessGrants']['get']>>;

let sandbox: Sandbox;
let seam: SeamHttp;

beforeAll(async () => {
	sandbox = await startSandbox({ accessMethodIssueDelayMs: 300 });
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

async function expectInvalidInput(promise: Promise<unknown>, param: string): Promise<string> {
	const error = await expectRejection(promise);
	expect(error).toBeInstanceOf(SeamHttpInvalidInputError);
	const messages = (error as SeamHttpInvalidInputError).getValidationErrorMessages(param);
	expect(messages.length).toBeGreaterThan(0);
	return messages.join(' ');
}

/** Polls the grant's access methods until every one is issued, as the guide says to. */
const waitForIssued = (access_grant_id: string) =>
	waitFor(
		() => seam.accessMethods.list({ access_grant_id }),
		(methods) => methods.length > 0 && methods.every((method) => method.is_issued),
	);

const deviceIds = (batch: { devices?: Array<{ device_id: string }> }) =>
	(batch.devices ?? []).map((device) => device.device_id);
const entranceIds = (batch: { acs_entrances?: Array<{ acs_entrance_id: string }> }) =>
	(batch.acs_entrances ?? []).map((entrance) => entrance.acs_entrance_id);
const spaceIds = (batch: { spaces?: Array<{ space_id: string }> }) =>
	(batch.spaces ?? []).map((space) => space.space_id);

/** A field of an event whose type the union does not narrow. */
const field = (event: object, name: string): unknown => (event as Record<string, unknown>)[name];

function codeMethodFor(methods: AccessMethod[], digits: number): AccessMethod {
	const found = methods.find((method) => method.code?.length === digits);
	if (found == null) throw new Error(`No ${digits}-digit code among ${JSON.stringify(methods)}`);
	return found;
}

describe('seeded smart locks', () => {
	test('PIN capability and device details', async () => {
		const { devices } = sandbox.seed;
		const all = await seam.devices.list();
		expect(all.map((device) => [device.display_name, device.device_type])).toEqual([
			['Front Door Lock', 'august_lock'],
			['Back Door Lock', 'yale_lock'],
			['Garage Keypad', 'schlage_lock'],
			['Old Deadbolt', 'august_lock'],
			['Storage Room Lock', 'igloohome_lock'],
		]);
		// Step 1 of the guide: keep the locks that can take PIN codes.
		const pinCapable = all.filter((device) => device.can_program_online_access_codes);
		expect(pinCapable.map((device) => device.device_id)).toEqual([
			devices.frontDoorLock,
			devices.backDoorLock,
			devices.garageKeypad,
		]);
		const deadbolt = await seam.devices.get({ device_id: devices.oldDeadbolt });
		expect(deadbolt).toMatchObject({
			can_program_online_access_codes: false,
			can_unlock_with_code: false,
			capabilities_supported: ['lock'],
			workspace_id: sandbox.seed.workspaceId,
			errors: [],
			warnings: [],
		});
		const front = await seam.devices.get({ name: 'Front Door Lock' });
		expect(front).toMatchObject({
			device_id: devices.frontDoorLock,
			space_ids: [sandbox.seed.spaces.unit101],
			capabilities_supported: ['access_code', 'lock'],
		});
		expect(front.properties.online).toBe(true);
		// Both August locks come through the same August account; the Yale lock through its own.
		expect(front.connected_account_id).toBe(deadbolt.connected_account_id);
		const back = await seam.devices.get({ device_id: devices.backDoorLock });
		expect(back.connected_account_id).not.toBe(front.connected_account_id);

		await expectApiError(
			seam.devices.get({ device_id: '66666666-6666-4666-8666-999999999999' }),
			'device_not_found',
			404,
		);
		await expectApiError(seam.devices.get({ name: 'Nope' }), 'device_not_found', 404);
	});

	test('list filters', async () => {
		const { devices, spaces } = sandbox.seed;
		const names = async (params: Parameters<SeamHttp['devices']['list']>[0]) =>
			(await seam.devices.list(params)).map((device) => device.display_name);

		expect(await names({ device_ids: [devices.garageKeypad, devices.oldDeadbolt] })).toEqual([
			'Garage Keypad',
			'Old Deadbolt',
		]);
		expect(await names({ device_type: 'august_lock' })).toEqual([
			'Front Door Lock',
			'Old Deadbolt',
		]);
		expect(await names({ device_types: ['yale_lock', 'schlage_lock'] })).toEqual([
			'Back Door Lock',
			'Garage Keypad',
		]);
		expect(await names({ search: 'door' })).toEqual(['Front Door Lock', 'Back Door Lock']);
		expect(await names({ space_id: spaces.unit101 })).toEqual([
			'Front Door Lock',
			'Back Door Lock',
		]);
		expect(await names({ space_id: spaces.poolArea })).toEqual([]);
		expect(await names({ manufacturer: 'schlage' })).toEqual(['Garage Keypad']);
		// include_if / exclude_if are in Seam's OpenAPI document but not in the SDK's parameter types.
		const response = await fetch(`${sandbox.url}/devices/list`, {
			method: 'POST',
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ exclude_if: ['can_program_online_access_codes'] }),
		});
		const body = (await response.json()) as { devices: Array<{ display_name: string }> };
		expect(body.devices.map((device) => device.display_name)).toEqual([
			'Old Deadbolt',
			'Storage Room Lock',
		]);
	});

	test('limit + page_cursor pagination', async () => {
		const paginator = seam.createPaginator(seam.devices.list({ limit: 3 }));
		const [firstPage, pagination] = await paginator.firstPage();
		expect(firstPage).toHaveLength(3);
		expect(pagination.hasNextPage).toBe(true);
		const all = await seam.createPaginator(seam.devices.list({ limit: 3 })).flattenToArray();
		expect(all.map((device) => device.display_name)).toEqual([
			'Front Door Lock',
			'Back Door Lock',
			'Garage Keypad',
			'Old Deadbolt',
			'Storage Room Lock',
		]);
	});
});

describe('seeded spaces', () => {
	test('list, search, get by id or key', async () => {
		const { spaces } = sandbox.seed;
		const all = await seam.spaces.list();
		expect(
			all.map((space) => [
				space.name,
				space.space_key,
				space.device_count,
				space.acs_entrance_count,
			]),
		).toEqual([
			['Unit 101', 'unit-101', 2, 1],
			['Unit 102', 'unit-102', 1, 1],
			['Garden Cottage', 'cottage', 1, 0],
			['Pool Area', 'pool-area', 0, 1],
		]);
		expect((await seam.spaces.list({ search: 'pool' })).map((space) => space.space_id)).toEqual([
			spaces.poolArea,
		]);
		expect(await seam.spaces.get({ space_key: 'unit-101' })).toMatchObject({
			space_id: spaces.unit101,
			display_name: 'Unit 101',
		});
		expect((await seam.spaces.get({ space_id: spaces.poolArea })).name).toBe('Pool Area');
		await expectApiError(seam.spaces.get({ space_key: 'nope' }), 'space_not_found', 404);

		const paginator = seam.createPaginator(seam.spaces.list({ limit: 1 }));
		const [firstPage, pagination] = await paginator.firstPage();
		expect(firstPage.map((space) => space.name)).toEqual(['Unit 101']);
		expect(pagination.hasNextPage).toBe(true);
		expect(
			await seam.createPaginator(seam.spaces.list({ limit: 1 })).flattenToArray(),
		).toHaveLength(4);
	});

	test('entrances know their spaces', async () => {
		const { spaces, entrances } = sandbox.seed;
		const inUnit = await seam.acs.entrances.list({ space_id: spaces.unit101 });
		expect(inUnit.map((entrance) => entrance.acs_entrance_id)).toEqual([entrances.room101]);
		const poolGate = await seam.acs.entrances.get({ acs_entrance_id: entrances.poolGate });
		expect(poolGate.space_ids).toEqual([spaces.poolArea]);
		const lobby = await seam.acs.entrances.get({ acs_entrance_id: entrances.lobby });
		expect(lobby.space_ids).toEqual([]);
	});
});

describe('Using PIN Codes (seed 003)', () => {
	test('a PIN on a smart lock: create, poll, read the code, related doors, new times, delete', async () => {
		const { devices, userIdentities } = sandbox.seed;
		const since = new Date(Date.now() - 1000).toISOString();
		const startsAt = inHours(1);
		const endsAt = inHours(48);

		const grant = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			device_ids: [devices.frontDoorLock],
			requested_access_methods: [{ mode: 'code' }],
			starts_at: startsAt,
			ends_at: endsAt,
			name: 'Jane at the front door',
		});
		expect(grant).toMatchObject({
			user_identity_id: userIdentities.jane,
			workspace_id: sandbox.seed.workspaceId,
			name: 'Jane at the front door',
			display_name: 'Jane at the front door',
			starts_at: startsAt,
			ends_at: endsAt,
			space_ids: [],
			warnings: [],
			errors: [],
		});
		expect(grant.access_method_ids).toHaveLength(1);
		expect(grant.requested_access_methods).toEqual([
			expect.objectContaining({ mode: 'code', created_access_method_ids: grant.access_method_ids }),
		]);

		// Programming the lock takes a moment: not issued, no code yet.
		const pending = await seam.accessMethods.get({ access_method_id: grant.access_method_ids[0] });
		expect(pending).toMatchObject({ mode: 'code', is_issued: false, issued_at: null, code: null });
		expect(pending.pending_mutations.map((mutation) => mutation.mutation_code)).toEqual([
			'provisioning_access',
		]);

		const [method] = await waitForIssued(grant.access_grant_id);
		expect(method.code).toMatch(/^\d{4}$/);
		expect(method.issued_at).not.toBeNull();
		expect(method.pending_mutations).toEqual([]);

		const related = await seam.accessMethods.getRelated({
			access_method_ids: [method.access_method_id],
		});
		expect(deviceIds(related)).toEqual([devices.frontDoorLock]);
		expect(entranceIds(related)).toEqual([]);
		// The grant names the lock, not a space.
		expect(spaceIds(related)).toEqual([]);
		expect(related.access_grants?.map((g) => g.access_grant_id)).toEqual([grant.access_grant_id]);
		const onlyDevices = await seam.accessMethods.getRelated({
			access_method_ids: [method.access_method_id],
			include: ['devices'],
		});
		expect(Object.keys(onlyDevices)).toEqual(['devices']);

		// New times: the issued code is reprogrammed, which shows until it is done.
		const newEndsAt = inHours(72);
		await seam.accessGrants.update({ access_grant_id: grant.access_grant_id, ends_at: newEndsAt });
		const updating = await seam.accessGrants.get({ access_grant_id: grant.access_grant_id });
		expect(updating.ends_at).toBe(newEndsAt);
		expect(updating.pending_mutations).toEqual([
			expect.objectContaining({
				mutation_code: 'updating_access_times',
				access_method_ids: [method.access_method_id],
				from: { starts_at: startsAt, ends_at: endsAt },
				to: { starts_at: startsAt, ends_at: newEndsAt },
			}),
		]);
		expect(updating.warnings.map((warning) => warning.warning_code)).toEqual([
			'updating_access_times',
		]);
		const methodUpdating = await seam.accessMethods.get({
			access_method_id: method.access_method_id,
		});
		expect(methodUpdating.warnings.map((warning) => warning.warning_code)).toEqual([
			'updating_access_times',
		]);
		const settled = await waitFor(
			() => seam.accessGrants.get({ access_grant_id: grant.access_grant_id }),
			(current) => current.pending_mutations.length === 0,
		);
		expect(settled.warnings).toEqual([]);
		expect(settled.ends_at).toBe(newEndsAt);
		// The code itself is unchanged.
		expect((await seam.accessMethods.get({ access_method_id: method.access_method_id })).code).toBe(
			method.code,
		);

		await seam.accessGrants.delete({ access_grant_id: grant.access_grant_id });
		await expectApiError(
			seam.accessGrants.get({ access_grant_id: grant.access_grant_id }),
			'access_grant_not_found',
			404,
		);
		await expectApiError(
			seam.accessMethods.get({ access_method_id: method.access_method_id }),
			'access_method_not_found',
			404,
		);
		expect(await seam.accessMethods.list({ device_id: devices.frontDoorLock })).toEqual([]);

		const events = await seam.events.list({ since, access_grant_id: grant.access_grant_id });
		expect(events.map((event) => event.event_type)).toEqual([
			'access_grant.deleted',
			'access_method.deleted',
			'access_method.revoked',
			'access_grant.access_times_changed',
			'access_grant.access_granted_to_all_doors',
			'access_method.issued',
			'access_method.created',
			'access_grant.created',
		]);
		const issued = events.find((event) => event.event_type === 'access_method.issued');
		expect(issued).toMatchObject({
			access_method_id: method.access_method_id,
			access_grant_ids: [grant.access_grant_id],
			code: method.code,
		});
		expect(events.find((e) => e.event_type === 'access_grant.access_times_changed')).toMatchObject({
			access_grant_id: grant.access_grant_id,
			starts_at: startsAt,
			ends_at: newEndsAt,
		});
	});

	test('PINs on entrances come from the access system: 6 digits on Salto KS, 7 on Latch', async () => {
		const { entrances, userIdentities, saltoSystemId, latchSystemId } = sandbox.seed;
		// Step 1 for access systems: the entrances accept PIN codes.
		const entranceList = await seam.acs.entrances.list({ acs_system_id: saltoSystemId });
		expect(entranceList.every((entrance) => entrance.can_unlock_with_code)).toBe(true);

		const grant = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			acs_entrance_ids: [entrances.poolGate, entrances.lobby, entrances.garage],
			requested_access_methods: [{ mode: 'code' }],
		});
		// One Salto KS PIN for both Salto entrances, one Latch PIN for the Latch door.
		expect(grant.access_method_ids).toHaveLength(2);
		const methods = await waitForIssued(grant.access_grant_id);
		const salto = codeMethodFor(methods, 6);
		const latch = codeMethodFor(methods, 7);

		const saltoDoors = await seam.accessMethods.getRelated({
			access_method_ids: [salto.access_method_id],
		});
		expect(entranceIds(saltoDoors).sort()).toEqual([entrances.lobby, entrances.poolGate].sort());
		expect(deviceIds(saltoDoors)).toEqual([]);
		const latchDoors = await seam.accessMethods.getRelated({
			access_method_ids: [latch.access_method_id],
		});
		expect(entranceIds(latchDoors)).toEqual([entrances.garage]);

		const byEntrance = await seam.accessMethods.list({ acs_entrance_id: entrances.garage });
		expect(byEntrance.map((method) => method.access_method_id)).toEqual([latch.access_method_id]);
		const grantsOnLatch = await seam.accessGrants.list({ acs_system_id: latchSystemId });
		expect(grantsOnLatch.map((g) => g.access_grant_id)).toEqual([grant.access_grant_id]);
		expect(await seam.accessGrants.list({ acs_entrance_id: entrances.staffRoom })).toEqual([]);
	});

	test('a PIN on a space covers its locks and its entrance', async () => {
		const { spaces, devices, entrances, userIdentities } = sandbox.seed;
		const grant = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			space_ids: [spaces.unit101],
			requested_access_methods: [{ mode: 'code' }],
			ends_at: inHours(24),
		});
		expect(grant.space_ids).toEqual([spaces.unit101]);
		const methods = await waitForIssued(grant.access_grant_id);
		expect(methods).toHaveLength(2);
		const lockCode = codeMethodFor(methods, 4);
		const latchCode = codeMethodFor(methods, 7);

		const lockDoors = await seam.accessMethods.getRelated({
			access_method_ids: [lockCode.access_method_id],
		});
		expect(deviceIds(lockDoors)).toEqual([devices.frontDoorLock, devices.backDoorLock]);
		expect(spaceIds(lockDoors)).toEqual([spaces.unit101]);
		const both = await seam.accessMethods.getRelated({
			access_method_ids: [lockCode.access_method_id, latchCode.access_method_id],
			exclude: ['access_grants', 'access_methods'],
		});
		expect(entranceIds(both)).toEqual([entrances.room101]);
		expect(deviceIds(both)).toHaveLength(2);
		expect(both.access_grants).toBeUndefined();

		const bySpace = await seam.accessMethods.list({ space_id: spaces.unit101 });
		expect(bySpace).toHaveLength(2);
		expect(
			(await seam.accessMethods.list({ device_id: devices.backDoorLock })).map(
				(method) => method.access_method_id,
			),
		).toEqual([lockCode.access_method_id]);
		// A grant on a space is found by the space and by each of its doors.
		for (const filter of [
			{ space_id: spaces.unit101 },
			{ device_id: devices.backDoorLock },
			{ acs_entrance_id: entrances.room101 },
		]) {
			const found = await seam.accessGrants.list(filter);
			expect(found.map((g) => g.access_grant_id)).toEqual([grant.access_grant_id]);
		}
		expect(await seam.accessGrants.list({ space_id: spaces.poolArea })).toEqual([]);

		const grantRelated = await seam.accessGrants.getRelated({
			access_grant_ids: [grant.access_grant_id],
		});
		expect(spaceIds(grantRelated)).toEqual([spaces.unit101]);
		expect(deviceIds(grantRelated)).toEqual([devices.frontDoorLock, devices.backDoorLock]);
		expect(grantRelated.user_identities?.map((u) => u.user_identity_id)).toEqual([
			userIdentities.jane,
		]);
		expect(grantRelated.access_methods).toHaveLength(2);
	});

	test('a custom code must be 4 to 9 digits and is used as requested', async () => {
		const { devices, userIdentities } = sandbox.seed;
		// The Yale lock takes 4 to 8 digits (supported_code_lengths): the longest it takes.
		const create = (code: string) =>
			seam.accessGrants.create({
				user_identity_id: userIdentities.jane,
				device_ids: [devices.backDoorLock],
				requested_access_methods: [{ mode: 'code', code }],
			});
		for (const bad of ['123', '1234567890', '12ab', '']) {
			await expectInvalidInput(create(bad), 'requested_access_methods');
		}
		expect(await seam.accessGrants.list()).toEqual([]);

		const grant = await create('24681357');
		expect(grant.requested_access_methods[0]).toMatchObject({ mode: 'code', code: '24681357' });
		const [method] = await waitForIssued(grant.access_grant_id);
		expect(method.code).toBe('24681357');

		// Access systems generate their own PINs: a custom code for an entrance is refused.
		const message = await expectInvalidInput(
			seam.accessGrants.create({
				user_identity_id: userIdentities.jane,
				acs_entrance_ids: [sandbox.seed.entrances.poolGate],
				requested_access_methods: [{ mode: 'code', code: '1357' }],
			}),
			'requested_access_methods',
		);
		expect(message).toMatch(/Salto KS generates PIN codes/);
	});

	test('a requested code already used on one of the locks is replaced (requested_code_unavailable)', async () => {
		const { devices, userIdentities, spaces } = sandbox.seed;
		const first = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			device_ids: [devices.backDoorLock],
			requested_access_methods: [{ mode: 'code', code: '4321' }],
		});
		const second = await seam.accessGrants.create({
			user_identity: { full_name: 'Sam Guest', email_address: 'sam@example.com' },
			device_ids: [devices.frontDoorLock, devices.backDoorLock],
			requested_access_methods: [{ mode: 'code', code: '4321' }],
		});
		// Until the replacement is programmed, nothing reveals it.
		expect(second.warnings).toEqual([]);

		const [firstMethod] = await waitForIssued(first.access_grant_id);
		expect(firstMethod.code).toBe('4321');
		// One code for both locks: 4321 is free on the front door but taken on the back door.
		const [lockMethod] = await waitForIssued(second.access_grant_id);
		expect(lockMethod.code).toMatch(/^\d{4}$/);
		expect(lockMethod.code).not.toBe('4321');

		const grant = await seam.accessGrants.get({ access_grant_id: second.access_grant_id });
		expect(grant.warnings).toEqual([
			expect.objectContaining({
				warning_code: 'requested_code_unavailable',
				device_id: devices.backDoorLock,
				original_code: '4321',
				new_code: lockMethod.code,
			}),
		]);
		// A custom code cannot cover Unit 101: its Latch entrance generates its own PINs.
		await expectInvalidInput(
			seam.accessGrants.create({
				user_identity_id: userIdentities.jane,
				space_ids: [spaces.unit101],
				requested_access_methods: [{ mode: 'code', code: '4321' }],
			}),
			'requested_access_methods',
		);
		// Another lock without that code takes it as requested.
		const third = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			device_ids: [devices.garageKeypad],
			requested_access_methods: [{ mode: 'code', code: '4321' }],
		});
		const [thirdMethod] = await waitForIssued(third.access_grant_id);
		expect(thirdMethod.code).toBe('4321');
	});

	test('access_grant_key is unique in the workspace; get and list by key', async () => {
		const { devices, userIdentities } = sandbox.seed;
		const params = {
			user_identity_id: userIdentities.jane,
			device_ids: [devices.frontDoorLock],
			requested_access_methods: [{ mode: 'code' as const }],
			access_grant_key: 'booking-42',
		};
		const grant = await seam.accessGrants.create(params);
		expect(grant.access_grant_key).toBe('booking-42');
		const duplicate = await expectApiError(
			seam.accessGrants.create(params),
			'access_grant_key_taken',
			400,
		);
		expect(duplicate.message).toMatch(/booking-42/);
		expect(await seam.accessGrants.list()).toHaveLength(1);

		expect((await seam.accessGrants.get({ access_grant_key: 'booking-42' })).access_grant_id).toBe(
			grant.access_grant_id,
		);
		expect(
			(await seam.accessGrants.list({ access_grant_key: 'booking-42' })).map(
				(g) => g.access_grant_id,
			),
		).toEqual([grant.access_grant_id]);
		expect(await seam.accessGrants.list({ access_grant_key: 'other' })).toEqual([]);
		const methods = await seam.accessMethods.list({ access_grant_key: 'booking-42' });
		expect(methods.map((method) => method.access_method_id)).toEqual(grant.access_method_ids);
		// Update addresses the grant by key too.
		await seam.accessGrants.update({ access_grant_key: 'booking-42', name: 'Booking 42' });
		expect((await seam.accessGrants.get({ access_grant_id: grant.access_grant_id })).name).toBe(
			'Booking 42',
		);
		// Once deleted, the key is free again.
		await seam.accessGrants.delete({ access_grant_id: grant.access_grant_id });
		await expectApiError(
			seam.accessGrants.get({ access_grant_key: 'booking-42' }),
			'access_grant_not_found',
			404,
		);
		await seam.accessGrants.create(params);
	});

	test('invalid targets, times and identities are refused before anything is created', async () => {
		const { devices, userIdentities } = sandbox.seed;
		const base = {
			user_identity_id: userIdentities.jane,
			device_ids: [devices.frontDoorLock],
			requested_access_methods: [{ mode: 'code' as const }],
		};
		const missing = '12345678-1234-4234-8234-123456789012';

		await expectInvalidInput(seam.accessGrants.create({ ...base, device_ids: [] }), 'device_ids');
		await expectInvalidInput(
			seam.accessGrants.create({ ...base, requested_access_methods: [] }),
			'requested_access_methods',
		);
		await expectApiError(
			seam.accessGrants.create({ ...base, device_ids: [missing] }),
			'device_not_found',
			404,
		);
		await expectApiError(
			seam.accessGrants.create({ ...base, acs_entrance_ids: [missing] }),
			'acs_entrance_not_found',
			404,
		);
		await expectApiError(
			seam.accessGrants.create({ ...base, space_ids: [missing] }),
			'space_not_found',
			404,
		);
		await expectApiError(
			seam.accessGrants.create({ ...base, user_identity_id: missing }),
			'user_identity_not_found',
			404,
		);
		const order = await expectInvalidInput(
			seam.accessGrants.create({ ...base, starts_at: inHours(10), ends_at: inHours(5) }),
			'ends_at',
		);
		expect(order).toMatch(/later than starts_at/);
		await expectInvalidInput(
			seam.accessGrants.create({ ...base, ends_at: inHours(-1) }),
			'ends_at',
		);
		await expectInvalidInput(
			seam.accessGrants.create({ ...base, starts_at: 'tomorrow' }),
			'starts_at',
		);
		// A duplicate inline identity is refused without creating the grant.
		await expectApiError(
			seam.accessGrants.create({
				user_identity: { email_address: 'jane@example.com' },
				device_ids: base.device_ids,
				requested_access_methods: base.requested_access_methods,
			}),
			'user_identity_email_address_taken',
			400,
		);
		expect(await seam.accessGrants.list()).toEqual([]);
		expect(await seam.userIdentities.list()).toHaveLength(1);

		const grant = await seam.accessGrants.create({ ...base, ends_at: inHours(5) });
		await expectInvalidInput(
			seam.accessGrants.update({
				access_grant_id: grant.access_grant_id,
				starts_at: inHours(6),
			}),
			'ends_at',
		);
		await expectApiError(
			seam.accessGrants.update({ access_grant_id: missing, name: 'x' }),
			'access_grant_not_found',
			404,
		);
		expect((await seam.accessGrants.get({ access_grant_id: grant.access_grant_id })).ends_at).toBe(
			grant.ends_at,
		);
	});

	test('an inline user_identity is created with the grant', async () => {
		const { devices } = sandbox.seed;
		const grant = await seam.accessGrants.create({
			user_identity: {
				full_name: 'Pat Guest',
				email_address: 'pat@example.com',
				phone_number: '+15555550100',
			},
			device_ids: [devices.frontDoorLock],
			requested_access_methods: [{ mode: 'code' }],
		});
		const identity = await seam.userIdentities.get({ user_identity_id: grant.user_identity_id });
		expect(identity).toMatchObject({
			full_name: 'Pat Guest',
			email_address: 'pat@example.com',
			phone_number: '+15555550100',
		});
		expect(grant.display_name).toBe('Access Grant for Pat Guest');
		expect(
			(await seam.accessGrants.list({ user_identity_id: identity.user_identity_id })).map(
				(g) => g.access_grant_id,
			),
		).toEqual([grant.access_grant_id]);

		// Deleting the person takes their access grants and access methods with them.
		await seam.userIdentities.delete({ user_identity_id: identity.user_identity_id });
		expect(await seam.accessGrants.list()).toEqual([]);
		expect(await seam.accessMethods.list({ device_id: devices.frontDoorLock })).toEqual([]);
	});

	test('a lock without a keypad is left out of PIN codes', async () => {
		const { devices, userIdentities } = sandbox.seed;
		const since = new Date(Date.now() - 1000).toISOString();
		const mixed = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			device_ids: [devices.frontDoorLock, devices.oldDeadbolt],
			requested_access_methods: [{ mode: 'code' }],
		});
		expect(mixed.warnings).toEqual([
			expect.objectContaining({
				warning_code: 'device_does_not_support_access_codes',
				device_id: devices.oldDeadbolt,
			}),
		]);
		expect(mixed.errors).toEqual([]);
		const [method] = await waitForIssued(mixed.access_grant_id);
		const related = await seam.accessMethods.getRelated({
			access_method_ids: [method.access_method_id],
		});
		expect(deviceIds(related)).toEqual([devices.frontDoorLock]);

		const only = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			device_ids: [devices.oldDeadbolt],
			requested_access_methods: [{ mode: 'code' }],
		});
		expect(only.access_method_ids).toEqual([]);
		expect(only.errors).toEqual([
			expect.objectContaining({
				error_code: 'cannot_create_requested_access_methods',
				missing_device_ids: [devices.oldDeadbolt],
			}),
		]);
		const failed = await seam.events.list({
			since,
			event_type: 'access_grant.could_not_create_requested_access_methods',
		});
		expect(failed).toEqual([
			expect.objectContaining({
				access_grant_id: only.access_grant_id,
				missing_device_ids: [devices.oldDeadbolt],
			}),
		]);
		// Neither grant opens every door it asked for, so neither reports access to all doors.
		const allDoors = await seam.events.list({
			since,
			event_type: 'access_grant.access_granted_to_all_doors',
		});
		expect(allDoors).toEqual([]);
	});

	test('card and mobile key access methods cover every door and have no code', async () => {
		const { spaces, userIdentities } = sandbox.seed;
		const grant = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			space_ids: [spaces.poolArea],
			requested_access_methods: [{ mode: 'card' }, { mode: 'mobile_key' }],
		});
		const methods = await waitForIssued(grant.access_grant_id);
		expect(methods.map((method) => [method.mode, method.display_name, 'code' in method])).toEqual([
			['card', 'Card', false],
			['mobile_key', 'Mobile Key', false],
		]);
		const related = await seam.accessMethods.getRelated({
			access_method_ids: [methods[0].access_method_id],
		});
		expect(entranceIds(related)).toEqual([sandbox.seed.entrances.poolGate]);
		expect(spaceIds(related)).toEqual([spaces.poolArea]);
	});

	test('deleting one access method revokes it and leaves the grant', async () => {
		const { entrances, userIdentities } = sandbox.seed;
		const since = new Date(Date.now() - 1000).toISOString();
		const grant = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			acs_entrance_ids: [entrances.room101, entrances.room102],
			requested_access_methods: [{ mode: 'code' }],
		});
		const methods = await waitForIssued(grant.access_grant_id);
		expect(methods).toHaveLength(2);
		await seam.accessMethods.delete({ access_method_id: methods[0].access_method_id });

		const after = await seam.accessGrants.get({ access_grant_id: grant.access_grant_id });
		expect(after.access_method_ids).toEqual([methods[1].access_method_id]);
		expect(after.requested_access_methods[0].created_access_method_ids).toEqual([
			methods[1].access_method_id,
		]);
		const events = await seam.events.list({
			since,
			access_method_id: methods[0].access_method_id,
		});
		expect(events.map((event) => event.event_type)).toEqual([
			'access_method.deleted',
			'access_method.revoked',
			'access_method.issued',
			'access_method.created',
		]);
		await seam.accessMethods.delete({ access_grant_id: grant.access_grant_id });
		expect(await seam.accessMethods.list({ access_grant_id: grant.access_grant_id })).toEqual([]);
	});

	test('events filter by grant, method and type', async () => {
		const { devices, userIdentities } = sandbox.seed;
		const since = new Date(Date.now() - 1000).toISOString();
		const a = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			device_ids: [devices.frontDoorLock],
			requested_access_methods: [{ mode: 'code' }],
		});
		const b = await seam.accessGrants.create({
			user_identity_id: userIdentities.jane,
			device_ids: [devices.garageKeypad],
			requested_access_methods: [{ mode: 'code' }],
		});
		await waitForIssued(a.access_grant_id);
		await waitForIssued(b.access_grant_id);

		const created = await seam.events.list({ since, event_type: 'access_grant.created' });
		expect(created.map((event) => field(event, 'access_grant_id'))).toEqual([
			b.access_grant_id,
			a.access_grant_id,
		]);
		const ofA = await seam.events.list({ since, access_grant_ids: [a.access_grant_id] });
		expect(ofA.map((event) => event.event_type).sort()).toEqual(
			[
				'access_grant.created',
				'access_method.created',
				'access_method.issued',
				'access_grant.access_granted_to_all_doors',
			].sort(),
		);
		const issuedB = await seam.events.list({
			since,
			access_method_ids: b.access_method_ids,
			event_types: ['access_method.issued'],
		});
		expect(issuedB).toHaveLength(1);
		expect(issuedB[0]).toMatchObject({ access_method_id: b.access_method_ids[0] });
		expect(field(issuedB[0], 'code')).toMatch(/^\d{4}$/);
		const janes = await seam.events.list({ since, user_identity_id: userIdentities.jane });
		expect(janes.length).toBe(8);
	});

	test('access grants paginate', async () => {
		const { devices, userIdentities } = sandbox.seed;
		const created: AccessGrant[] = [];
		for (const deviceId of [devices.frontDoorLock, devices.backDoorLock, devices.garageKeypad]) {
			created.push(
				await seam.accessGrants.create({
					user_identity_id: userIdentities.jane,
					device_ids: [deviceId],
					requested_access_methods: [{ mode: 'code' }],
				}),
			);
		}
		const paginator = seam.createPaginator(seam.accessGrants.list({ limit: 2 }));
		const [firstPage, pagination] = await paginator.firstPage();
		expect(firstPage).toHaveLength(2);
		expect(pagination.hasNextPage).toBe(true);
		const all = await seam.createPaginator(seam.accessGrants.list({ limit: 2 })).flattenToArray();
		expect(all.map((g) => g.access_grant_id)).toEqual(created.map((g) => g.access_grant_id));
	});
});

describe('sandbox controls', () => {
	test('accessMethodIssueDelayMs: 0 issues the code in the create response', async () => {
		const instant = await startSandbox({ accessMethodIssueDelayMs: 0 });
		try {
			const client = SeamHttp.fromApiKey(instant.apiKey, { endpoint: instant.url });
			const grant = await client.accessGrants.create({
				user_identity_id: instant.seed.userIdentities.jane,
				device_ids: [instant.seed.devices.frontDoorLock],
				requested_access_methods: [{ mode: 'code', code: '8642' }],
			});
			const [method] = await client.accessMethods.list({ access_grant_id: grant.access_grant_id });
			expect(method).toMatchObject({ is_issued: true, code: '8642' });
			expect(method.issued_at).toBe(grant.created_at);
			// A times change on issued methods completes at once too.
			await client.accessGrants.update({
				access_grant_id: grant.access_grant_id,
				ends_at: inHours(3),
			});
			const updated = await client.accessGrants.get({ access_grant_id: grant.access_grant_id });
			expect(updated.pending_mutations).toEqual([]);
			expect(instant.contractViolations).toEqual([]);
		} finally {
			await instant.close();
		}
	});

	test('without schema checks the handlers still refuse bad codes and modes', async () => {
		const unchecked = await startSandbox({ validate: false });
		try {
			const create = async (requested: unknown) => {
				const response = await fetch(`${unchecked.url}/access_grants/create`, {
					method: 'POST',
					headers: {
						authorization: `Bearer ${unchecked.apiKey}`,
						'content-type': 'application/json',
					},
					body: JSON.stringify({
						user_identity_id: unchecked.seed.userIdentities.jane,
						device_ids: [unchecked.seed.devices.frontDoorLock],
						requested_access_methods: requested,
					}),
				});
				const body = (await response.json()) as {
					error: { type: string; validation_errors: Record<string, unknown> };
				};
				return { status: response.status, ...body.error };
			};
			for (const requested of [
				[{ mode: 'code', code: '12' }],
				[{ mode: 'code', code: '1234567890' }],
				[{ mode: 'cloud_key' }],
				[{ mode: 'card', code: '1234' }],
				'code',
			]) {
				const refused = await create(requested);
				expect(refused).toMatchObject({ status: 400, type: 'invalid_input' });
				expect(Object.keys(refused.validation_errors)).toContain('requested_access_methods');
			}
			expect(unchecked.contractViolations).toEqual([]);
		} finally {
			await unchecked.close();
		}
	});

	test('the seed ids are fixed', () => {
		expect(sandbox.seed.devices).toEqual({
			frontDoorLock: '66666666-6666-4666-8666-000000000001',
			backDoorLock: '66666666-6666-4666-8666-000000000002',
			garageKeypad: '66666666-6666-4666-8666-000000000003',
			oldDeadbolt: '66666666-6666-4666-8666-000000000004',
			storageRoomLock: '66666666-6666-4666-8666-000000000005',
		});
		expect(sandbox.seed.spaces).toEqual({
			unit101: '77777777-7777-4777-8777-000000000101',
			unit102: '77777777-7777-4777-8777-000000000102',
			cottage: '77777777-7777-4777-8777-000000000103',
			poolArea: '77777777-7777-4777-8777-000000000201',
		});
	});
});

// No seeded entrance refuses PIN codes (every ACS entrance in the seed takes
// them), so this safety net is exercised on a store directly.
describe('an entrance that cannot be unlocked with a code', () => {
	test('gets no code access method and is reported as cannot_create_requested_access_methods', () => {
		const ids = getSeedIds();
		const store = createSeededStore();
		const lobby = store.entrances.get(ids.entrances.lobby);
		if (lobby == null) throw new Error('seeded Lobby missing');
		lobby.can_unlock_with_code = false;

		const now = new Date();
		const targets = {
			device_ids: [],
			acs_entrance_ids: [ids.entrances.lobby, ids.entrances.poolGate],
			space_ids: [],
		};
		const requested = [{ mode: 'code' as const, code: null, created_at: now.toISOString() }];
		const plan = planAccessMethods(store, targets, requested);
		expect(plan.drafts.map((draft) => draft.acs_entrance_ids)).toEqual([[ids.entrances.poolGate]]);

		const grant = createAccessGrant(
			store,
			{
				user_identity_id: ids.userIdentities.jane,
				access_grant_key: null,
				reservation_key: null,
				name: null,
				...targets,
				requested_access_methods: requested,
				starts_at: now.toISOString(),
				ends_at: null,
			},
			plan,
			now,
			0,
		);
		const rendered = presentAccessGrant(store, grant);
		expect(rendered.errors).toEqual([
			expect.objectContaining({
				error_code: 'cannot_create_requested_access_methods',
				message: expect.stringContaining('Lobby'),
			}),
		]);
		expect(
			store.events
				.map(({ event }) => event.event_type)
				.filter((type) => type.startsWith('access_grant')),
		).toEqual(['access_grant.created', 'access_grant.could_not_create_requested_access_methods']);
	});
});
