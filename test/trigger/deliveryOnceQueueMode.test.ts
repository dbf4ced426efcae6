/**
 * One run per event when the process that took the delivery cannot remember it, as in n8n's queue
 * mode: the webhook call saves no static data (n8n 2.x, for a call that starts a run), the worker
 * runs the job without the workflow's static data, a webhook processor restarts or a second one
 * takes the retry. The Seam Trigger's step in the run checks n8n's de-duplication store (here
 * n8n's own semantics in memory: helpers/deduplicationStore.ts), which every process shares.
 * In n8n-core's WebhookContext, ExecuteContext and WorkflowExecute.
 */
import { randomUUID } from 'node:crypto';

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { eventsRunOnce } from '../../nodes/Seam/trigger/eventsRunOnce';
import { SETTLE_MS } from '../../nodes/Seam/trigger/sharedRecord';
import type { SeamTrigger as SeamTriggerType } from '../../nodes/Seam/SeamTrigger.node';
import {
	installDeduplicationStore,
	type InMemoryDeduplicationStore,
} from './helpers/deduplicationStore';
import { TriggerUnderTest, WEBHOOK_TRIGGER_TYPE } from './helpers/n8nHarness';
import { recordNodeLogs, type NodeLogs } from './helpers/nodeLogs';
import { loadReferences, newSecret, type References } from './helpers/svixReference';
import { postDelivery, type SeamEvent, seamEvent, signedDelivery } from './helpers/signedDelivery';
import { type Delivery, WebhookEndpoint } from './helpers/webhookEndpoint';

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SECRET = newSecret();
const STARTED = { status: 200, body: { message: 'Workflow was started' } };
const REPEAT = { status: 200, body: { received: true, ignored: 'duplicate' } };
const STOPPED = 'Seam Trigger stopped a run: an earlier run already passed its event on';

let references: References;
let store: InMemoryDeduplicationStore;
let trigger: TriggerUnderTest;
let endpoint: WebhookEndpoint;
let logs: NodeLogs;

const delivery = (event: SeamEvent, messageId?: string) =>
	signedDelivery(references, SECRET, event, { messageId });
const post = (sent: Delivery) => postDelivery(endpoint, sent);

/** The events runs passed on to the rest of the workflow, one per run that did. */
const passedOn = () =>
	endpoint.executions.filter((run) => run.length > 0).map((run) => run[0].event_id);

/** A webhook processor: the node's module loaded in a process of its own (its own memory). */
function newProcess(): SeamTriggerType {
	let node: SeamTriggerType | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { SeamTrigger } = require('../../nodes/Seam/SeamTrigger.node') as {
			SeamTrigger: typeof SeamTriggerType;
		};
		node = new SeamTrigger();
	});
	return node!;
}

/** Deliveries from now on reach `process` (a restarted processor, or another one). */
function handledBy(process: SeamTriggerType): void {
	trigger.nodeTypes.types[WEBHOOK_TRIGGER_TYPE] = process;
}

/**
 * Whether a row of the store is this test's node's: the processes of earlier tests may still be
 * checking their own rows (each node has its own).
 */
const isThisTestsRow = (rowKey: string) => rowKey.endsWith(`|n:${trigger.node.id}`);
const storedEventIds = () =>
	[...store.rows.entries()].filter(([rowKey]) => isThisTestsRow(rowKey)).flatMap(([, row]) => row);

beforeAll(async () => {
	references = await loadReferences();
	store = await installDeduplicationStore();
});

beforeEach(async () => {
	store.rows.clear();
	store.afterWrite = undefined;
	store.failure = undefined;
	logs = recordNodeLogs();
	trigger = new TriggerUnderTest({
		type: WEBHOOK_TRIGGER_TYPE,
		parameters: { events: ['lock.unlocked'] },
		credentials: { apiKey: 'seam_test_unused', apiUrl: 'http://127.0.0.1:9' },
	});
	trigger.node.id = randomUUID();
	endpoint = await WebhookEndpoint.start(trigger);
	// n8n 2.x in queue mode.
	endpoint.savesStaticDataOfRunStartingCalls = false;
	endpoint.runsWithoutStaticData = true;
	const webhookId = randomUUID();
	trigger.savedStaticData = {
		[`node:${trigger.node.name}`]: {
			seamWebhook: { webhookId, secret: SECRET, url: `https://n8n.example/webhook/${webhookId}` },
		},
	};
	handledBy(newProcess());
});

