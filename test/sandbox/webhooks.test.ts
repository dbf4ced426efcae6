import { SeamHttp, SeamHttpApiError, SeamHttpInvalidInputError } from '@seamapi/http';

import { importEsm } from './esm-import';
import { SEAM_EVENT_TYPES } from './event-catalog';
import {
	type ReceivedWebhook,
	type Sandbox,
	type SeamEvent,
	startSandbox,
	startWebhookReceiver,
	type WebhookReceiver,
} from './index';

// Webhooks as the Seam Trigger node will meet them: a real HTTP receiver on
// 127.0.0.1, every request checked with both svix and Seam's own verifier on
// the raw body, plus the /events/list semantics a polling trigger relies on.

jest.setTimeout(30_000);

type SvixModule = typeof import('svix');
type SeamWebhookModule = typeof import('@seamapi/webhook');

let svix: SvixModule;
let seamWebhook: SeamWebhookModule;
let sandbox: Sandbox;
let seam: SeamHttp;
const receivers: WebhookReceiver[] = [];
const extraSandboxes: Sandbox[] = [];

beforeAll(async () => {
	svix = await importEsm<SvixModule>('svix');
	seamWebhook = await importEsm<SeamWebhookModule>('@seamapi/webhook');
	sandbox = await startSandbox({ credentialIssueDelayMs: 200 });
	seam = SeamHttp.fromApiKey(sandbox.apiKey, { endpoint: sandbox.url });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => {
	sandbox.reset();
});

afterEach(async () => {
	for (const other of extraSandboxes.splice(0)) {
		expect(other.contractViolations).toEqual([]);
		await other.close();
	}
	await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
	expect(sandbox.contractViolations).toEqual([]);
});

async function receiver(): Promise<WebhookReceiver> {
	const started = await startWebhookReceiver();
	receivers.push(started);
	return started;
}

async function otherSandbox(options: Parameters<typeof startSandbox>[0]) {
	const started = await startSandbox(options);
	extraSandboxes.push(started);
	return { sandbox: started, seam: SeamHttp.fromApiKey(started.apiKey, { endpoint: started.url }) };
}

/** Node joins repeated headers into arrays; Svix sends each once. */
function headersOf(request: ReceivedWebhook): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) {
		if (typeof value === 'string') out[name] = value;
	}
	return out;
}

/** Verifies with svix and with @seamapi/webhook; returns the event Seam's verifier parsed. */
function verifyBoth(request: ReceivedWebhook, secret: string): SeamEvent {
	const headers = headersOf(request);
	expect(() => new svix.Webhook(secret).verify(request.body, headers)).not.toThrow();
	return new seamWebhook.SeamWebhook(secret).verify(request.body, headers) as unknown as SeamEvent;
}

const eventsOf = (requests: ReceivedWebhook[]) =>
	requests.map((request) => JSON.parse(request.body) as SeamEvent);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 10 ms; fails after timeoutMs. */
async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
		await sleep(10);
	}
}

