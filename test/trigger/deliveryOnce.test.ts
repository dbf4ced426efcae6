/**
 * One run per event, in n8n-core's WebhookContext and engine: the same delivery again (Svix
 * retrying a message with the same svix-id, a proxy repeating a request), the same event_id
 * under a new message, two copies at the same time, an n8n restart in between (static data saved
 * as JSON and read back, the node's module loaded afresh), the memory's bounds, "Listen for test
 * event", and what is not remembered (unverified deliveries, events outside the selection).
 * Ends with Seam itself (the sandbox) retrying a delivery whose answer a proxy lost.
 */
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import {
	firstDelivery,
	MEMORY_MAX_AGE_MS,
	MEMORY_MAX_ENTRIES,
} from '../../nodes/Seam/trigger/deliveryMemory';
import type { SeamTrigger as SeamTriggerType } from '../../nodes/Seam/SeamTrigger.node';
import { startSandbox } from '../sandbox';
import { TriggerUnderTest, WEBHOOK_TRIGGER_TYPE } from './helpers/n8nHarness';
import { recordNodeLogs, type NodeLogs } from './helpers/nodeLogs';
import { loadReferences, newSecret, type References } from './helpers/svixReference';
import {
	newMessageId,
	postDelivery,
	type SeamEvent,
	seamEvent,
	signedDelivery,
} from './helpers/signedDelivery';
import { type Delivery, WebhookEndpoint } from './helpers/webhookEndpoint';

jest.setTimeout(120_000);

const SECRET = newSecret();
const HOUR = 60 * 60 * 1000;

let references: References;
let trigger: TriggerUnderTest;
let endpoint: WebhookEndpoint;
let logs: NodeLogs;

const STARTED = { status: 200, body: { message: 'Workflow was started' } };
const REPEAT = { status: 200, body: { received: true, ignored: 'duplicate' } };

/** A delivery as Svix sends it: `messageId` is Svix's for the event, the same on every retry. */
const delivery = (
	event: SeamEvent,
	options: { messageId?: string; at?: Date; secret?: string } = {},
) => signedDelivery(references, options.secret ?? SECRET, event, options);

/** Svix retrying a message: the same id and body, signed again at the time of the retry. */
const retryOf = (original: { messageId: string }, event: SeamEvent, at?: Date) =>
	delivery(event, { messageId: original.messageId, at });

const post = (sent: Delivery) => postDelivery(endpoint, sent);

const ranEvents = () => endpoint.executions.map((run) => run[0].event_id);

/**
 * n8n restarted: the node's module loaded afresh (nothing kept in the old process's memory),
 * static data read back from its saved JSON copy (every request does that anyway).
 */
function restartN8n(): void {
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { SeamTrigger } = require('../../nodes/Seam/SeamTrigger.node') as {
			SeamTrigger: typeof SeamTriggerType;
		};
		trigger.nodeTypes.types[WEBHOOK_TRIGGER_TYPE] = new SeamTrigger();
	});
}

/** What create() stores on activation (webhookLifecycle.test.ts covers create() itself). */
function registered(secret = SECRET, webhookId = randomUUID()): IDataObject {
	return { seamWebhook: { webhookId, secret, url: `https://n8n.example/webhook/${webhookId}` } };
}

beforeAll(async () => {
	references = await loadReferences();
});

beforeEach(async () => {
	logs = recordNodeLogs();
	trigger = new TriggerUnderTest({
		type: WEBHOOK_TRIGGER_TYPE,
		parameters: { events: ['lock.unlocked', 'access_method.issued'] },
		credentials: { apiKey: 'seam_test_unused', apiUrl: 'http://127.0.0.1:9' },
	});
	endpoint = await WebhookEndpoint.start(trigger);
	trigger.savedStaticData = { [`node:${trigger.node.name}`]: registered() };
});

afterEach(async () => {
	jest.useRealTimers();
	await endpoint.close();
	logs.restore();
});

