/**
 * The Seam Polling Trigger's poll() in n8n-core's PollContext, against the sandbox: the first
 * poll (on activation) emits nothing from before; later polls emit each new event once, as n8n
 * items, oldest first; n8n restarts in between (static data reloaded from its JSON copy every
 * poll); "Fetch Test Event" (manual mode) shows the latest matching event and leaves the cursor
 * alone; filters; clean errors.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { type CursorSettings, DEFAULT_CURSOR_SETTINGS } from '../../nodes/Seam/polling/eventCursor';
import { captureLogs, safeStringify } from '../helpers/captureLogs';
import { startSandbox, type Sandbox } from '../sandbox';
import { POLLING_TRIGGER_TYPE, TriggerUnderTest } from './helpers/n8nHarness';

jest.setTimeout(120_000);

const FRONT_DOOR = '66666666-6666-4666-8666-000000000001';
const BACK_DOOR = '66666666-6666-4666-8666-000000000002';

let sandbox: Sandbox;
let trigger: TriggerUnderTest;

const ids = (result: INodeExecutionData[][] | null) =>
	(result?.[0] ?? []).map((item) => String(item.json.event_id));

beforeAll(async () => {
	sandbox = await startSandbox({ validate: false });
});

afterAll(async () => {
	await sandbox.close();
});

/** The trigger under test; `poll` replaces default cursor settings (smaller pages and budgets). */
const pollingTrigger = (poll?: Partial<CursorSettings>) =>
	new TriggerUnderTest({
		type: POLLING_TRIGGER_TYPE,
		name: 'Seam Polling Trigger',
		parameters: { events: ['lock.unlocked', 'access_method.issued'] },
		credentials: { apiKey: sandbox.apiKey, apiUrl: sandbox.url },
		settings: { poll },
	});

beforeEach(() => {
	sandbox.reset();
	trigger = pollingTrigger();
});

afterEach(() => {
	expect(sandbox.contractViolations).toEqual([]);
});

test('a `polling` trigger (n8n adds Poll Times and "Fetch Test Event") without webhooks', () => {
	expect(trigger.nodeType.description.polling).toBe(true);
	expect(trigger.nodeType.description.webhooks).toBeUndefined();
	expect(trigger.nodeType.description.inputs).toEqual([]);
});

test('activation emits nothing from before; each later event comes once, oldest first, as the event object', async () => {
	sandbox.emitEvents(3, 'lock.unlocked'); // before activation
	expect(await trigger.poll()).toBeNull();

	const first = sandbox.emitEvent('lock.unlocked', { device_id: FRONT_DOOR });
	const issued = sandbox.emitEvent('access_method.issued', { code: '4821' });
	sandbox.emitEvent('device.disconnected'); // not chosen
	const result = await trigger.poll();
	expect(ids(result)).toEqual([first.event_id, issued.event_id]);
	expect(result?.[0][1].json).toEqual(issued);
	expect(Object.keys(result![0][1].json).slice(0, 2)).toEqual(['event_type', 'event_id']);

	expect(await trigger.poll()).toBeNull();
	expect(await trigger.poll()).toBeNull();
});

test('thousands of events, some sharing a millisecond, small pages: each exactly once across restarting polls', async () => {
	trigger = pollingTrigger({ pageSize: 40, maxRequests: 6 });
	expect(await trigger.poll()).toBeNull();

	const expected: string[] = [];
	const seen: string[] = [];
	for (let round = 0; round < 6; round += 1) {
		expected.push(
			...sandbox
				.emitEvents(300, 'lock.unlocked', { at: new Date() })
				.map((event) => event.event_id),
		);
		expected.push(...sandbox.emitEvents(80, 'access_method.issued').map((event) => event.event_id));
		sandbox.emitEvents(50, 'lock.locked'); // not chosen
		seen.push(...ids(await trigger.poll())); // every poll: a new Workflow from the saved static data
	}
	for (let poll = 0; poll < 200; poll += 1) {
		const got = ids(await trigger.poll());
		seen.push(...got);
		const cursor = trigger.nodeStaticData.eventCursor as IDataObject;
		if (got.length === 0 && !cursor.backlog) break;
	}
	expect(expected.length).toBeGreaterThan(2000);
	expect(new Set(seen).size).toBe(seen.length);
	expect([...seen].sort()).toEqual([...expected].sort());
	// The stored cursor stays small once caught up: the last minute's ids at most.
	expect(JSON.stringify(trigger.nodeStaticData).length).toBeLessThan(
		DEFAULT_CURSOR_SETTINGS.maxSeen * 60,
	);
});

