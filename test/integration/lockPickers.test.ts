/**
 * The Lock picker (searchLocks): the smart locks of the workspace by name, searchable, offline
 * ones marked; for Lock → Lock and Lock → Unlock it asks Seam only for locks it can operate
 * remotely (include_if), elsewhere (Lock → Get, the Event filter) it lists every lock.
 */
import type { INodeParameters } from 'n8n-workflow';

import { Seam } from '../../nodes/Seam/Seam.node';
import { loadOptionsContext } from '../helpers/runNode';
import { type SeamTarget, startSeamTarget, usingRealSeam } from '../helpers/seamTarget';
import { getSeedIds } from '../sandbox/seed';

const seed = getSeedIds();
const { listSearch } = new Seam().methods;
const describeSandbox = usingRealSeam ? describe.skip : describe;

describeSandbox('Lock picker', () => {
	let target: SeamTarget;
	beforeAll(async () => {
		target = await startSeamTarget();
	});
	afterAll(async () => target.close());
	beforeEach(() => target.sandbox!.reset());

	const search = async (parameters: INodeParameters, path: string, filter?: string) =>
		await listSearch.searchLocks.call(
			loadOptionsContext(parameters, path, { apiKey: target.apiKey, apiUrl: target.apiUrl }),
			filter,
		);
	const listRequests = () =>
		target.sandbox!.requests.filter((request) => request.path === '/devices/list');

	test('Unlock lists the locks Seam can unlock remotely, by name, and searches by name', async () => {
		const form = { resource: 'lock', operation: 'unlock' };
		const all = await search(form, 'parameters.deviceId');
		expect(all.results).toEqual(
			expect.arrayContaining([
				{ name: 'Front Door Lock', value: seed.devices.frontDoorLock },
				{ name: 'Back Door Lock', value: seed.devices.backDoorLock },
				{ name: 'Garage Keypad', value: seed.devices.garageKeypad },
			]),
		);
		expect(listRequests()[0].params).toMatchObject({ include_if: ['can_remotely_unlock'] });

		const found = await search(form, 'parameters.deviceId', 'garage');
		expect(found.results).toEqual([{ name: 'Garage Keypad', value: seed.devices.garageKeypad }]);
	});

	test('Lock asks for locks that can be locked remotely; an offline lock says so', async () => {
		target.sandbox!.setDeviceOnline(seed.devices.backDoorLock, false);
		const listed = await search({ resource: 'lock', operation: 'lock' }, 'parameters.deviceId');
		expect(listed.results).toContainEqual({
			name: 'Back Door Lock (offline)',
			value: seed.devices.backDoorLock,
		});
		expect(listRequests()[0].params).toMatchObject({ include_if: ['can_remotely_lock'] });
	});

	test('Get and the Event filter list every lock, without a capability condition', async () => {
		const forGet = await search({ resource: 'lock', operation: 'get' }, 'parameters.deviceId');
		const forEvents = await search(
			{ resource: 'event', operation: 'getMany', since: new Date().toISOString() },
			'parameters.filters.deviceId',
		);
		expect(forEvents.results).toEqual(forGet.results);
		expect(forGet.results.map((result) => result.value)).toEqual(
			expect.arrayContaining(Object.values(seed.devices)),
		);
		for (const request of listRequests()) expect(request.params).not.toHaveProperty('include_if');
	});
});