afterEach(async () => {
	await endpoint.close();
	logs.restore();
});

describe('a repeat the webhook processor cannot recognise starts a run that stops at the trigger', () => {
	test("the processor restarted: Svix's retry runs nothing after the trigger", async () => {
		const event = seamEvent();
		const first = delivery(event);
		expect(await post(first)).toEqual(STARTED);
		// Nothing was saved where a new process could read it: only n8n's shared store knows.
		expect(trigger.nodeStaticData.recentDeliveries).toBeUndefined();
		expect(storedEventIds()).toEqual([event.event_id]);

		handledBy(newProcess());
		expect(await post(delivery(event, first.messageId))).toEqual(STARTED);
		expect(endpoint.executions).toHaveLength(2);
		expect(passedOn()).toEqual([event.event_id]);
		expect(logs.lines).toContainEqual(
			expect.objectContaining({
				level: 'info',
				message: STOPPED,
				meta: expect.objectContaining({ eventIds: [event.event_id] }),
			}),
		);
	});

	test('a second webhook processor gets the same event under a new message id', async () => {
		const [processorA, processorB] = [newProcess(), newProcess()];
		const event = seamEvent();
		handledBy(processorA);
		expect(await post(delivery(event))).toEqual(STARTED);
		handledBy(processorB);
		expect(await post(delivery(event))).toEqual(STARTED);
		// The first processor still remembers it by itself: no run at all.
		handledBy(processorA);
		expect(await post(delivery(event))).toEqual(REPEAT);
		expect(passedOn()).toEqual([event.event_id]);
	});

	test('new events in between each pass on once', async () => {
		const events = [seamEvent(), seamEvent(), seamEvent()];
		for (const event of events) expect(await post(delivery(event))).toEqual(STARTED);
		handledBy(newProcess());
		for (const event of events) expect(await post(delivery(event))).toEqual(STARTED);
		const later = seamEvent();
		expect(await post(delivery(later))).toEqual(STARTED);
		expect(passedOn()).toEqual([...events, later].map((event) => event.event_id));
	});
});

describe("n8n's store has no lock", () => {
	test('two events at once in one process: both recorded, none dropped by the other', async () => {
		const [a, b] = [seamEvent(), seamEvent()];
		expect(await Promise.all([post(delivery(a)), post(delivery(b))])).toEqual([STARTED, STARTED]);
		expect(storedEventIds().sort()).toEqual([a.event_id, b.event_id].sort());
	});

	/** The next write of the row (by anyone) is another process's, made from a copy read earlier. */
	function anotherProcessWritesItsCopy(copy: string[]) {
		let done = false;
		store.afterWrite = (rowKey) => {
			if (done || !isThisTestsRow(rowKey)) return;
			done = true;
			store.rows.set(rowKey, copy);
		};
	}

	test("another process's write drops this run's record: this process's next record adds it again", async () => {
		const [a, b] = [seamEvent(), seamEvent()];
		const other = seamEvent().event_id;
		anotherProcessWritesItsCopy([other]);
		expect(await post(delivery(a))).toEqual(STARTED);
		expect(storedEventIds()).toEqual([other]);
		expect(await post(delivery(b))).toEqual(STARTED);
		expect(storedEventIds().sort()).toEqual([a.event_id, b.event_id, other].sort());
	});

	test(`after its last record, the process checks again once ${SETTLE_MS} ms have passed`, async () => {
		const event = seamEvent();
		const other = seamEvent().event_id;
		anotherProcessWritesItsCopy([other]);
		expect(await post(delivery(event))).toEqual(STARTED);
		expect(storedEventIds()).toEqual([other]);
		await sleep(SETTLE_MS + 500);
		expect(storedEventIds().sort()).toEqual([event.event_id, other].sort());

		handledBy(newProcess());
		expect(await post(delivery(event))).toEqual(STARTED);
		expect(passedOn()).toEqual([event.event_id]);
	});
});

