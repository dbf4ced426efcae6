/**
 * Event → Get Many: what happened at a lock in a time range. An unlock made with the node is
 * found again by lock and event type, with Since and with Between, newest first; Return All reads
 * past Seam's page size; bad ranges and filters are refused before anything is sent. Run in n8n's
 * engine against the local sandbox.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, type SeamTarget, startSeamTarget, usingRealSeam } from '../helpers/seamTarget';
import { getSeedIds } from '../sandbox/seed';

const seed = getSeedIds();
const { frontDoorLock, backDoorLock } = seed.devices;

const describeSandbox = usingRealSeam ? describe.skip : describe;

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const events = (parameters: INodeParameters): INodeParameters => ({
	resource: 'event',
	operation: 'getMany',
	...parameters,
});

describeSandbox('Event → Get Many', () => {
	let target: SeamTarget;
	let started: string;
	let unlockAttemptId: string;

	beforeAll(async () => {
		target = await startSeamTarget({ actionAttemptDelayMs: 0 });
		started = new Date(Date.now() - 1000).toISOString();
		const [unlocked] = await target.ok({
			resource: 'lock',
			operation: 'unlock',
			deviceId: byId(frontDoorLock),
		});
		unlockAttemptId = String(unlocked.json.action_attempt_id);
		await target.ok({ resource: 'lock', operation: 'unlock', deviceId: byId(backDoorLock) });
		await target.ok({ resource: 'lock', operation: 'lock', deviceId: byId(frontDoorLock) });
	});
	afterAll(async () => target.close());
	beforeEach(() => target.sandbox!.requests.splice(0));
	const requests = () => target.sandbox!.requests;
	const json = async (parameters: INodeParameters): Promise<IDataObject[]> =>
		(await target.ok(events(parameters))).map((item) => item.json);

	test("the unlock is found by its lock and type since a time, as Seam's event", async () => {
		const found = await json({
			since: started,
			returnAll: true,
			filters: { deviceId: byId(frontDoorLock), eventTypes: ['lock.unlocked'] },
		});
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({
			event_type: 'lock.unlocked',
			device_id: frontDoorLock,
			action_attempt_id: unlockAttemptId,
			method: 'remote',
		});
		// As the triggers give it: the type and id first.
		expect(Object.keys(found[0]).slice(0, 2)).toEqual(['event_type', 'event_id']);
		expect(requests()[0].params).toMatchObject({
			since: started,
			device_id: frontDoorLock,
			event_types: ['lock.unlocked'],
		});
	});

	test('between two times: the same unlock inside, nothing in a range that ends before it', async () => {
		const inside = await json({
			period: 'between',
			after: started,
			before: minutesFromNow(1),
			filters: { deviceId: byId(frontDoorLock), eventTypes: ['lock.unlocked'] },
		});
		expect(inside.map((event) => event.action_attempt_id)).toEqual([unlockAttemptId]);

		const earlier = await json({
			period: 'between',
			after: minutesFromNow(-60),
			before: started,
			filters: { deviceId: byId(frontDoorLock) },
		});
		expect(earlier).toEqual([]);
	});

	test('newest first; a group of types stands for its types; other locks stay out', async () => {
		const frontDoor = await json({
			since: started,
			returnAll: true,
			filters: { deviceId: byId(frontDoorLock), eventTypes: ['lock.*'] },
		});
		expect(frontDoor.map((event) => event.event_type)).toEqual(['lock.locked', 'lock.unlocked']);

		requests().splice(0);
		const attempts = await json({
			since: started,
			returnAll: true,
			filters: { eventTypes: ['action_attempt.unlock_door.succeeded'] },
		});
		expect(attempts.map((event) => event.device_id)).toEqual([backDoorLock, frontDoorLock]);
		expect(requests()[0].params.event_types).toEqual(['action_attempt.unlock_door.succeeded']);

		const lockGroup = await json({
			since: started,
			returnAll: true,
			filters: { eventTypes: ['lock.*'] },
		});
		expect(lockGroup.map((event) => event.device_id)).toEqual([
			frontDoorLock,
			backDoorLock,
			frontDoorLock,
		]);
	});

	test('Limit keeps the newest; Return All reads past a page of 500, one millisecond of them', async () => {
		const burstAt = new Date();
		target.sandbox!.emitEvents(620, 'device.low_battery', {
			at: burstAt,
			fields: { device_id: backDoorLock },
		});
		const since = new Date(burstAt.getTime() - 1).toISOString();
		const filters = { deviceId: byId(backDoorLock), eventTypes: ['device.low_battery'] };

		const two = await json({ since, limit: 2, filters });
		expect(two).toHaveLength(2);
		expect(requests()).toHaveLength(1);

		requests().splice(0);
		const all = await json({ since, returnAll: true, filters });
		expect(all).toHaveLength(620);
		expect(new Set(all.map((event) => event.event_id)).size).toBe(620);
		expect(all.slice(0, 2).map((event) => event.event_id)).toEqual(
			two.map((event) => event.event_id),
		);
		// 500, the other 120 (the same millisecond, by offset), then an empty page.
		expect(requests().map((r) => r.params.unstable_offset)).toEqual([undefined, 500, 620]);
	});

	test('a time range is required, in order, and filters must be what they say; nothing is sent', async () => {
		const failures = await Promise.all(
			[
				events({ since: '={{ $json.from }}' }),
				events({ since: '={{ "yesterday" }}' }),
				events({ period: 'between', after: started, before: '={{ $json.to }}' }),
				events({ period: 'between', after: minutesFromNow(0), before: minutesFromNow(-5) }),
				events({ since: started, filters: { deviceId: byId('={{ "front door" }}') } }),
				events({ since: started, filters: { eventTypes: '={{ "unlock" }}' } }),
				events({ since: started, filters: { eventTypes: '={{ 42 }}' } }),
				events({ since: started, filters: { accessCodeId: 'code-1' } }),
			].map(async (parameters) => (await target.run(parameters)).error?.message),
		);
		expect(failures).toEqual([
			'Since is required',
			'Since: "yesterday" is not a valid date and time',
			'Before is required',
			'Before must be later than After',
			'Lock: "front door" is not a Seam ID',
			'Event Types: "unlock" is not a Seam event type',
			'Event Types: the number 42 is not a list of event types',
			'Access Code ID: "code-1" is not a Seam ID',
		]);
		expect(requests()).toEqual([]);
	});
});