test('as n8n saves the cursor (at activation and when a poll emits, not after a null poll), restarts repeat nothing', async () => {
	trigger = pollingTrigger({ pageSize: 20, maxRequests: 2 });
	trigger.setParameters({ events: ['lock.unlocked'], filters: { deviceIds: [FRONT_DOOR] } });
	const n8n = trigger.activePolling();
	const emitted: string[] = [];
	const take = (result: INodeExecutionData[][] | null) => emitted.push(...ids(result));

	take(await n8n.activate());
	const first = sandbox.emitEvent('lock.unlocked', { device_id: FRONT_DOOR });
	take(await n8n.poll());
	const savedAfterFirst = structuredClone(trigger.savedStaticData);
	// A burst about another door: polls read it (two pages each, a backlog in between) and
	// return null, so n8n does not save where they got to.
	sandbox.emitEvents(150, 'lock.unlocked', { fields: { device_id: BACK_DOOR } });
	for (let poll = 0; poll < 3; poll += 1) expect(await n8n.poll()).toBeNull();
	expect(trigger.savedStaticData).toEqual(savedAfterFirst);

	take(await n8n.restart()); // back to the cursor saved after `first`
	const second = sandbox.emitEvent('lock.unlocked', { device_id: FRONT_DOOR });
	for (let poll = 0; poll < 20 && !emitted.includes(second.event_id); poll += 1)
		take(await n8n.poll());
	take(await n8n.restart()); // right after an emit
	take(await n8n.poll());
	expect(emitted).toEqual([first.event_id, second.event_id]);
});

test('"Fetch Test Event" (manual): the latest matching event, cursor untouched', async () => {
	const older = sandbox.emitEvent('lock.unlocked', { device_id: FRONT_DOOR });
	const latest = sandbox.emitEvent('access_method.issued', { code: '1234' });
	sandbox.emitEvent('device.disconnected'); // newer, but not chosen

	const result = await trigger.poll('manual');
	expect(result?.[0].map((item) => item.json)).toEqual([latest]);
	expect(trigger.savedStaticData).toEqual({});

	trigger.setParameters({ events: ['lock.unlocked'] });
	expect(ids(await trigger.poll('manual'))).toEqual([older.event_id]);
});

test('"Fetch Test Event" with nothing to show: an error that says what to do', async () => {
	sandbox.emitEvent('device.disconnected');
	await expect(trigger.poll('manual')).rejects.toMatchObject({
		message: 'No matching Seam event in the last 30 days',
	});
});

test('device filter: only events about the chosen device (the cursor still moves past the others)', async () => {
	trigger.setParameters({ events: ['lock.unlocked'], filters: { deviceIds: [FRONT_DOOR] } });
	expect(await trigger.poll()).toBeNull();
	sandbox.emitEvent('lock.unlocked', { device_id: BACK_DOOR });
	const front = sandbox.emitEvent('lock.unlocked', { device_id: FRONT_DOOR });
	expect(ids(await trigger.poll())).toEqual([front.event_id]);
	sandbox.emitEvent('lock.unlocked', { device_id: BACK_DOOR });
	expect(await trigger.poll()).toBeNull();

	expect(ids(await trigger.poll('manual'))).toEqual([front.event_id]);
});

test('"All Events" polls without a type filter; group wildcards send the group\'s types', async () => {
	trigger.setParameters({ events: ['*'] });
	expect(await trigger.poll()).toBeNull();
	const any = sandbox.emitEvent('device.disconnected');
	expect(ids(await trigger.poll())).toEqual([any.event_id]);
	const listCalls = sandbox.requests.filter((request) => request.path === '/events/list');
	expect(listCalls.every((request) => !('event_types' in request.params))).toBe(true);

	trigger.setParameters({ events: ['lock.*'] });
	sandbox.requests.length = 0;
	const denied = sandbox.emitEvent('lock.access_denied');
	expect(ids(await trigger.poll())).toEqual([denied.event_id]);
	expect(sandbox.requests[0].params.event_types).toEqual([
		'lock.access_denied',
		'lock.locked',
		'lock.unlocked',
	]);
});

test('no event chosen: a clear error on the node', async () => {
	trigger.setParameters({ events: [] });
	await expect(trigger.poll()).rejects.toMatchObject({
		message: 'Choose at least one event in "Events"',
	});
});

test("a wrong API key: Seam's error, and the key appears in no error or log line", async () => {
	const wrongKey = 'seam_test_wrong_polling_key_77';
	trigger.credentials = { apiKey: wrongKey, apiUrl: sandbox.url };
	const logs = captureLogs();
	let error: unknown;
	try {
		await trigger.poll();
	} catch (caught) {
		error = caught;
	} finally {
		await logs.restore();
	}
	expect(error).toMatchObject({ httpCode: '401' });
	expect(safeStringify(error)).not.toContain(wrongKey);
	expect(logs.text()).not.toContain(wrongKey);
});
