import {
	SeamHttp,
	SeamHttpApiError,
	SeamHttpInvalidInputError,
	SeamHttpUnauthorizedError,
} from '@seamapi/http';

import { type Sandbox, startSandbox } from './index';
import { expectRejection, inHours, waitFor } from './testkit';

// These tests drive the sandbox through the official SDK, the way the n8n node
// will, and assert the behaviour Seam documents. afterEach checks that no
// response the tests provoked broke the OpenAPI contract.

jest.setTimeout(30_000);

type AcsCredential = Awaited<ReturnType<SeamHttp['acs']['credentials']['get']>>;

let sandbox: Sandbox;
let seam: SeamHttp;

beforeAll(async () => {
	sandbox = await startSandbox({ credentialIssueDelayMs: 300 });
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

const ids = <T extends { acs_entrance_id: string }>(entrances: readonly T[]) =>
	entrances.map((entrance) => entrance.acs_entrance_id).sort();

// Loosely typed on purpose: these tests look at the wire format, not SDK types.
interface RawBody {
	ok: boolean;
	error: {
		type: string;
		request_id: string;
		validation_errors: Record<string, { _errors: string[] }>;
	};
	pagination: { has_next_page: boolean; next_page_cursor: string; next_page_url: string };
	[key: string]: unknown;
}

async function rawRequest(method: string, path: string, body?: unknown, apiKey = sandbox.apiKey) {
	const response = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${apiKey}`,
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return {
		status: response.status,
		headers: response.headers,
		json: (await response.json()) as RawBody,
	};
}

describe('seeded state', () => {
	test('workspace is a sandbox workspace', async () => {
		const workspace = await seam.workspaces.get();
		expect(workspace).toMatchObject({
			workspace_id: sandbox.seed.workspaceId,
			is_sandbox: true,
			name: 'n8n-nodes-seam sandbox',
		});
	});

	test('Salto KS and Latch systems are listed', async () => {
		const systems = await seam.acs.systems.list();
		expect(
			systems.map((system) => [system.name, system.external_type, system.acs_system_id]),
		).toEqual([
			['Main Site', 'salto_ks_site', sandbox.seed.saltoSystemId],
			['Building A', 'latch_building', sandbox.seed.latchSystemId],
		]);
		const salto = await seam.acs.systems.get({ acs_system_id: sandbox.seed.saltoSystemId });
		expect(salto.external_type_display_name).toBe('Salto KS site');
	});

	test('Salto KS access groups grant their entrances', async () => {
		const { accessGroups, entrances } = sandbox.seed;
		const groups = await seam.acs.accessGroups.list({ acs_system_id: sandbox.seed.saltoSystemId });
		expect(groups.map((group) => group.name)).toEqual(['Main Group', 'Staff Group', 'Pool Group']);
		expect(groups.every((group) => group.access_group_type === 'salto_ks_access_group')).toBe(true);

		const expected: Array<[string, string[]]> = [
			[accessGroups.mainGroup, [entrances.mainEntrance, entrances.lobby]],
			[accessGroups.staffGroup, [entrances.staffRoom, entrances.mainEntrance]],
			[accessGroups.poolGroup, [entrances.poolGate]],
		];
		for (const [groupId, entranceIds] of expected) {
			const granted = await seam.acs.accessGroups.listAccessibleEntrances({
				acs_access_group_id: groupId,
			});
			expect(ids(granted)).toEqual([...entranceIds].sort());
		}
		expect(await seam.acs.accessGroups.list({ acs_system_id: sandbox.seed.latchSystemId })).toEqual(
			[],
		);
	});

	test('entrances of both systems accept PIN codes', async () => {
		const latch = await seam.acs.entrances.list({ acs_system_id: sandbox.seed.latchSystemId });
		expect(latch.map((entrance) => entrance.display_name)).toEqual([
			'Front Door',
			'Garage',
			'Room 101',
			'Room 102',
		]);
		const all = await seam.acs.entrances.list();
		expect(all).toHaveLength(8);
		expect(all.every((entrance) => entrance.can_unlock_with_code === true)).toBe(true);
		const lobby = await seam.acs.entrances.get({ acs_entrance_id: sandbox.seed.entrances.lobby });
		expect(lobby).toMatchObject({
			display_name: 'Lobby',
			acs_system_id: sandbox.seed.saltoSystemId,
		});
	});

	test('Jane Doe user identity exists', async () => {
		const jane = await seam.userIdentities.get({
			user_identity_id: sandbox.seed.userIdentities.jane,
		});
		expect(jane).toMatchObject({
			full_name: 'Jane Doe',
			email_address: 'jane@example.com',
			acs_user_ids: [],
		});
	});
});

describe('Salto KS PIN code quick start', () => {
	test('scheduled user, access group, generated 6-digit PIN, entrances from the group', async () => {
		const { saltoSystemId, accessGroups } = sandbox.seed;
		const startsAt = inHours(24);
		const endsAt = inHours(72);

		const user = await seam.acs.users.create({
			acs_system_id: saltoSystemId,
			full_name: 'June Doe',
			email_address: 'june@example.com',
			access_schedule: { starts_at: startsAt, ends_at: endsAt },
		});
		// Unsubscribed on Salto KS until the schedule starts.
		expect(user.salto_ks_metadata).toEqual({ is_subscribed: false });
		expect(user.warnings.map((warning) => warning.warning_code)).toEqual([
			'salto_ks_user_not_subscribed',
		]);
		expect(user.access_schedule).toEqual({ starts_at: startsAt, ends_at: endsAt });
		expect(user.external_type).toBe('salto_site_user');

		await seam.acs.users.addToAccessGroup({
			acs_user_id: user.acs_user_id,
			acs_access_group_id: accessGroups.mainGroup,
		});
		const groups = await seam.acs.accessGroups.list({ acs_user_id: user.acs_user_id });
		expect(groups.map((group) => group.acs_access_group_id)).toEqual([accessGroups.mainGroup]);
		const members = await seam.acs.accessGroups.listUsers({
			acs_access_group_id: accessGroups.mainGroup,
		});
		expect(members.map((member) => member.acs_user_id)).toEqual([user.acs_user_id]);

		const created = await seam.acs.credentials.create({
			acs_user_id: user.acs_user_id,
			access_method: 'code',
		});
		expect(created).toMatchObject({
			access_method: 'code',
			is_issued: false,
			code: null,
			acs_system_id: saltoSystemId,
		});
		expect(created.warnings.map((warning) => warning.warning_code)).toEqual([
			'waiting_to_be_issued',
		]);

		const issued = await waitFor(
			() => seam.acs.credentials.get({ acs_credential_id: created.acs_credential_id }),
			(credential) => credential.code != null,
		);
		expect(issued.code).toMatch(/^\d{6}$/);
		expect(issued.is_issued).toBe(true);
		expect(issued.issued_at).toEqual(expect.any(String));
		expect(issued.warnings).toEqual([]);

		const mainGroupEntrances = ids(
			await seam.acs.accessGroups.listAccessibleEntrances({
				acs_access_group_id: accessGroups.mainGroup,
			}),
		);
		expect(
			ids(await seam.acs.users.listAccessibleEntrances({ acs_user_id: user.acs_user_id })),
		).toEqual(mainGroupEntrances);
		expect(
			ids(
				await seam.acs.credentials.listAccessibleEntrances({
					acs_credential_id: created.acs_credential_id,
				}),
			),
		).toEqual(mainGroupEntrances);
	});

	test('a user without a schedule is subscribed; access follows group membership', async () => {
		const { saltoSystemId, accessGroups, entrances } = sandbox.seed;
		const user = await seam.acs.users.create({
			acs_system_id: saltoSystemId,
			full_name: 'Sam Staff',
		});
		expect(user.salto_ks_metadata).toEqual({ is_subscribed: true });
		expect(user.warnings).toEqual([]);

		await seam.acs.accessGroups.addUser({
			acs_access_group_id: accessGroups.staffGroup,
			acs_user_id: user.acs_user_id,
		});
		await seam.acs.users.addToAccessGroup({
			acs_user_id: user.acs_user_id,
			acs_access_group_id: accessGroups.poolGroup,
		});
		expect(
			ids(await seam.acs.users.listAccessibleEntrances({ acs_user_id: user.acs_user_id })),
		).toEqual([entrances.staffRoom, entrances.mainEntrance, entrances.poolGate].sort());

		await seam.acs.users.removeFromAccessGroup({
			acs_user_id: user.acs_user_id,
			acs_access_group_id: accessGroups.staffGroup,
		});
		expect(
			ids(await seam.acs.users.listAccessibleEntrances({ acs_user_id: user.acs_user_id })),
		).toEqual([entrances.poolGate]);
	});
});

describe('Latch PIN codes', () => {
	test('one 7-digit PIN per entrance for a user with a user identity', async () => {
		const { latchSystemId, entrances } = sandbox.seed;
		const identity = await seam.userIdentities.create({
			full_name: 'Lee Resident',
			email_address: 'lee@example.com',
		});
		const user = await seam.acs.users.create({
			acs_system_id: latchSystemId,
			user_identity_id: identity.user_identity_id,
			full_name: 'Lee Resident',
			email_address: 'lee@example.com',
		});
		expect(user).toMatchObject({
			user_identity_id: identity.user_identity_id,
			user_identity_full_name: 'Lee Resident',
			external_type: 'latch_user',
		});
		expect(user.salto_ks_metadata).toBeUndefined();

		const startsAt = inHours(1);
		const endsAt = inHours(48);
		const doors = [entrances.frontDoor, entrances.garage, entrances.room101, entrances.room102];
		const credentials: AcsCredential[] = [];
		for (const door of doors) {
			credentials.push(
				await seam.acs.credentials.create({
					acs_user_id: user.acs_user_id,
					access_method: 'code',
					allowed_acs_entrance_ids: [door],
					starts_at: startsAt,
					ends_at: endsAt,
				}),
			);
		}
		expect(credentials.map((credential) => credential.user_identity_id)).toEqual(
			doors.map(() => identity.user_identity_id),
		);
		expect(credentials[0]).toMatchObject({
			starts_at: startsAt,
			ends_at: endsAt,
			external_type: 'latch_access',
		});

		for (const [index, door] of doors.entries()) {
			const issued = await waitFor(
				() => seam.acs.credentials.get({ acs_credential_id: credentials[index].acs_credential_id }),
				(credential) => credential.is_issued === true,
			);
			expect(issued.code).toMatch(/^\d{7}$/);
			const accessible = await seam.acs.credentials.listAccessibleEntrances({
				acs_credential_id: issued.acs_credential_id,
			});
			expect(ids(accessible)).toEqual([door]);
			const viaList = await seam.acs.entrances.list({
				acs_credential_id: issued.acs_credential_id,
			});
			expect(ids(viaList)).toEqual([door]);
		}

		expect(
			ids(await seam.acs.users.listAccessibleEntrances({ acs_user_id: user.acs_user_id })),
		).toEqual([...doors].sort());
		const byIdentity = await seam.acs.credentials.list({
			user_identity_id: identity.user_identity_id,
		});
		expect(byIdentity.map((credential) => credential.acs_credential_id).sort()).toEqual(
			credentials.map((credential) => credential.acs_credential_id).sort(),
		);
		const identityUsers = await seam.userIdentities.listAcsUsers({
			user_identity_id: identity.user_identity_id,
		});
		expect(identityUsers.map((acsUser) => acsUser.acs_user_id)).toEqual([user.acs_user_id]);
		const refreshed = await seam.userIdentities.get({
			user_identity_id: identity.user_identity_id,
		});
		expect(refreshed.acs_user_ids).toEqual([user.acs_user_id]);
	});

	test('a user identity can be linked after the fact and used to address the user', async () => {
		const { latchSystemId, userIdentities } = sandbox.seed;
		const user = await seam.acs.users.create({
			acs_system_id: latchSystemId,
			full_name: 'Jane Doe',
		});
		await seam.userIdentities.addAcsUser({
			user_identity_id: userIdentities.jane,
			acs_user_id: user.acs_user_id,
		});
		const viaIdentity = await seam.acs.users.get({
			user_identity_id: userIdentities.jane,
			acs_system_id: latchSystemId,
		});
		expect(viaIdentity.acs_user_id).toBe(user.acs_user_id);
		const listed = await seam.acs.users.list({ user_identity_id: userIdentities.jane });
		expect(listed.map((acsUser) => acsUser.acs_user_id)).toEqual([user.acs_user_id]);
	});
});

describe('errors', () => {
	test('a wrong API key is unauthorized', async () => {
		const intruder = SeamHttp.fromApiKey('seam_wrong_key', { endpoint: sandbox.url });
		const error = await expectRejection(intruder.acs.systems.list());
		expect(error).toBeInstanceOf(SeamHttpUnauthorizedError);
		expect((error as SeamHttpUnauthorizedError).statusCode).toBe(401);
	});

	test('unknown ids give 404 with a resource-specific type and a request id', async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		const cases: Array<[Promise<unknown>, string]> = [
			[seam.acs.users.get({ acs_user_id: unknown }), 'acs_user_not_found'],
			[seam.acs.systems.get({ acs_system_id: unknown }), 'acs_system_not_found'],
			[seam.acs.accessGroups.get({ acs_access_group_id: unknown }), 'acs_access_group_not_found'],
			[seam.acs.credentials.get({ acs_credential_id: unknown }), 'acs_credential_not_found'],
			[seam.acs.entrances.get({ acs_entrance_id: unknown }), 'acs_entrance_not_found'],
			[seam.userIdentities.get({ user_identity_id: unknown }), 'user_identity_not_found'],
			[
				seam.acs.users.create({ acs_system_id: unknown, full_name: 'Nobody' }),
				'acs_system_not_found',
			],
		];
		for (const [request, code] of cases) {
			const error = await expectRejection(request);
			expect(error).toBeInstanceOf(SeamHttpApiError);
			expect(error).toMatchObject({ code, statusCode: 404 });
			expect((error as SeamHttpApiError).requestId).toMatch(/^[0-9a-f-]{36}$/);
		}
	});

	test('a custom code is refused on Salto KS and on Latch', async () => {
		const { saltoSystemId, latchSystemId, entrances } = sandbox.seed;
		const saltoUser = await seam.acs.users.create({
			acs_system_id: saltoSystemId,
			full_name: 'Code Picker',
		});
		const saltoError = await expectRejection(
			seam.acs.credentials.create({
				acs_user_id: saltoUser.acs_user_id,
				access_method: 'code',
				code: '123456',
			}),
		);
		expect(saltoError).toBeInstanceOf(SeamHttpInvalidInputError);
		expect((saltoError as SeamHttpInvalidInputError).statusCode).toBe(400);
		expect((saltoError as SeamHttpInvalidInputError).getValidationErrorMessages('code')[0]).toMatch(
			/generates/,
		);

		const latchUser = await seam.acs.users.create({
			acs_system_id: latchSystemId,
			full_name: 'Code Picker',
		});
		const latchError = await expectRejection(
			seam.acs.credentials.create({
				acs_user_id: latchUser.acs_user_id,
				access_method: 'code',
				code: '1234567',
				allowed_acs_entrance_ids: [entrances.frontDoor],
			}),
		);
		expect(latchError).toMatchObject({ statusCode: 400, code: 'invalid_input' });
		expect(await seam.acs.credentials.list({ acs_system_id: latchSystemId })).toEqual([]);
	});

	test('Latch needs exactly one entrance per credential', async () => {
		const { latchSystemId, entrances } = sandbox.seed;
		const user = await seam.acs.users.create({
			acs_system_id: latchSystemId,
			full_name: 'Two Doors',
		});
		for (const allowed of [[entrances.frontDoor, entrances.garage], []]) {
			const error = await expectRejection(
				seam.acs.credentials.create({
					acs_user_id: user.acs_user_id,
					access_method: 'code',
					allowed_acs_entrance_ids: allowed,
				}),
			);
			expect(error).toBeInstanceOf(SeamHttpInvalidInputError);
			const invalid = error as SeamHttpInvalidInputError;
			expect(invalid.validationErrors.map((entry) => entry.parameterName)).toEqual([
				'allowed_acs_entrance_ids',
			]);
			expect(invalid.getValidationErrorMessages('allowed_acs_entrance_ids')[0]).toMatch(
				/exactly one/,
			);
		}
		const foreign = await expectRejection(
			seam.acs.credentials.create({
				acs_user_id: user.acs_user_id,
				access_method: 'code',
				allowed_acs_entrance_ids: [entrances.lobby],
			}),
		);
		expect(
			(foreign as SeamHttpInvalidInputError).getValidationErrorMessages('allowed_acs_entrance_ids'),
		).toHaveLength(1);
	});

	test('Salto KS takes entrances from access groups, not from the credential', async () => {
		const user = await seam.acs.users.create({
			acs_system_id: sandbox.seed.saltoSystemId,
			full_name: 'Door Picker',
		});
		const error = await expectRejection(
			seam.acs.credentials.create({
				acs_user_id: user.acs_user_id,
				access_method: 'code',
				allowed_acs_entrance_ids: [sandbox.seed.entrances.lobby],
			}),
		);
		expect(
			(error as SeamHttpInvalidInputError).getValidationErrorMessages('allowed_acs_entrance_ids'),
		).toHaveLength(1);
	});

	test('time windows are validated and the offending field is named', async () => {
		const { latchSystemId, saltoSystemId, entrances } = sandbox.seed;
		const user = await seam.acs.users.create({
			acs_system_id: latchSystemId,
			full_name: 'Timekeeper',
		});
		const base = {
			acs_user_id: user.acs_user_id,
			access_method: 'code' as const,
			allowed_acs_entrance_ids: [entrances.garage],
		};

		const reversed = await expectRejection(
			seam.acs.credentials.create({ ...base, starts_at: inHours(5), ends_at: inHours(2) }),
		);
		expect(
			(reversed as SeamHttpInvalidInputError).getValidationErrorMessages('ends_at')[0],
		).toMatch(/later than starts_at/);

		const malformed = await expectRejection(
			seam.acs.credentials.create({ ...base, starts_at: 'next tuesday' }),
		);
		expect(malformed).toBeInstanceOf(SeamHttpInvalidInputError);
		expect(
			(malformed as SeamHttpInvalidInputError).getValidationErrorMessages('starts_at'),
		).not.toEqual([]);

		const past = await expectRejection(
			seam.acs.credentials.create({ ...base, ends_at: inHours(-1) }),
		);
		expect((past as SeamHttpInvalidInputError).getValidationErrorMessages('ends_at')[0]).toMatch(
			/future/,
		);

		const badSchedule = await expectRejection(
			seam.acs.users.create({
				acs_system_id: saltoSystemId,
				full_name: 'Backwards',
				access_schedule: { starts_at: inHours(10), ends_at: inHours(1) },
			}),
		);
		expect(
			(badSchedule as SeamHttpInvalidInputError).getValidationErrorMessages('access_schedule'),
		).toHaveLength(1);
	});

	test('missing or malformed parameters are invalid_input naming the parameter', async () => {
		// The SDK checks required parameters itself, so send these over plain HTTP.
		const missing = await rawRequest('POST', '/acs/users/create', {
			acs_system_id: sandbox.seed.saltoSystemId,
		});
		expect(missing.status).toBe(400);
		expect(missing.json).toMatchObject({
			ok: false,
			error: { type: 'invalid_input', validation_errors: { full_name: { _errors: ['Required'] } } },
		});
		expect(missing.headers.get('seam-request-id')).toBe(missing.json.error.request_id);

		const malformed = await expectRejection(seam.acs.users.get({ acs_user_id: 'not-a-uuid' }));
		expect(malformed).toBeInstanceOf(SeamHttpInvalidInputError);
		expect(
			(malformed as SeamHttpInvalidInputError).getValidationErrorMessages('acs_user_id'),
		).not.toEqual([]);

		const badLimit = await rawRequest('GET', '/acs/users/list?limit=0');
		expect(badLimit.json.error.validation_errors).toHaveProperty('limit');
	});

	test('unknown endpoints and wrong methods', async () => {
		const unknown = await rawRequest('GET', '/acs/doors/list');
		expect(unknown.status).toBe(404);
		expect(unknown.json.error.type).toBe('endpoint_not_found');
		const wrongMethod = await rawRequest('GET', '/acs/users/create');
		expect(wrongMethod.status).toBe(405);
	});
});

describe('users', () => {
	test('update, suspend, unsuspend and delete (which revokes credentials)', async () => {
		const { latchSystemId, entrances } = sandbox.seed;
		const user = await seam.acs.users.create({
			acs_system_id: latchSystemId,
			full_name: 'Pat Tenant',
		});
		await seam.acs.users.update({
			acs_user_id: user.acs_user_id,
			full_name: 'Pat Renter',
			phone_number: '+15555550100',
		});
		await seam.acs.users.suspend({ acs_user_id: user.acs_user_id });
		expect(await seam.acs.users.get({ acs_user_id: user.acs_user_id })).toMatchObject({
			full_name: 'Pat Renter',
			display_name: 'Pat Renter',
			phone_number: '+15555550100',
			is_suspended: true,
		});
		await seam.acs.users.unsuspend({ acs_user_id: user.acs_user_id });
		expect((await seam.acs.users.get({ acs_user_id: user.acs_user_id })).is_suspended).toBe(false);

		const credential = await seam.acs.credentials.create({
			acs_user_id: user.acs_user_id,
			access_method: 'code',
			allowed_acs_entrance_ids: [entrances.room101],
		});
		await seam.acs.users.delete({ acs_user_id: user.acs_user_id });
		await expect(seam.acs.users.get({ acs_user_id: user.acs_user_id })).rejects.toMatchObject({
			code: 'acs_user_not_found',
		});
		await expect(
			seam.acs.credentials.get({ acs_credential_id: credential.acs_credential_id }),
		).rejects.toMatchObject({
			code: 'acs_credential_not_found',
		});
	});

	test('list filters by system and search', async () => {
		const { saltoSystemId, latchSystemId } = sandbox.seed;
		await seam.acs.users.create({
			acs_system_id: saltoSystemId,
			full_name: 'Alice Anders',
			email_address: 'alice@example.com',
		});
		await seam.acs.users.create({ acs_system_id: latchSystemId, full_name: 'Bob Brown' });
		const salto = await seam.acs.users.list({ acs_system_id: saltoSystemId });
		expect(salto.map((user) => user.full_name)).toEqual(['Alice Anders']);
		const found = await seam.acs.users.list({ search: 'ALICE@' });
		expect(found.map((user) => user.full_name)).toEqual(['Alice Anders']);
		const system = await seam.acs.systems.get({ acs_system_id: saltoSystemId });
		expect(system.acs_user_count).toBe(1);
	});
});

describe('user identities', () => {
	test('create, find by key, update, unlink and delete (which deletes its users)', async () => {
		const { latchSystemId, entrances } = sandbox.seed;
		const identity = await seam.userIdentities.create({
			user_identity_key: 'guest-42',
			full_name: 'Guest 42',
		});
		expect(identity).toMatchObject({
			display_name: 'Guest 42',
			email_address: null,
			acs_user_ids: [],
		});
		expect(
			(await seam.userIdentities.get({ user_identity_key: 'guest-42' })).user_identity_id,
		).toBe(identity.user_identity_id);
		const duplicate = await expectRejection(
			seam.userIdentities.create({ email_address: 'JANE@example.com' }),
		);
		expect(duplicate).toMatchObject({ statusCode: 400, code: 'user_identity_email_address_taken' });

		await seam.userIdentities.update({
			user_identity_id: identity.user_identity_id,
			email_address: 'g42@example.com',
		});
		const listed = await seam.userIdentities.list({ search: 'g42@' });
		expect(listed.map((entry) => entry.user_identity_id)).toEqual([identity.user_identity_id]);

		const kept = await seam.acs.users.create({
			acs_system_id: latchSystemId,
			full_name: 'Kept',
			user_identity_id: identity.user_identity_id,
		});
		await seam.userIdentities.removeAcsUser({
			user_identity_id: identity.user_identity_id,
			acs_user_id: kept.acs_user_id,
		});
		expect(
			(await seam.acs.users.get({ acs_user_id: kept.acs_user_id })).user_identity_id,
		).toBeUndefined();

		const owned = await seam.acs.users.create({
			acs_system_id: latchSystemId,
			full_name: 'Owned',
			user_identity_id: identity.user_identity_id,
		});
		const credential = await seam.acs.credentials.create({
			acs_user_id: owned.acs_user_id,
			access_method: 'code',
			allowed_acs_entrance_ids: [entrances.garage],
		});
		await seam.userIdentities.delete({ user_identity_id: identity.user_identity_id });
		await expect(seam.acs.users.get({ acs_user_id: owned.acs_user_id })).rejects.toMatchObject({
			code: 'acs_user_not_found',
		});
		await expect(
			seam.acs.credentials.get({ acs_credential_id: credential.acs_credential_id }),
		).rejects.toMatchObject({
			code: 'acs_credential_not_found',
		});
		expect((await seam.acs.users.get({ acs_user_id: kept.acs_user_id })).full_name).toBe('Kept');
	});
});

describe('pagination', () => {
	test('the SDK paginator walks every page', async () => {
		const created = [];
		for (let index = 1; index <= 5; index++) {
			created.push(
				await seam.acs.users.create({
					acs_system_id: sandbox.seed.saltoSystemId,
					full_name: `Guest ${index}`,
				}),
			);
		}
		const paginator = seam.createPaginator(seam.acs.users.list({ limit: 2 }));
		const [firstPage, pagination] = await paginator.firstPage();
		expect(firstPage).toHaveLength(2);
		expect(pagination.hasNextPage).toBe(true);
		expect(pagination.nextPageUrl).toContain('page_cursor=');

		const all = await seam.createPaginator(seam.acs.users.list({ limit: 2 })).flattenToArray();
		expect(all.map((user) => user.acs_user_id)).toEqual(created.map((user) => user.acs_user_id));
		const listCalls = sandbox.requests.filter((request) => request.path === '/acs/users/list');
		expect(listCalls.map((request) => request.params.limit)).toEqual([2, 2, 2, 2]);
		expect(listCalls.slice(1).map((request) => typeof request.params.page_cursor)).toEqual([
			'undefined',
			'string',
			'string',
		]);
	});

	test('a cursor is tied to the filters it was issued for', async () => {
		for (let index = 1; index <= 3; index++) {
			await seam.acs.users.create({
				acs_system_id: sandbox.seed.latchSystemId,
				full_name: `Tenant ${index}`,
			});
		}
		const first = await rawRequest(
			'GET',
			`/acs/users/list?limit=1&acs_system_id=${sandbox.seed.latchSystemId}`,
		);
		const cursor = first.json.pagination.next_page_cursor;
		const reused = await rawRequest('GET', `/acs/users/list?limit=1&page_cursor=${cursor}`);
		expect(reused.status).toBe(400);
		expect(reused.json.error.validation_errors).toHaveProperty('page_cursor');
		const next = await fetch(first.json.pagination.next_page_url, {
			headers: { authorization: `Bearer ${sandbox.apiKey}` },
		});
		const body = (await next.json()) as { acs_users: Array<{ full_name: string }> };
		expect(body.acs_users.map((user) => user.full_name)).toEqual(['Tenant 2']);
	});
});

describe('events', () => {
	test('changes are recorded as Seam events, newest first', async () => {
		const since = new Date(Date.now() - 1000).toISOString();
		const { latchSystemId, entrances } = sandbox.seed;
		const user = await seam.acs.users.create({
			acs_system_id: latchSystemId,
			full_name: 'Evan Event',
		});
		const credential = await seam.acs.credentials.create({
			acs_user_id: user.acs_user_id,
			access_method: 'code',
			allowed_acs_entrance_ids: [entrances.room102],
		});
		await waitFor(
			() => seam.acs.credentials.get({ acs_credential_id: credential.acs_credential_id }),
			(current) => current.is_issued === true,
		);
		await seam.acs.credentials.delete({ acs_credential_id: credential.acs_credential_id });
		await seam.acs.users.delete({ acs_user_id: user.acs_user_id });

		const events = await seam.events.list({ since });
		expect(events.map((event) => event.event_type)).toEqual([
			'acs_user.deleted',
			'acs_credential.deleted',
			'acs_credential.issued',
			'acs_user.created',
		]);
		expect(events[0]).toMatchObject({
			acs_user_id: user.acs_user_id,
			acs_system_id: latchSystemId,
			workspace_id: sandbox.seed.workspaceId,
		});

		const issued = await seam.events.list({ since, event_type: 'acs_credential.issued' });
		expect(issued).toHaveLength(1);
		expect(issued[0]).toMatchObject({ acs_credential_id: credential.acs_credential_id });
		const onlyUsers = await seam.events.list({
			since,
			event_types: ['acs_user.created', 'acs_user.deleted'],
			limit: 1,
		});
		expect(onlyUsers.map((event) => event.event_type)).toEqual(['acs_user.deleted']);
		const fetched = await seam.events.get({ event_id: issued[0].event_id });
		expect(fetched?.event_id).toBe(issued[0].event_id);

		const future = await seam.events.list({ since: inHours(1) });
		expect(future).toEqual([]);
		const between = await seam.events.list({
			between: [since, inHours(1)],
			acs_user_id: user.acs_user_id,
		});
		expect(between.map((event) => event.event_type)).toEqual([
			'acs_user.deleted',
			'acs_user.created',
		]);
	});
});

describe('sandbox controls', () => {
	test('credentialIssueDelayMs: 0 issues the PIN in the create response', async () => {
		const instant = await startSandbox({ credentialIssueDelayMs: 0 });
		try {
			const client = SeamHttp.fromApiKey(instant.apiKey, { endpoint: instant.url });
			const user = await client.acs.users.create({
				acs_system_id: instant.seed.saltoSystemId,
				full_name: 'Quick',
			});
			const credential = await client.acs.credentials.create({
				acs_user_id: user.acs_user_id,
				access_method: 'code',
			});
			expect(credential.is_issued).toBe(true);
			expect(credential.code).toMatch(/^\d{6}$/);
			expect(instant.seed).toEqual(sandbox.seed);
			expect(instant.contractViolations).toEqual([]);
		} finally {
			await instant.close();
		}
	});

	test('reset() restores the seeded state with the same ids', async () => {
		const seedBefore = structuredClone(sandbox.seed);
		await seam.acs.users.create({
			acs_system_id: sandbox.seed.saltoSystemId,
			full_name: 'Temporary',
		});
		expect(await seam.acs.users.list()).toHaveLength(1);
		sandbox.reset();
		expect(sandbox.requests).toEqual([]);
		expect(await seam.acs.users.list()).toEqual([]);
		expect(sandbox.seed).toEqual(seedBefore);
		expect((await seam.acs.systems.list()).map((system) => system.acs_system_id)).toEqual([
			seedBefore.saltoSystemId,
			seedBefore.latchSystemId,
		]);
	});

	test('GET endpoints also accept POST with a JSON body; requests are recorded', async () => {
		const response = await rawRequest('POST', '/acs/entrances/list', {
			acs_system_id: sandbox.seed.latchSystemId,
			limit: 2,
		});
		expect(response.status).toBe(200);
		expect(response.json.acs_entrances).toHaveLength(2);
		expect(response.json.pagination.has_next_page).toBe(true);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(sandbox.requests.at(-1)).toEqual({
			method: 'POST',
			path: '/acs/entrances/list',
			params: { acs_system_id: sandbox.seed.latchSystemId, limit: 2 },
			status: 200,
		});
	});
});