/** For requests the SDK would refuse before sending. */
async function rawPost(path: string, body: unknown) {
	const response = await fetch(`${sandbox.url}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return {
		status: response.status,
		body: (await response.json()) as {
			error: { type: string; validation_errors: Record<string, unknown> };
		},
	};
}

describe('/webhooks endpoints', () => {
	test('create, get, list, update and delete with Seam shapes', async () => {
		const created = await seam.webhooks.create({ url: 'http://127.0.0.1:9/hook' });
		expect(created).toEqual({
			webhook_id: expect.any(String),
			url: 'http://127.0.0.1:9/hook',
			event_types: ['*'],
			secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
		});
		expect(Buffer.from(created.secret!.slice('whsec_'.length), 'base64')).toHaveLength(24);

		const filtered = await seam.webhooks.create({
			url: 'https://example.invalid/seam',
			event_types: ['acs_user.created', 'access_method.issued'],
		});
		expect(filtered.event_types).toEqual(['acs_user.created', 'access_method.issued']);
		expect(filtered.secret).not.toBe(created.secret);

		expect(await seam.webhooks.get({ webhook_id: created.webhook_id })).toEqual(created);
		expect(await seam.webhooks.list()).toEqual([created, filtered]);

		await seam.webhooks.update({
			webhook_id: filtered.webhook_id,
			event_types: ['acs_user.deleted'],
		});
		expect((await seam.webhooks.get({ webhook_id: filtered.webhook_id })).event_types).toEqual([
			'acs_user.deleted',
		]);

		await seam.webhooks.delete({ webhook_id: created.webhook_id });
		expect(await seam.webhooks.list()).toEqual([
			{ ...filtered, event_types: ['acs_user.deleted'] },
		]);
		const missing = await seam.webhooks
			.get({ webhook_id: created.webhook_id })
			.catch((error: unknown) => error);
		expect(missing).toBeInstanceOf(SeamHttpApiError);
		expect(missing).toMatchObject({ statusCode: 404, code: 'webhook_not_found' });
	});

	test('unknown event types, non-HTTP URLs and a missing url are refused', async () => {
		const cases = [
			{ url: 'http://127.0.0.1:9/hook', event_types: ['acs_user.exploded'] },
			{ url: 'http://127.0.0.1:9/hook', event_types: [] },
			{ url: 'ftp://127.0.0.1/hook' },
			{ url: 'not a url' },
		];
		for (const parameters of cases) {
			await expect(seam.webhooks.create(parameters)).rejects.toBeInstanceOf(
				SeamHttpInvalidInputError,
			);
		}
		// The SDK refuses a missing url itself; the sandbox must too.
		const missingUrl = await rawPost('/webhooks/create', {});
		expect(missingUrl.status).toBe(400);
		expect(missingUrl.body.error.validation_errors).toHaveProperty('url');
		expect(await seam.webhooks.list()).toEqual([]);
	});

	test('reset() removes webhooks and clears deliveries', async () => {
		const hook = await receiver();
		await seam.webhooks.create({ url: hook.url });
		sandbox.emitEvent('acs_user.created');
		await sandbox.flushDeliveries();
		expect(sandbox.deliveries).toHaveLength(1);
		sandbox.reset();
		expect(sandbox.deliveries).toEqual([]);
		expect(await seam.webhooks.list()).toEqual([]);
	});
});

describe('delivery', () => {
	test('events from the API are POSTed as the raw event, signed the Svix way', async () => {
		const hook = await receiver();
		const webhook = await seam.webhooks.create({ url: hook.url });
		const before = Math.floor(Date.now() / 1000);

		const user = await seam.acs.users.create({
			acs_system_id: sandbox.seed.latchSystemId,
			full_name: 'Hook Harriet',
		});
		const [request] = await hook.waitFor(1);

		expect(request.headers['content-type']).toBe('application/json');
		expect(request.headers['svix-id']).toMatch(/^msg_[0-9A-Za-z]{27}$/);
		const timestamp = Number(request.headers['svix-timestamp']);
		expect(timestamp).toBeGreaterThanOrEqual(before);
		expect(timestamp).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
		expect(request.headers['svix-signature']).toMatch(/^v1,[A-Za-z0-9+/]+={0,2}$/);

		const event = verifyBoth(request, webhook.secret!);
		// The body is the event object itself, exactly as /events/get returns it.
		expect(event).toMatchObject({
			event_type: 'acs_user.created',
			acs_user_id: user.acs_user_id,
			acs_system_id: sandbox.seed.latchSystemId,
			workspace_id: sandbox.seed.workspaceId,
		});
		expect(event).toEqual(await seam.events.get({ event_id: event.event_id }));

		await sandbox.flushDeliveries();
		expect(sandbox.deliveries).toEqual([
			{
				webhookId: webhook.webhook_id,
				eventId: event.event_id,
				eventType: 'acs_user.created',
				url: hook.url,
				attempt: 1,
				status: 204,
				at: expect.any(String),
			},
		]);
	});

	test('a forged or altered request fails both verifiers', async () => {
		const hook = await receiver();
		const webhook = await seam.webhooks.create({ url: hook.url });
		sandbox.emitEvent('lock.unlocked', { device_id: sandbox.seed.devices.frontDoorLock });
		const [request] = await hook.waitFor(1);
		const headers = headersOf(request);
		const altered = request.body.replace('lock.unlocked', 'lock.locked');
		const otherSecret = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;

		expect(() => new svix.Webhook(webhook.secret!).verify(altered, headers)).toThrow();
		expect(() => new seamWebhook.SeamWebhook(webhook.secret!).verify(altered, headers)).toThrow(
			seamWebhook.SeamWebhookVerificationError,
		);
		expect(() => new svix.Webhook(otherSecret).verify(request.body, headers)).toThrow();
		expect(() => new seamWebhook.SeamWebhook(otherSecret).verify(request.body, headers)).toThrow();
	});

	test('the API answers without waiting for a slow receiver', async () => {
		const hook = await receiver();
		let release: () => void = () => undefined;
		const held = new Promise<number>((resolve) => {
			release = () => resolve(204);
		});
		hook.respondWith(() => held);
		await seam.webhooks.create({ url: hook.url });

		const user = await seam.acs.users.create({
			acs_system_id: sandbox.seed.latchSystemId,
			full_name: 'Fast Fred',
		});
		await seam.acs.users.delete({ acs_user_id: user.acs_user_id });
		// Both calls returned while the receiver still holds the first delivery.
		await hook.waitFor(1);
		expect(sandbox.deliveries).toEqual([]);
		release();
		await sandbox.flushDeliveries();
		expect(sandbox.deliveries.map((attempt) => attempt.eventType)).toEqual([
			'acs_user.created',
			'acs_user.deleted',
		]);
	});

	test('time-based events are delivered when due, with no request to trigger them', async () => {
		const hook = await receiver();
		const webhook = await seam.webhooks.create({
			url: hook.url,
			event_types: ['acs_credential.issued'],
		});
		const user = await seam.acs.users.create({
			acs_system_id: sandbox.seed.saltoSystemId,
			full_name: 'Patient Pat',
			acs_access_group_ids: [sandbox.seed.accessGroups.mainGroup],
		});
		const credential = await seam.acs.credentials.create({
			acs_user_id: user.acs_user_id,
			access_method: 'code',
		});
		const requestsBefore = sandbox.requests.length;
		const [request] = await hook.waitFor(1);
		expect(sandbox.requests).toHaveLength(requestsBefore);
		expect(verifyBoth(request, webhook.secret!)).toMatchObject({
			event_type: 'acs_credential.issued',
			acs_credential_id: credential.acs_credential_id,
		});
	});

	test('an access grant delivers its whole story, the issuance included, in order', async () => {
		const hook = await receiver();
		const webhook = await seam.webhooks.create({ url: hook.url });
		const grant = await seam.accessGrants.create({
			user_identity_id: sandbox.seed.userIdentities.jane,
			device_ids: [sandbox.seed.devices.frontDoorLock],
			requested_access_methods: [{ mode: 'code' }],
		});
		// No polling: the issuance (300 ms later by default) arrives by itself.
		const received = await hook.waitFor(4);
		const events = received.map((request) => verifyBoth(request, webhook.secret!));
		expect(events.map((event) => event.event_type)).toEqual([
			'access_grant.created',
			'access_method.created',
			'access_method.issued',
			'access_grant.access_granted_to_all_doors',
		]);
		expect(events[0]).toMatchObject({ access_grant_id: grant.access_grant_id });
		expect(events[2]).toMatchObject({
			access_grant_ids: [grant.access_grant_id],
			code: expect.stringMatching(/^\d{4}$/),
		});

		await seam.accessGrants.delete({ access_grant_id: grant.access_grant_id });
		await sandbox.flushDeliveries();
		expect(eventsOf(hook.received.slice(4)).map((event) => event.event_type)).toEqual([
			'access_method.revoked',
			'access_method.deleted',
			'access_grant.deleted',
		]);
	});

	test('each webhook gets only the event types it asked for, per its current event_types', async () => {
		const createdOnly = await receiver();
		const everything = await receiver();
		const narrow = await seam.webhooks.create({
			url: createdOnly.url,
			event_types: ['acs_user.created'],
		});
		await seam.webhooks.create({ url: everything.url });

		const user = await seam.acs.users.create({
			acs_system_id: sandbox.seed.latchSystemId,
			full_name: 'Filter Fiona',
		});
		await seam.acs.users.delete({ acs_user_id: user.acs_user_id });
		await sandbox.flushDeliveries();
		expect(eventsOf(createdOnly.received).map((event) => event.event_type)).toEqual([
			'acs_user.created',
		]);
		expect(eventsOf(everything.received).map((event) => event.event_type)).toEqual([
			'acs_user.created',
			'acs_user.deleted',
		]);

		await seam.webhooks.update({
			webhook_id: narrow.webhook_id,
			event_types: ['acs_user.deleted'],
		});
		sandbox.emitEvent('acs_user.created');
		sandbox.emitEvent('acs_user.deleted');
		await sandbox.flushDeliveries();
		expect(eventsOf(createdOnly.received).map((event) => event.event_type)).toEqual([
			'acs_user.created',
			'acs_user.deleted',
		]);
		// One Svix message per event: both endpoints see the same svix-id for it.
		const lastId = createdOnly.received[1].headers['svix-id'];
		expect(everything.received.map((request) => request.headers['svix-id'])).toContain(lastId);
	});

	test('a 500 is retried on the shortened schedule until a 2xx, events stay in order', async () => {
		const { sandbox: local, seam: client } = await otherSandbox({
			webhookRetryDelaysMs: [50, 100, 200, 400],
		});
		const hook = await receiver();
		hook.respondWith((n) => (n <= 2 ? 500 : 204));
		const webhook = await client.webhooks.create({ url: hook.url });

		const [first, second] = [
			local.emitEvent('acs_user.created'),
			local.emitEvent('acs_user.deleted'),
		];
		await local.flushDeliveries();

		expect(
			local.deliveries.map(({ eventId, attempt, status }) => ({ eventId, attempt, status })),
		).toEqual([
			{ eventId: first.event_id, attempt: 1, status: 500 },
			{ eventId: first.event_id, attempt: 2, status: 500 },
			{ eventId: first.event_id, attempt: 3, status: 204 },
			{ eventId: second.event_id, attempt: 1, status: 204 },
		]);
		const received = hook.received;
		expect(eventsOf(received).map((event) => event.event_id)).toEqual([
			first.event_id,
			first.event_id,
			first.event_id,
			second.event_id,
		]);
		// Retries keep the message id and are signed afresh; each one verifies.
		expect(new Set(received.slice(0, 3).map((request) => request.headers['svix-id'])).size).toBe(1);
		for (const request of received) verifyBoth(request, webhook.secret!);
		// Waits of at least 50 ms, then 100 ms, between the attempts (timer slack allowed above).
		expect(received[1].receivedAt - received[0].receivedAt).toBeGreaterThanOrEqual(45);
		expect(received[2].receivedAt - received[1].receivedAt).toBeGreaterThanOrEqual(95);
	});

	test('after the last retry the event is dropped; network errors count as failures', async () => {
		const { sandbox: local, seam: client } = await otherSandbox({ webhookRetryDelaysMs: [10, 10] });
		const hook = await receiver();
		hook.respondWith((n) => (n <= 3 ? 503 : 200));
		const closed = await receiver();
		const deadUrl = closed.url;
		await closed.close();
		await client.webhooks.create({ url: hook.url });
		const dead = await client.webhooks.create({ url: deadUrl });

		const dropped = local.emitEvent('acs_user.created');
		const delivered = local.emitEvent('acs_user.deleted');
		await local.flushDeliveries();

		const toHook = local.deliveries.filter((attempt) => attempt.url === hook.url);
		expect(toHook.map(({ eventId, attempt, status }) => [eventId, attempt, status])).toEqual([
			[dropped.event_id, 1, 503],
			[dropped.event_id, 2, 503],
			[dropped.event_id, 3, 503],
			[delivered.event_id, 1, 200],
		]);
		const toDead = local.deliveries.filter((attempt) => attempt.webhookId === dead.webhook_id);
		expect(toDead).toHaveLength(6);
		expect(toDead.every((attempt) => attempt.status === 'network_error')).toBe(true);
		expect(toDead[0].error).toEqual(expect.any(String));
	});

	test('deleting a webhook stops its deliveries, pending retries included', async () => {
		const { sandbox: local, seam: client } = await otherSandbox({
			webhookRetryDelaysMs: [3_000, 3_000],
		});
		const hook = await receiver();
		hook.respondWith(500);
		const webhook = await client.webhooks.create({ url: hook.url });
		local.emitEvent('acs_user.created');
		await until(() => local.deliveries.length === 1);

		const started = Date.now();
		await client.webhooks.delete({ webhook_id: webhook.webhook_id });
		// Nothing left to wait for: the 3 s retry was cancelled, not merely skipped later.
		await local.flushDeliveries(2_000);
		expect(Date.now() - started).toBeLessThan(1_500);
		local.emitEvent('acs_user.deleted');
		await local.flushDeliveries();
		expect(hook.received).toHaveLength(1);
		expect(local.deliveries).toHaveLength(1);
	});

	test('close() cancels pending retries at once', async () => {
		const local = await startSandbox({ webhookRetryDelaysMs: [60_000] });
		const client = SeamHttp.fromApiKey(local.apiKey, { endpoint: local.url });
		const hook = await receiver();
		hook.respondWith(500);
		await client.webhooks.create({ url: hook.url });
		local.emitEvent('acs_user.created');
		await until(() => local.deliveries.length === 1);
		const flushing = local.flushDeliveries(120_000);

		const started = Date.now();
		await local.close();
		expect(Date.now() - started).toBeLessThan(1_000);
		await expect(flushing).resolves.toBeUndefined();
		expect(local.deliveries).toHaveLength(1);
		expect(local.contractViolations).toEqual([]);
	});

	test('flushDeliveries() is bounded: it rejects while a receiver keeps failing', async () => {
		const { sandbox: local, seam: client } = await otherSandbox({ webhookRetryDelaysMs: [5_000] });
		const hook = await receiver();
		hook.respondWith(500);
		await client.webhooks.create({ url: hook.url });
		local.emitEvent('acs_user.created');
		await expect(local.flushDeliveries(300)).rejects.toThrow(/still pending/);
	});
});

describe('emitEvent / emitEvents', () => {
	test('every event type Seam documents can be emitted with default fields', async () => {
		const since = new Date(Date.now() - 1_000).toISOString();
		for (const type of SEAM_EVENT_TYPES) sandbox.emitEvent(type);
		// /events/list validates each event against Seam's schema on the way out.
		const events = await seam.events.list({ since, limit: 1_000 });
		expect(new Set(events.map((event) => event.event_type))).toEqual(new Set(SEAM_EVENT_TYPES));
	});

	test('given fields are kept, ids point at seeded objects, bad events are refused', () => {
		const { devices } = sandbox.seed;
		const low = sandbox.emitEvent('device.low_battery', {
			device_id: devices.garageKeypad,
			battery_level: 0.1,
		});
		expect(low).toMatchObject({
			event_type: 'device.low_battery',
			device_id: devices.garageKeypad,
			connected_account_id: expect.any(String),
			battery_level: 0.1,
			workspace_id: sandbox.seed.workspaceId,
		});
		expect(low.created_at).toBe(low.occurred_at);
		const user = sandbox.emitEvent('acs_user.created');
		expect(user.acs_system_id).toBe(sandbox.seed.saltoSystemId);

		expect(() => sandbox.emitEvent('device.exploded' as 'lock.locked')).toThrow(
			/not an event type/,
		);
		expect(() => sandbox.emitEvent('device.low_battery', { battery_level: 'low' })).toThrow(
			/battery_level/,
		);
		expect(() => sandbox.emitEvent('lock.locked', { event_id: 'mine' })).toThrow(
			/set by the sandbox/,
		);
		expect(() =>
			sandbox.emitEvent('lock.locked', {}, { at: new Date(Date.now() + 60_000) }),
		).toThrow(/future/);
	});

	test('thousands of events sharing one millisecond, listed newest first and paged by offset', async () => {
		const at = new Date(Date.now() - 5_000);
		const started = Date.now();
		const emitted = sandbox.emitEvents(3_000, 'lock.unlocked', {
			at,
			fields: { device_id: sandbox.seed.devices.backDoorLock },
		});
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(emitted).toHaveLength(3_000);
		expect(new Set(emitted.map((event) => event.created_at))).toEqual(new Set([at.toISOString()]));
		expect(new Set(emitted.map((event) => event.event_id)).size).toBe(3_000);

		const justBefore = new Date(at.getTime() - 1).toISOString();
		const firstPage = await seam.events.list({ since: justBefore });
		// Seam's default limit.
		expect(firstPage).toHaveLength(500);
		// Same timestamp: newest first means the reverse of the order they were recorded in.
		expect(firstPage.map((event) => event.event_id)).toEqual(
			emitted
				.slice(-500)
				.reverse()
				.map((event) => event.event_id),
		);

		const seen = new Set<string>();
		for (let offset = 0; offset < 3_000; offset += 1_000) {
			const page = await seam.events.list({
				since: justBefore,
				limit: 1_000,
				unstable_offset: offset,
			});
			for (const event of page) seen.add(event.event_id);
		}
		expect(seen.size).toBe(3_000);

		// `since` is exclusive: the shared millisecond itself is not "since" it.
		expect(await seam.events.list({ since: at.toISOString() })).toEqual([]);
	});

	test('emitted events are delivered like any other, in the order they were recorded', async () => {
		const hook = await receiver();
		const webhook = await seam.webhooks.create({ url: hook.url, event_types: ['lock.locked'] });
		const emitted = sandbox.emitEvents(50, 'lock.locked', { at: new Date() });
		sandbox.emitEvent('lock.unlocked');
		await sandbox.flushDeliveries();
		expect(hook.received.map((request) => verifyBoth(request, webhook.secret!).event_id)).toEqual(
			emitted.map((event) => event.event_id),
		);
	});
});

describe('/events/list and /events/get', () => {
	const { floor } = Math;
	test('since is exclusive, between is an open interval, newest first, limit', async () => {
		const base = floor(Date.now() / 1000) * 1000 - 60_000;
		const t = (seconds: number) => new Date(base + seconds * 1000);
		const e1 = sandbox.emitEvent('acs_user.created', {}, { at: t(1) });
		const e2 = sandbox.emitEvent('acs_user.deleted', {}, { at: t(2) });
		const e3 = sandbox.emitEvent('acs_user.created', {}, { at: t(3) });
		const ids = (events: Array<{ event_id: string }>) => events.map((event) => event.event_id);

		expect(ids(await seam.events.list({ since: t(0).toISOString() }))).toEqual([
			e3.event_id,
			e2.event_id,
			e1.event_id,
		]);
		expect(ids(await seam.events.list({ since: t(1).toISOString() }))).toEqual([
			e3.event_id,
			e2.event_id,
		]);
		expect(
			ids(await seam.events.list({ between: [t(1).toISOString(), t(3).toISOString()] })),
		).toEqual([e2.event_id]);
		expect(ids(await seam.events.list({ since: t(0).toISOString(), limit: 2 }))).toEqual([
			e3.event_id,
			e2.event_id,
		]);
		expect(
			ids(await seam.events.list({ since: t(0).toISOString(), event_type: 'acs_user.deleted' })),
		).toEqual([e2.event_id]);
		expect(
			ids(
				await seam.events.list({
					since: t(0).toISOString(),
					event_types: ['acs_user.created'],
				}),
			),
		).toEqual([e3.event_id, e1.event_id]);

		const noWindow = await rawPost('/events/list', { event_type: 'acs_user.created' });
		expect(noWindow.status).toBe(400);
		expect(noWindow.body.error.type).toBe('invalid_input');
	});

	test('the default limit is 500', async () => {
		const since = new Date(Date.now() - 1_000).toISOString();
		sandbox.emitEvents(600, 'acs_user.created');
		expect(await seam.events.list({ since })).toHaveLength(500);
		expect(await seam.events.list({ since, limit: 600 })).toHaveLength(600);
	});

	test('filters by device_id(s) and acs_system_id(s); events/get by event_id', async () => {
		const since = new Date(Date.now() - 1_000).toISOString();
		const { devices, saltoSystemId, latchSystemId } = sandbox.seed;
		const front = sandbox.emitEvent('lock.locked', { device_id: devices.frontDoorLock });
		const back = sandbox.emitEvent('lock.locked', { device_id: devices.backDoorLock });
		const salto = sandbox.emitEvent('acs_user.created', { acs_system_id: saltoSystemId });
		const latch = sandbox.emitEvent('acs_user.created', { acs_system_id: latchSystemId });
		const ids = (events: Array<{ event_id: string }>) => events.map((event) => event.event_id);

		expect(ids(await seam.events.list({ since, device_id: devices.frontDoorLock }))).toEqual([
			front.event_id,
		]);
		expect(
			ids(
				await seam.events.list({
					since,
					device_ids: [devices.frontDoorLock, devices.backDoorLock],
				}),
			),
		).toEqual([back.event_id, front.event_id]);
		expect(ids(await seam.events.list({ since, acs_system_id: latchSystemId }))).toEqual([
			latch.event_id,
		]);
		expect(
			ids(await seam.events.list({ since, acs_system_ids: [saltoSystemId, latchSystemId] })),
		).toEqual([latch.event_id, salto.event_id]);

		expect(await seam.events.get({ event_id: back.event_id })).toEqual(back);
		const missing = await seam.events
			.get({ event_id: '00000000-0000-4000-8000-00000000dead' })
			.catch((error: unknown) => error);
		expect(missing).toMatchObject({ statusCode: 404, code: 'event_not_found' });
	});
});
