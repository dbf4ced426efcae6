/**
 * The Seam Trigger's webhook on Seam, through activation, deactivation, n8n restarts and changes
 * on either side, against the local sandbox (which delivers signed webhooks like Seam). The
 * lifecycle methods run in n8n-core's HookContext in the order n8n calls them; static data goes
 * through a JSON copy in between, as n8n's database does.
 */
import { SeamHttp } from '@seamapi/http';

import { captureLogs, safeStringify } from '../helpers/captureLogs';
import { startSandbox, type Sandbox } from '../sandbox';
import { TriggerUnderTest, WEBHOOK_TRIGGER_TYPE } from './helpers/n8nHarness';
import { WebhookEndpoint } from './helpers/webhookEndpoint';

jest.setTimeout(30_000);

interface SeamWebhook {
	webhook_id: string;
	url: string;
	event_types?: string[];
	secret?: string;
}

let sandbox: Sandbox;
let seam: SeamHttp;
let trigger: TriggerUnderTest;
let endpoint: WebhookEndpoint;

const webhooksOnSeam = async () => (await seam.webhooks.list()) as unknown as SeamWebhook[];
const stored = () =>
	trigger.nodeStaticData.seamWebhook as
		| { webhookId: string; secret: string; url: string }
		| undefined;

beforeAll(async () => {
	sandbox = await startSandbox({ webhookRetryDelaysMs: [] });
	seam = SeamHttp.fromApiKey(sandbox.apiKey, { endpoint: sandbox.url });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(async () => {
	sandbox.reset();
	trigger = new TriggerUnderTest({
		type: WEBHOOK_TRIGGER_TYPE,
		parameters: { events: ['lock.unlocked', 'access_method.issued'] },
		credentials: { apiKey: sandbox.apiKey, apiUrl: sandbox.url },
	});
	endpoint = await WebhookEndpoint.start(trigger);
});

afterEach(async () => {
	await sandbox.flushDeliveries();
	await endpoint.close();
	expect(sandbox.contractViolations).toEqual([]);
});

test('activation registers one webhook for the node URL and the chosen events; Seam deliveries start runs', async () => {
	await trigger.activate();

	const webhooks = await webhooksOnSeam();
	expect(webhooks).toHaveLength(1);
	expect(webhooks[0]).toMatchObject({
		url: endpoint.productionUrl,
		event_types: ['access_method.issued', 'lock.unlocked'],
	});
	expect(stored()).toEqual({
		webhookId: webhooks[0].webhook_id,
		secret: webhooks[0].secret,
		url: endpoint.productionUrl,
		eventTypes: ['access_method.issued', 'lock.unlocked'],
	});

	const unlocked = sandbox.emitEvent('lock.unlocked');
	sandbox.emitEvent('device.disconnected'); // not chosen: Seam does not send it
	await sandbox.flushDeliveries();
	await endpoint.settled();
	expect(endpoint.answers).toEqual([{ status: 200, body: { message: 'Workflow was started' } }]);
	expect(endpoint.executions).toEqual([[unlocked]]);
});

test('activate, deactivate, activate again: exactly one webhook, and none while inactive', async () => {
	await trigger.activate();
	const first = (await webhooksOnSeam())[0].webhook_id;

	expect(await trigger.deactivate()).toBe(true);
	expect(await webhooksOnSeam()).toEqual([]);
	expect(stored()).toBeUndefined();
	sandbox.emitEvent('lock.unlocked');
	await sandbox.flushDeliveries();
	expect(endpoint.executions).toEqual([]);

	await trigger.activate();
	const webhooks = await webhooksOnSeam();
	expect(webhooks).toHaveLength(1);
	expect(webhooks[0].webhook_id).not.toBe(first);
	expect(stored()?.webhookId).toBe(webhooks[0].webhook_id);

	const event = sandbox.emitEvent('access_method.issued', { code: '4821' });
	await sandbox.flushDeliveries();
	await endpoint.settled();
	expect(endpoint.executions).toEqual([[event]]);
});

test('n8n restarting (activation "init" with the saved static data) keeps the same webhook', async () => {
	await trigger.activate();
	const before = await webhooksOnSeam();
	await trigger.activate('init');
	await trigger.activate('init');
	expect(await webhooksOnSeam()).toEqual(before);
});

test("a webhook deleted on Seam's side is forgotten and replaced", async () => {
	await trigger.activate();
	const gone = stored()!.webhookId;
	await seam.webhooks.delete({ webhook_id: gone });

	await trigger.activate('init');
	const webhooks = await webhooksOnSeam();
	expect(webhooks).toHaveLength(1);
	expect(webhooks[0].webhook_id).not.toBe(gone);
	expect(stored()?.webhookId).toBe(webhooks[0].webhook_id);
});

test('changed event types replace the webhook (one remains, with the new events)', async () => {
	await trigger.activate();
	trigger.setParameters({ events: ['lock.*'] });
	await trigger.activate('update');
	const webhooks = await webhooksOnSeam();
	expect(webhooks).toHaveLength(1);
	expect(webhooks[0].event_types).toEqual(['lock.access_denied', 'lock.locked', 'lock.unlocked']);
	expect(stored()?.webhookId).toBe(webhooks[0].webhook_id);
});

test('a changed n8n URL (WEBHOOK_URL) replaces the webhook', async () => {
	await trigger.activate();
	const oldUrl = endpoint.productionUrl;
	await endpoint.close();
	endpoint = await WebhookEndpoint.start(trigger); // another port: another base URL
	expect(endpoint.productionUrl).not.toBe(oldUrl);

	await trigger.activate('init');
	const webhooks = await webhooksOnSeam();
	expect(webhooks.map((webhook) => webhook.url)).toEqual([endpoint.productionUrl]);
});

test('a webhook changed in Seam (other events) is replaced', async () => {
	await trigger.activate();
	await seam.webhooks.update({
		webhook_id: stored()!.webhookId,
		event_types: ['device.disconnected'],
	});
	await trigger.activate('init');
	const webhooks = await webhooksOnSeam();
	expect(webhooks).toHaveLength(1);
	expect(webhooks[0].event_types).toEqual(['access_method.issued', 'lock.unlocked']);
});

test('lost static data: the unrecorded webhook at this URL is removed, other webhooks are left alone', async () => {
	const foreign = (await seam.webhooks.create({
		url: 'https://example.com/other-app',
	})) as unknown as SeamWebhook;
	await trigger.activate();
	const orphan = stored()!.webhookId;
	trigger.savedStaticData = {}; // e.g. the workflow re-imported, or n8n crashed before saving

	await trigger.activate();
	const webhooks = await webhooksOnSeam();
	expect(webhooks.map((webhook) => webhook.webhook_id).sort()).toEqual(
		[foreign.webhook_id, stored()!.webhookId].sort(),
	);
	expect(webhooks.map((webhook) => webhook.webhook_id)).not.toContain(orphan);
});

test('deactivating when the webhook is already gone (404) succeeds and forgets it', async () => {
	await trigger.activate();
	await seam.webhooks.delete({ webhook_id: stored()!.webhookId });
	expect(await trigger.deactivate()).toBe(true);
	expect(stored()).toBeUndefined();
	expect(await webhooksOnSeam()).toEqual([]);
});

test('deactivating a node that never registered does nothing', async () => {
	expect(await trigger.deactivate()).toBe(true);
	expect(sandbox.requests).toEqual([]);
});

test('"All Events" asks Seam for every event (its default, including future types)', async () => {
	trigger.setParameters({ events: ['*', 'lock.unlocked'] });
	await trigger.activate();
	const [webhook] = await webhooksOnSeam();
	expect(webhook.event_types).toEqual(['*']);
	const create = sandbox.requests.find((request) => request.path === '/webhooks/create');
	expect(create?.params).toEqual({ url: endpoint.productionUrl });

	const event = sandbox.emitEvent('device.disconnected');
	await sandbox.flushDeliveries();
	await endpoint.settled();
	expect(endpoint.executions).toEqual([[event]]);
});

test('"Listen for test event" registers its own webhook and removes it, the production one stays', async () => {
	await trigger.activate();
	const production = await webhooksOnSeam();

	const testStaticData = await trigger.listenForTestEvent();
	const during = await webhooksOnSeam();
	expect(during).toHaveLength(2);
	const testWebhook = during.find((webhook) => webhook.webhook_id !== production[0].webhook_id)!;
	expect(testWebhook.url).toBe(
		`${trigger.n8nBaseUrl}/webhook-test/${trigger.node.webhookId}/webhook`,
	);

	await trigger.stopListening(testStaticData);
	expect(await webhooksOnSeam()).toEqual(production);
	expect(stored()?.webhookId).toBe(production[0].webhook_id);
});

test("a wrong API key fails activation with Seam's message, and the key appears nowhere", async () => {
	const wrongKey = 'seam_test_wrong_key_5f2a9c';
	trigger.credentials = { apiKey: wrongKey, apiUrl: sandbox.url };
	const logs = captureLogs();
	let error: unknown;
	try {
		await trigger.activate();
	} catch (caught) {
		error = caught;
	} finally {
		await logs.restore();
	}
	expect(error).toMatchObject({ httpCode: '401' });
	expect(safeStringify(error)).not.toContain(wrongKey);
	expect(logs.text()).not.toContain(wrongKey);
	expect(trigger.savedStaticData).toEqual({});
});

test('Seam unreachable: a clean error naming the URL, no key', async () => {
	trigger.credentials = { apiKey: sandbox.apiKey, apiUrl: 'http://127.0.0.1:9' };
	const error = await trigger.activate().then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect((error as Error).message).toMatch(/Could not reach Seam at http:\/\/127\.0\.0\.1:9/);
	expect(safeStringify(error)).not.toContain(sandbox.apiKey);
});
