/**
 * The Access Code pickers: the Lock list shows the locks that take codes (online, or offline
 * only, said in the label), the code lists follow the lock chosen higher up in the form, and the
 * several-locks multi-select lists the locks Seam programs over the internet.
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
const { frontDoorLock, backDoorLock, garageKeypad, oldDeadbolt, storageRoomLock } = seed.devices;
const { listSearch, loadOptions } = new Seam().methods;
let target: SeamTarget;

const describeSandbox = usingRealSeam ? describe.skip : describe;

describeSandbox('Access Code pickers', () => {
	beforeAll(async () => {
		target = await startSeamTarget({ accessCodeSetDelayMs: 0 });
	});
	afterAll(async () => target?.close());

	const context = (parameters: INodeParameters, path: string) =>
		loadOptionsContext({ resource: 'accessCode', ...parameters }, path, {
			apiKey: target.apiKey,
			apiUrl: target.apiUrl,
		});

	test('the Lock list holds the locks that take codes, offline-only ones marked, and is searchable', async () => {
		const ctx = context({ operation: 'create' }, 'parameters.deviceId');
		const locks = await listSearch.searchCodeLocks.call(ctx);
		expect(locks.results).toEqual(
			expect.arrayContaining([
				{ name: 'Front Door Lock', value: frontDoorLock },
				{ name: 'Back Door Lock', value: backDoorLock },
				{ name: 'Garage Keypad', value: garageKeypad },
				{ name: 'Storage Room Lock (offline codes only)', value: storageRoomLock },
			]),
		);
		expect(locks.results.map((r) => r.value)).not.toContain(oldDeadbolt);

		const searched = await listSearch.searchCodeLocks.call(ctx, 'garage');
		expect(searched.results.map((r) => r.value)).toEqual([garageKeypad]);
	});

	test('the code lists follow the chosen lock, and are empty before one is chosen', async () => {
		const [made] = await target.ok({
			resource: 'accessCode',
			operation: 'create',
			deviceId: byId(frontDoorLock),
			name: 'Picker Pat',
			endsAt: inDays(2),
		});
		await target.ok({
			resource: 'accessCode',
			operation: 'create',
			deviceId: byId(backDoorLock),
			name: 'Back Door Bea',
			endsAt: inDays(2),
		});

		const front = await listSearch.searchAccessCodes.call(
			context({ operation: 'get', deviceId: byId(frontDoorLock) }, 'parameters.accessCodeId'),
		);
		expect(front.results).toHaveLength(1);
		expect(front.results[0].value).toBe(made.json.access_code_id);
		expect(front.results[0].name).toMatch(/^Picker Pat \(set, until \d{4}-\d\d-\d\d\)$/);

		const none = await listSearch.searchAccessCodes.call(
			context(
				{ operation: 'get', deviceId: { __rl: true, mode: 'list', value: '' } },
				'parameters.accessCodeId',
			),
		);
		expect(none.results).toEqual([]);

		const unmanaged = await listSearch.searchUnmanagedAccessCodes.call(
			context(
				{ operation: 'convertToManaged', deviceId: byId(frontDoorLock) },
				'parameters.accessCodeId',
			),
		);
		expect(unmanaged.results.map((r) => r.value).sort()).toEqual(
			Object.values(seed.unmanagedAccessCodes).sort(),
		);
		const onBack = await listSearch.searchUnmanagedAccessCodes.call(
			context(
				{ operation: 'convertToManaged', deviceId: byId(backDoorLock) },
				'parameters.accessCodeId',
			),
		);
		expect(onBack.results).toEqual([]);
	});

	test('the several-locks list holds the locks Seam programs over the internet', async () => {
		const options = await loadOptions.getCodeLocks.call(
			context({ operation: 'createMultiple' }, 'parameters.deviceIds'),
		);
		expect(options).toEqual([
			{ name: 'Back Door Lock', value: backDoorLock },
			{ name: 'Front Door Lock', value: frontDoorLock },
			{ name: 'Garage Keypad', value: garageKeypad },
		]);
	});
});