describe('records made together', () => {
	test('runs that ask at once are recorded in one write; an event two of them carry runs once', async () => {
		const recorded = new Set<string>();
		const checkProcessedAndRecord = jest.fn(async (ids: string[]) => {
			await sleep(20);
			const fresh = ids.filter((id) => !recorded.has(id));
			fresh.forEach((id) => recorded.add(id));
			return { new: fresh, processed: ids.filter((id) => !fresh.includes(id)) };
		});
		const workflowId = `wf-${randomUUID()}`;
		const context = {
			getMode: () => 'webhook',
			getWorkflow: () => ({ id: workflowId }),
			getNode: () => ({ id: 'node', name: 'Seam Trigger' }),
			logger: { warn: jest.fn() },
			helpers: { checkProcessedAndRecord },
		} as unknown as IExecuteFunctions;
		const run = (eventId: string) => eventsRunOnce(context, [{ json: { event_id: eventId } }]);

		const results = await Promise.all(['evt-a', 'evt-b', 'evt-b', 'evt-c'].map(run));
		expect(results.map((result) => result.items.length)).toEqual([1, 1, 0, 1]);
		expect(results[2].alreadyRun).toEqual(['evt-b']);
		expect(checkProcessedAndRecord).toHaveBeenCalledTimes(1);
		expect(checkProcessedAndRecord.mock.calls[0][0]).toEqual(['evt-a', 'evt-b', 'evt-c']);
	});
});

describe('when the store cannot be used, the event runs and the log says why', () => {
	test("the database failing: the run passes the event on, n8n's log names the failure", async () => {
		const down = new Error('connect ECONNREFUSED 127.0.0.1:5432');
		store.failure = (rowKey) => (isThisTestsRow(rowKey) ? down : undefined);
		const event = seamEvent();
		expect(await post(delivery(event))).toEqual(STARTED);
		expect(passedOn()).toEqual([event.event_id]);
		expect(logs.messages('warn')).toEqual([
			"Seam Trigger could not check n8n's de-duplication store, so the events run without that check: connect ECONNREFUSED 127.0.0.1:5432",
		]);
	});
});

describe('runs the user starts again are not checked', () => {
	const items: INodeExecutionData[] = [
		{ json: { event_id: 'evt-1', event_type: 'lock.unlocked' } },
	];

	function context(mode: string, withStore = true) {
		const checkProcessedAndRecord = jest.fn(async () => ({ new: [], processed: ['evt-1'] }));
		const fake = {
			getMode: () => mode,
			getWorkflow: () => ({ id: 'wf' }),
			getNode: () => ({ id: 'node', name: 'Seam Trigger' }),
			logger: { warn: jest.fn() },
			helpers: withStore ? { checkProcessedAndRecord } : {},
		};
		return { fake: fake as unknown as IExecuteFunctions, checkProcessedAndRecord };
	}

	test.each(['retry', 'manual'])(
		'an execution run in mode "%s" passes its events on',
		async (mode) => {
			const { fake, checkProcessedAndRecord } = context(mode);
			expect(await eventsRunOnce(fake, items)).toEqual({ items, alreadyRun: [] });
			expect(checkProcessedAndRecord).not.toHaveBeenCalled();
		},
	);

	test('the run a delivery started is checked', async () => {
		const { fake, checkProcessedAndRecord } = context('webhook');
		expect(await eventsRunOnce(fake, items)).toEqual({ items: [], alreadyRun: ['evt-1'] });
		expect(checkProcessedAndRecord).toHaveBeenCalledWith(['evt-1'], 'node', {
			mode: 'entries',
			maxEntries: 1000,
		});
	});

	test('an n8n without the store passes the events on', async () => {
		const { fake } = context('webhook', false);
		expect(await eventsRunOnce(fake, items)).toEqual({ items, alreadyRun: [] });
	});
});
