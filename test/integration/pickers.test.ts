/**
 * The editor's pickers: every ID field is a resource locator whose list comes from Seam and
 * follows the ACS system chosen higher up in the form; multi-selects list the chosen system's
 * access groups and entrances.
 */
import type { INodeParameters } from 'n8n-workflow';

import { Seam } from '../../nodes/Seam/Seam.node';
import { loadOptionsContext } from '../helpers/runNode';
import {
	byId,
	inDays,
	type SeamTarget,
	startSeamTarget,
	usingRealSeam,
} from '../helpers/seamTarget';
import { getSeedIds } from '../sandbox/seed';

const seed = getSeedIds();
const { listSearch, loadOptions } = new Seam().methods;
let target: SeamTarget;

const describeSandbox = usingRealSeam ? describe.skip : describe;

describeSandbox('pickers', () => {
	beforeAll(async () => {
		target = await startSeamTarget({ credentialIssueDelayMs: 0 });
	});
	afterAll(async () => target.close());

	const context = (parameters: INodeParameters, path: string) =>
		loadOptionsContext(parameters, path, { apiKey: target.apiKey, apiUrl: target.apiUrl });

	test('ACS systems are listed by name and type, and searchable', async () => {
		const ctx = context({ resource: 'acsUser', operation: 'create' }, 'parameters.acsSystemId');
		const all = await listSearch.searchAcsSystems.call(ctx);
		expect(all.results).toEqual(
			expect.arrayContaining([
				{ name: 'Main Site (Salto KS site)', value: seed.saltoSystemId },
				expect.objectContaining({ value: seed.latchSystemId }),
			]),
		);
		const filtered = await listSearch.searchAcsSystems.call(ctx, 'main');
		expect(filtered.results.map((r) => r.value)).toEqual([seed.saltoSystemId]);
	});

	test('ACS users follow the chosen system and the search text', async () => {
		for (const name of ['Ann Salto', 'Bob Salto', 'Cat Salto']) {
			await target.ok({
				resource: 'acsUser',
				operation: 'create',
				acsSystemId: byId(seed.saltoSystemId),
				fullName: name,
			});
		}
		await target.ok({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: byId(seed.latchSystemId),
			fullName: 'Dan Latch',
		});

		const saltoForm = {
			resource: 'acsCredential',
			operation: 'create',
			acsSystemId: byId(seed.saltoSystemId),
		};
		const saltoUsers = await listSearch.searchAcsUsers.call(
			context(saltoForm, 'parameters.acsUserId'),
		);
		expect(saltoUsers.results.map((r) => r.name).sort()).toEqual([
			'Ann Salto',
			'Bob Salto',
			'Cat Salto',
		]);

		const searched = await listSearch.searchAcsUsers.call(
			context(saltoForm, 'parameters.acsUserId'),
			'bob',
		);
		expect(searched.results.map((r) => r.name)).toEqual(['Bob Salto']);

		const latchForm = {
			resource: 'acsCredential',
			operation: 'create',
			acsSystemId: byId(seed.latchSystemId),
		};
		const latchUsers = await listSearch.searchAcsUsers.call(
			context(latchForm, 'parameters.acsUserId'),
		);
		expect(latchUsers.results.map((r) => r.name)).toEqual(['Dan Latch']);
	});

	test('access groups and entrances follow the chosen system', async () => {
		const saltoForm = {
			resource: 'accessGroup',
			operation: 'get',
			acsSystemId: byId(seed.saltoSystemId),
		};
		const groups = await listSearch.searchAccessGroups.call(
			context(saltoForm, 'parameters.accessGroupId'),
		);
		expect(groups.results.map((r) => r.name).sort()).toEqual([
			'Main Group',
			'Pool Group',
			'Staff Group',
		]);

		const entrances = await listSearch.searchEntrances.call(
			context(
				{ resource: 'entrance', operation: 'get', acsSystemId: byId(seed.latchSystemId) },
				'parameters.entranceId',
			),
		);
		expect(entrances.results.map((r) => r.name).sort()).toEqual([
			'Front Door',
			'Garage',
			'Room 101',
			'Room 102',
		]);

		const groupOptions = await loadOptions.getAccessGroups.call(
			context(
				{
					resource: 'acsUser',
					operation: 'addToAccessGroup',
					acsSystemId: byId(seed.saltoSystemId),
				},
				'parameters.accessGroupIds',
			),
		);
		expect(groupOptions.map((o) => o.value).sort()).toEqual(
			Object.values(seed.accessGroups).sort(),
		);

		const entranceOptions = await loadOptions.getEntrances.call(
			context(
				{ resource: 'acsCredential', operation: 'create', acsSystemId: byId(seed.latchSystemId) },
				'parameters.entranceIds',
			),
		);
		expect(entranceOptions.map((o) => o.name).sort()).toEqual([
			'Front Door',
			'Garage',
			'Room 101',
			'Room 102',
		]);

		const noSystemYet = await loadOptions.getEntrances.call(
			context(
				{
					resource: 'acsCredential',
					operation: 'create',
					acsSystemId: { __rl: true, mode: 'list', value: '' },
				},
				'parameters.entranceIds',
			),
		);
		expect(noSystemYet).toEqual([]);
	});

	test('credentials and user identities can be picked', async () => {
		const [user] = await target.ok({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: byId(seed.latchSystemId),
			fullName: 'Pin Picker',
		});
		const [credential] = await target.ok({
			resource: 'acsCredential',
			operation: 'create',
			acsSystemId: byId(seed.latchSystemId),
			acsUserId: byId(String(user.json.acs_user_id)),
			entranceIds: [seed.entrances.garage],
			endsAt: inDays(2),
		});
		const credentials = await listSearch.searchCredentials.call(
			context(
				{ resource: 'acsCredential', operation: 'get', acsSystemId: byId(seed.latchSystemId) },
				'parameters.credentialId',
			),
		);
		expect(credentials.results.map((r) => r.value)).toContain(credential.json.acs_credential_id);

		const identities = await listSearch.searchUserIdentities.call(
			context({ resource: 'userIdentity', operation: 'get' }, 'parameters.userIdentityId'),
			'jane',
		);
		expect(identities.results).toEqual([
			{ name: 'Jane Doe <jane@example.com>', value: seed.userIdentities.jane },
		]);
	});

	test("a wrong API key in the picker gives Seam's message, not a crash or the key", async () => {
		const ctx = loadOptionsContext(
			{ resource: 'acsSystem', operation: 'get' },
			'parameters.acsSystemId',
			{
				apiKey: 'seam_test_wrong_key_for_picker',
				apiUrl: target.apiUrl,
			},
		);
		await expect(listSearch.searchAcsSystems.call(ctx)).rejects.toMatchObject({ httpCode: '401' });
	});
});