describe('the same event twice: answered 200 both times, one run', () => {
	test('Svix retrying a message (same svix-id, signed again later)', async () => {
		const event = seamEvent();
		const first = delivery(event, { at: new Date(Date.now() - 60_000) });
		expect(await post(first)).toEqual(STARTED);
		expect(await post(retryOf(first, event))).toEqual(REPEAT);
		expect(ranEvents()).toEqual([event.event_id]);
		expect(logs.messages('info')).toEqual(['Seam Trigger ignored a repeated delivery']);
	});

	test('a proxy sending the very same request again', async () => {
		const event = seamEvent();
		const sent = delivery(event);
		expect(await post(sent)).toEqual(STARTED);
		expect(await post(sent)).toEqual(REPEAT);
		expect(await post(sent)).toEqual(REPEAT);
		expect(ranEvents()).toEqual([event.event_id]);
	});

	test('the same event_id under a new svix-id', async () => {
		const event = seamEvent();
		expect(await post(delivery(event))).toEqual(STARTED);
		expect(await post(delivery(event))).toEqual(REPEAT);
		expect(ranEvents()).toEqual([event.event_id]);
	});

	test('new events in between each run once', async () => {
		const [a, b, c] = [seamEvent(), seamEvent('access_method.issued'), seamEvent()];
		const firstA = delivery(a);
		const answers = [
			await post(firstA),
			await post(delivery(b)),
			await post(retryOf(firstA, a)),
			await post(delivery(c)),
			await post(delivery(b)),
		];
		expect(answers).toEqual([STARTED, STARTED, REPEAT, STARTED, REPEAT]);
		expect(ranEvents()).toEqual([a.event_id, b.event_id, c.event_id]);
	});
});

describe('two copies at the same time (each request reads its own copy of the static data)', () => {
	test('the same delivery twice at once: one run', async () => {
		const event = seamEvent();
		const sent = delivery(event);
		const answers = await Promise.all([endpoint.invoke(sent), endpoint.invoke(sent)]);
		await endpoint.settled();
		expect(answers).toEqual(expect.arrayContaining([STARTED, REPEAT]));
		expect(ranEvents()).toEqual([event.event_id]);
	});

	test('two events at once: both run, and the saved copy remembers both after a restart', async () => {
		const [a, b] = [seamEvent(), seamEvent()];
		const [toA, toB] = [delivery(a), delivery(b)];
		expect(await Promise.all([endpoint.invoke(toA), endpoint.invoke(toB)])).toEqual([
			STARTED,
			STARTED,
		]);
		restartN8n();
		expect(await post(retryOf(toA, a))).toEqual(REPEAT);
		expect(await post(retryOf(toB, b))).toEqual(REPEAT);
		expect(ranEvents().sort()).toEqual([a.event_id, b.event_id].sort());
	});
});

describe('across an n8n restart', () => {
	test.each([
		['n8n 1.x: the webhook call saves the memory', true],
		['n8n 2.x: the call that starts a run saves nothing, the run saves the memory', false],
	])(
		'a retry after the restart is still recognised, by svix-id and by event_id (%s)',
		async (_saver, savesCallStaticData) => {
			endpoint.savesStaticDataOfRunStartingCalls = savesCallStaticData;
			const event = seamEvent();
			const first = delivery(event);
			expect(await post(first)).toEqual(STARTED);
			restartN8n();
			expect(await post(retryOf(first, event))).toEqual(REPEAT);
			restartN8n();
			expect(await post(delivery(event))).toEqual(REPEAT);
			expect(ranEvents()).toEqual([event.event_id]);
		},
	);

	test('it is the saved static data that remembers: without it, the restarted n8n runs the retry', async () => {
		const event = seamEvent();
		const before = structuredClone(trigger.savedStaticData);
		const first = delivery(event);
		expect(await post(first)).toEqual(STARTED);
		// Before the restart, this process still remembers even when the saved copy is stale.
		trigger.savedStaticData = structuredClone(before);
		expect(await post(retryOf(first, event))).toEqual(REPEAT);
		trigger.savedStaticData = structuredClone(before);
		restartN8n();
		expect(await post(retryOf(first, event))).toEqual(STARTED);
		expect(ranEvents()).toEqual([event.event_id, event.event_id]);
	});
});

describe('the bounds: 48 hours and 1,000 deliveries', () => {
	/** Only Date is faked: svix checks the signature time against it, timers run as usual. */
	function clockAt(now: number): void {
		jest.useFakeTimers({
			now,
			doNotFake: [
				'hrtime',
				'nextTick',
				'performance',
				'queueMicrotask',
				'setImmediate',
				'clearImmediate',
				'setInterval',
				'clearInterval',
				'setTimeout',
				'clearTimeout',
			],
		});
	}

	test(`a delivery is remembered for ${MEMORY_MAX_AGE_MS / HOUR} hours, then forgotten`, async () => {
		expect(MEMORY_MAX_AGE_MS).toBeGreaterThanOrEqual(36 * HOUR); // Svix's retries, with margin
		const start = Date.now();
		const event = seamEvent();
		clockAt(start);
		const first = delivery(event);
		expect(await endpoint.invoke(first)).toEqual(STARTED);

		clockAt(start + MEMORY_MAX_AGE_MS - HOUR);
		restartN8n();
		expect(await endpoint.invoke(retryOf(first, event))).toEqual(REPEAT);

		clockAt(start + MEMORY_MAX_AGE_MS + 1000);
		restartN8n();
		expect(await endpoint.invoke(retryOf(first, event))).toEqual(STARTED);
		await endpoint.settled();
		expect(ranEvents()).toEqual([event.event_id, event.event_id]);
	});

	test('expired entries leave the saved list', async () => {
		const start = Date.now();
		clockAt(start);
		for (let index = 0; index < 5; index += 1)
			expect(await endpoint.invoke(delivery(seamEvent()))).toEqual(STARTED);
		// The runs save the memory too (n8n 2.x needs them to); let them end first.
		await endpoint.settled();
		expect(storedEntries()).toHaveLength(5);
		clockAt(start + MEMORY_MAX_AGE_MS + 1000);
		expect(await endpoint.invoke(delivery(seamEvent()))).toEqual(STARTED);
		expect(storedEntries()).toHaveLength(1);
		await endpoint.settled();
	});

	/** The remembered deliveries as saved; their format is the node's business, only counted. */
	function storedEntries(): unknown[] {
		const memory = trigger.nodeStaticData.recentDeliveries as { entries?: unknown[] } | undefined;
		return memory?.entries ?? [];
	}

	test(`the list stays at ${MEMORY_MAX_ENTRIES} entries, the oldest go first`, async () => {
		// A full memory, filled by the node's own code (a thousand runs through the engine would
		// take most of a minute): one delivery a second, the oldest first.
		const now = Date.now();
		const full = Array.from({ length: MEMORY_MAX_ENTRIES }, (_, index) => ({
			event: seamEvent(),
			messageId: newMessageId(),
			at: now - (MEMORY_MAX_ENTRIES - index) * 1000,
		}));
		const nodeData = trigger.savedStaticData[`node:${trigger.node.name}`] as IDataObject;
		for (const { event, messageId, at } of full)
			firstDelivery(nodeData, 'filled beforehand', { messageId, eventId: event.event_id }, at);
		expect(storedEntries()).toHaveLength(MEMORY_MAX_ENTRIES);
		// About 90 bytes an entry, as the node's comment reckons.
		expect(JSON.stringify(trigger.nodeStaticData).length).toBeLessThan(MEMORY_MAX_ENTRIES * 100);

		expect(await post(delivery(seamEvent()))).toEqual(STARTED);
		expect(storedEntries()).toHaveLength(MEMORY_MAX_ENTRIES);
		restartN8n();
		const [oldest, second, newest] = [full[0], full[1], full[MEMORY_MAX_ENTRIES - 1]];
		expect(await post(retryOf(newest, newest.event))).toEqual(REPEAT);
		expect(await post(retryOf(second, second.event))).toEqual(REPEAT);
		expect(await post(retryOf(oldest, oldest.event))).toEqual(STARTED);
		expect(storedEntries()).toHaveLength(MEMORY_MAX_ENTRIES);
	});
});

describe('what is not remembered', () => {
	test('an unverified delivery: the genuine one with the same ids still runs', async () => {
		const event = seamEvent();
		const genuine = delivery(event);
		const forged = delivery(event, { messageId: genuine.messageId, secret: newSecret() });
		expect(await post(forged)).toEqual({ status: 401, body: { error: 'unauthorized' } });
		expect(await post(genuine)).toEqual(STARTED);
		expect(ranEvents()).toEqual([event.event_id]);
	});

	test('an event outside the selection: once it is selected, its next delivery runs', async () => {
		const event = seamEvent('device.disconnected');
		const first = delivery(event);
		expect(await post(first)).toEqual({
			status: 200,
			body: { received: true, ignored: 'not_selected' },
		});
		trigger.setParameters({ events: ['lock.unlocked', 'device.disconnected'] });
		expect(await post(retryOf(first, event))).toEqual(STARTED);
		expect(ranEvents()).toEqual([event.event_id]);
	});
});

describe('"Listen for test event"', () => {
	test('an event production already ran still shows in the editor; production memory untouched', async () => {
		const event = seamEvent();
		const production = delivery(event);
		expect(await post(production)).toEqual(STARTED);
		const productionData = structuredClone(trigger.savedStaticData);

		// The listener's own Seam webhook (own secret) gets the same Svix message.
		const testSecret = newSecret();
		const testStaticData = { [`node:${trigger.node.name}`]: registered(testSecret) };
		const toListener = delivery(event, { messageId: production.messageId, secret: testSecret });
		expect(await endpoint.invoke(toListener, { testStaticData })).toEqual(STARTED);
		await endpoint.settled();
		expect(ranEvents()).toEqual([event.event_id, event.event_id]);
		expect(trigger.savedStaticData).toEqual(productionData);

		// And a test run hides nothing from production.
		const next = seamEvent();
		const toTest = delivery(next, { secret: testSecret });
		expect(await endpoint.invoke(toTest, { testStaticData })).toEqual(STARTED);
		expect(await post(delivery(next, { messageId: toTest.messageId }))).toEqual(STARTED);
		expect(ranEvents()).toEqual([event.event_id, event.event_id, next.event_id, next.event_id]);
	});
});

describe('Seam (the sandbox) retrying a delivery whose answer a proxy lost', () => {
	test('n8n ran the event on the first attempt; the retry is answered 200 and runs nothing', async () => {
		const sandbox = await startSandbox({ webhookRetryDelaysMs: [20, 20] });
		let proxy: Server | undefined;
		try {
			trigger.credentials = { apiKey: sandbox.apiKey, apiUrl: sandbox.url };
			trigger.savedStaticData = {};
			const n8nUrl = new URL(endpoint.productionUrl);
			// Forwards every request to n8n; the first answer for each message never reaches Seam.
			const answered = new Set<string>();
			proxy = createServer((req, res) => {
				const chunks: Buffer[] = [];
				req.on('data', (chunk: Buffer) => chunks.push(chunk));
				req.on('end', () => {
					const upstream = httpRequest(
						n8nUrl,
						{ method: 'POST', headers: req.headers },
						(answer) => {
							const messageId = String(req.headers['svix-id']);
							if (!answered.has(messageId)) {
								answered.add(messageId);
								answer.resume();
								res.socket?.destroy();
								return;
							}
							res.writeHead(answer.statusCode ?? 502, answer.headers);
							answer.pipe(res);
						},
					);
					upstream.end(Buffer.concat(chunks));
				});
			});
			await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
			trigger.n8nBaseUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
			await trigger.activate();

			const event = sandbox.emitEvent('lock.unlocked');
			await sandbox.flushDeliveries();
			await endpoint.settled();
			expect(sandbox.deliveries.map((attempt) => attempt.status)).toEqual(['network_error', 200]);
			expect(endpoint.answers).toEqual([STARTED, REPEAT]);
			expect(endpoint.executions).toEqual([[event]]);
		} finally {
			proxy?.closeAllConnections();
			await new Promise((resolve) => proxy?.close(resolve) ?? resolve(undefined));
			await sandbox.close();
		}
	});
});
