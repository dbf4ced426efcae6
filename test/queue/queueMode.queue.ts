/**
 * The package in n8n's queue mode (`npm run test:queue`): PostgreSQL, Redis, an n8n main, two
 * workers and a webhook processor on this machine (test/queue/cluster.ts), the packed package in
 * every process's nodes folder, the local Seam sandbox in this process. Checks that the seed
 * example runs on a worker with the single-instance suite's results, that a Seam Trigger
 * activated on main registers one webhook, that signed deliveries sent many at a time to the
 * webhook processor give exactly one successful execution each, repeats included (after a
 * processor restart, the retries' runs pass no event on), that the polling trigger emits 10,000
 * events once each, and what a worker killed mid-run costs. One cluster for all: it takes a minute or two to start.
 * test/queue/README.md has the figures and what n8n guarantees.
 */
import { randomUUID } from 'node:crypto';

import { expectQuickStartResults } from '../e2e/exampleChecks';
import { listSeamWebhooks, seamWebhooksOnceSettled } from '../e2e/seamQueries';
import { EXAMPLES, seamCredential } from '../harness/examples';
import { N8N_2 } from '../harness/targets';
import { startSandbox, type Sandbox } from '../sandbox';
import type { QueueCluster } from './cluster';
import { type PackedCluster, startPackedCluster } from './packedCluster';
import { lockUnlockedEvent, newDelivery, sendDeliveries, type Delivery } from './deliveries';
import { allExecutions, firstItemOf, waitForFinishedExecutions } from './executions';
import { deliverAndCountRuns, REPEAT, SVIX_RETRIES_MS } from './deliveryLoad';
import { exampleStartedByWebhook, seamPollingWorkflow, seamTriggerWorkflow } from './workflows';

const MINUTE = 60_000;
const log = (message: string) =>
	process.stderr.write(`[n8n-queue ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const QUICK_START = { id: 'seamQuickStartQ1', path: 'queue-quick-start' };
const TRIGGER = { id: 'seamTriggerQueue', webhookId: randomUUID() };
/** Each execution waits on its worker, so that a worker killed mid-run has some in hand. */
const SLOW_TRIGGER = { id: 'seamSlowTriggerQ', webhookId: randomUUID(), waitSeconds: 4 };
const POLLING = { id: 'seamPollingQueue', events: 10_000 };
const CONCURRENCY = 25;

describe(`n8n ${N8N_2.n8nVersion} in queue mode: main, two workers, a webhook processor`, () => {
	let sandbox: Sandbox;
	let cluster: QueueCluster;
	let packed: PackedCluster | undefined;

	const listWebhooks = () => listSeamWebhooks(sandbox.url, sandbox.apiKey);
	const webhooksOnceSettled = (count: number) =>
		seamWebhooksOnceSettled(sandbox.url, sandbox.apiKey, count);

	/** POST to a production webhook on the processor, again while it is not registered yet. */
	const callProductionWebhook = async (webhookPath: string, body: unknown) => {
		const deadline = Date.now() + 60_000;
		for (;;) {
			const response = await fetch(cluster.webhookUrl(webhookPath), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			const text = await response.text();
			if (response.status !== 404 || Date.now() > deadline)
				return { status: response.status, text };
			await sleep(500);
		}
	};

	beforeAll(async () => {
		sandbox = await startSandbox({ webhookRetryDelaysMs: [] });
		packed = await startPackedCluster(log);
		cluster = packed.cluster;
		const home = cluster.main.home;
		await home.importCredentials([seamCredential(sandbox.url, sandbox.apiKey)]);
		await home.importWorkflows([
			exampleStartedByWebhook(EXAMPLES.quickStart.file, QUICK_START.id, QUICK_START.path),
			seamTriggerWorkflow(TRIGGER.id, TRIGGER.webhookId, ['lock.unlocked']),
			seamTriggerWorkflow(SLOW_TRIGGER.id, SLOW_TRIGGER.webhookId, ['lock.locked'], {
				waitSeconds: SLOW_TRIGGER.waitSeconds,
			}),
			seamPollingWorkflow(POLLING.id, ['lock.access_denied']),
		]);
		log('Credential and workflows imported');
	}, 60 * MINUTE);

	afterAll(async () => {
		await packed?.stop();
		await sandbox?.close();
	}, 5 * MINUTE);

	test('000 PIN code quick start runs on a worker: June gets a 6-digit PIN for the doors of Main Group', async () => {
		await cluster.main.activate(QUICK_START.id);
		const startedAt = Date.now();
		const answer = await callProductionWebhook(QUICK_START.path, {});
		expect(answer.status).toBe(200);
		const execution = await cluster.main.waitForExecution(QUICK_START.id, {
			timeoutMs: 3 * MINUTE,
		});
		await cluster.main.deactivate(QUICK_START.id);
		expect(cluster.workersThatRan(String(execution.id))).toHaveLength(1);
		// The single-instance suite's checks (test/e2e/exampleChecks.ts).
		await expectQuickStartResults(EXAMPLES.quickStart.file, execution, sandbox, startedAt);
	});

	test("activating the Seam Trigger on main registers exactly one webhook, at the webhook processor's URL", async () => {
		await cluster.main.activate(TRIGGER.id);
		const webhooks = await webhooksOnceSettled(1);
		expect(webhooks).toHaveLength(1);
		expect(webhooks[0].url).toBe(cluster.webhookUrl(`${TRIGGER.webhookId}/webhook`));
		expect(webhooks[0].event_types).toEqual(['lock.unlocked']);
		// Settled: no second registration arrives late (from a worker or the processor).
		await sleep(3000);
		expect(await listWebhooks()).toEqual(webhooks);
	});

	let executionsSoFar = 0;
	/** Every delivery that started a run, for the retries after a restart. */
	const delivered: Delivery[] = [];

	const deliverAndCount = async (count: number) => {
		const [webhook] = await listWebhooks();
		const run = await deliverAndCountRuns(
			{
				n8n: cluster.main,
				url: cluster.webhookUrl(`${TRIGGER.webhookId}/webhook`),
				secret: webhook.secret,
				workflowId: TRIGGER.id,
				executionsBefore: executionsSoFar,
				workers: cluster.workers,
			},
			count,
			{ concurrency: CONCURRENCY, log },
		);
		executionsSoFar += count;
		delivered.push(...run.fresh);
		return run;
	};

	test('50 signed deliveries, 25 at a time, to the webhook processor: 50 successful executions, none for the repeats', async () => {
		await deliverAndCount(50);
	});

	test('500 signed deliveries, 25 at a time: 500 successful executions, none for the repeats, on both workers', async () => {
		const { perWorker } = await deliverAndCount(500);
		// Both workers took part (the queue spreads the jobs).
		for (const worker of perWorker) expect(worker.ran).toBeGreaterThan(0);
	});

	/**
	 * In queue mode only the webhook processor's process remembers which deliveries ran: n8n 2.x
	 * saves no static data for a webhook call that starts a run, and a worker runs the job without
	 * the workflow's static data. A restarted processor therefore starts a run for each retry; the
	 * Seam Trigger's step in that run finds the event in n8n's de-duplication store (in
	 * PostgreSQL, shared by every process) and passes nothing on.
	 */
	test(
		"the webhook processor restarted: Svix's retries of every delivery that ran pass no event on again",
		async () => {
			await cluster.restart(cluster.webhookProcessor);
			const [webhook] = await listWebhooks();
			const url = cluster.webhookUrl(`${TRIGGER.webhookId}/webhook`);
			const retries = await sendDeliveries(url, webhook.secret, delivered, {
				concurrency: CONCURRENCY,
				retryDelaysMs: SVIX_RETRIES_MS,
			});
			expect(retries.filter((result) => result.status !== 200)).toEqual([]);
			const started = retries.filter((result) => result.text !== REPEAT).length;
			const executions = await waitForFinishedExecutions(
				cluster.main,
				TRIGGER.id,
				executionsSoFar + started,
				{ timeoutMs: 5 * MINUTE, settleMs: 5000 },
			);
			const withData = await allExecutions(cluster.main, TRIGGER.id, { includeData: true });
			const passedOn = new Map<string, number>();
			for (const execution of withData) {
				const eventId = firstItemOf(execution, 'Seam Trigger')?.event_id;
				if (eventId !== undefined)
					passedOn.set(String(eventId), (passedOn.get(String(eventId)) ?? 0) + 1);
			}
			const twice = delivered.filter((delivery) => passedOn.get(delivery.event.event_id) !== 1);
			log(
				`after the restart: ${delivered.length} retries, ${started} started a run (stopped at the trigger), ` +
					`${twice.length} events passed on other than once`,
			);
			expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
			expect(twice.map((delivery) => delivery.event.event_id)).toEqual([]);
			expect(executions).toHaveLength(executionsSoFar + started);
			executionsSoFar = executions.length;
		},
		10 * MINUTE,
	);

	test(
		`the polling trigger over ${POLLING.events} events: each one emitted exactly once`,
		async () => {
			sandbox.emitEvents(5, 'lock.access_denied'); // before activation: never emitted
			await cluster.main.activate(POLLING.id);
			// The activation poll (on main) sets the cursor to now; let it finish first.
			await sleep(10_000);
			const emitted = sandbox.emitEvents(POLLING.events, 'lock.access_denied');
			const wanted = new Set(emitted.map((event) => event.event_id));
			const started = Date.now();

			// One execution per poll that found events (at most 5,000 per poll, one poll a minute).
			const emittedOnce = new Map<string, number>();
			const deadline = Date.now() + 8 * MINUTE;
			let executions: Awaited<ReturnType<typeof allExecutions>> = [];
			while (Date.now() < deadline) {
				executions = await allExecutions(cluster.main, POLLING.id);
				const finished = executions.filter(
					(execution) => execution.status !== 'running' && execution.status !== 'new',
				);
				if (finished.length === executions.length && executions.length > 0) {
					const withData = await allExecutions(cluster.main, POLLING.id, { includeData: true });
					emittedOnce.clear();
					for (const execution of withData) {
						const items =
							execution.data?.resultData.runData['Seam Polling Trigger']?.[0]?.data?.main?.[0] ??
							[];
						for (const item of items) {
							const id = String(item.json.event_id);
							emittedOnce.set(id, (emittedOnce.get(id) ?? 0) + 1);
						}
					}
					if ([...wanted].every((id) => emittedOnce.has(id))) break;
				}
				await sleep(10_000);
			}
			await cluster.main.deactivate(POLLING.id);
			const polls = (await allExecutions(cluster.main, POLLING.id)).length;
			log(
				`Polling trigger: ${POLLING.events} events emitted in ${polls} executions after ${((Date.now() - started) / 1000).toFixed(0)} s`,
			);
			expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
			expect([...wanted].filter((id) => !emittedOnce.has(id))).toHaveLength(0);
			expect([...emittedOnce.values()].filter((times) => times !== 1)).toHaveLength(0);
			expect(emittedOnce.size).toBe(POLLING.events);
		},
		12 * MINUTE,
	);

	test(
		'a worker killed in the middle of a run: every accepted delivery has exactly one execution; those the worker held end as failed, none run twice',
		async () => {
			await cluster.main.activate(SLOW_TRIGGER.id);
			await webhooksOnceSettled(2);
			const webhook = (await listWebhooks()).find((candidate) =>
				candidate.event_types.includes('lock.locked'),
			)!;
			const url = cluster.webhookUrl(`${SLOW_TRIGGER.webhookId}/webhook`);
			const deliveries = Array.from({ length: 60 }, () =>
				newDelivery({ ...lockUnlockedEvent(), event_type: 'lock.locked' }),
			);
			const [victim, survivor] = cluster.workers;
			const startedOnVictim = () =>
				(victim.output().match(/Worker started execution/g) ?? []).length;
			const before = startedOnVictim();

			const sending = sendDeliveries(url, webhook.secret, deliveries, {
				concurrency: 10,
				retryDelaysMs: SVIX_RETRIES_MS,
			});
			// Kill it once it holds several runs (each waits SLOW_TRIGGER.waitSeconds).
			const deadline = Date.now() + 2 * MINUTE;
			while (startedOnVictim() - before < 5 && Date.now() < deadline) await sleep(100);
			const killedAt = Date.now();
			await cluster.kill(victim);
			const results = await sending;
			const accepted = results.filter((result) => result.status === 200);
			log(
				`worker-1 killed after it started ${startedOnVictim() - before} runs; ${accepted.length} of ${deliveries.length} deliveries accepted`,
			);

			// Bull notices the dead worker's jobs once their lock expires (30 s) and n8n marks them failed.
			const executions = await waitForFinishedExecutions(
				cluster.main,
				SLOW_TRIGGER.id,
				accepted.length,
				{
					timeoutMs: 5 * MINUTE,
					settleMs: 5000,
				},
			);
			const withData = await allExecutions(cluster.main, SLOW_TRIGGER.id, { includeData: true });
			const byEvent = new Map<string, string[]>();
			for (const execution of withData) {
				const eventId = String(firstItemOf(execution, 'Seam Trigger')?.event_id);
				byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), execution.status]);
			}
			const statuses: Record<string, number> = {};
			for (const { status } of executions) statuses[status] = (statuses[status] ?? 0) + 1;
			const lastFailureAt = Math.max(
				...executions
					.filter((e) => e.status !== 'success')
					.map((e) => Date.parse(e.stoppedAt ?? '') || 0),
			);
			log(
				`after the kill: ${JSON.stringify(statuses)} (${executions.length} executions for ${accepted.length} accepted deliveries); ` +
					`survivor ran ${(survivor.output().match(/Worker finished execution/g) ?? []).length} in all; ` +
					`failed runs marked ${lastFailureAt ? `${((lastFailureAt - killedAt) / 1000).toFixed(0)} s` : '—'} after the kill`,
			);
			// Nothing lost, nothing twice: as many executions as accepted deliveries, no event in two.
			// n8n keeps no event in the execution it marks failed after a worker died (its data is
			// replaced by the error), so those are counted, not matched.
			const without = byEvent.get('undefined') ?? [];
			byEvent.delete('undefined');
			log(`${without.length} failed executions carry no event (${JSON.stringify(without)})`);
			expect(executions).toHaveLength(accepted.length);
			expect([...byEvent.values()].filter((runs) => runs.length !== 1)).toEqual([]);
			const unmatched = accepted.filter((result) => !byEvent.has(result.delivery.event.event_id));
			expect(unmatched).toHaveLength(without.length);
			expect(without.filter((status) => status === 'success')).toEqual([]);
			// Only jobs the dead worker held (taken from the queue, at most its concurrency) failed,
			// and n8n ran none of them again: the survivor's log never names them.
			const failed = executions.filter((execution) => execution.status !== 'success');
			expect(failed.length).toBeGreaterThan(0);
			expect(failed.length).toBeLessThanOrEqual(10);
			const survivorLog = survivor.output();
			expect(
				failed.filter((execution) => survivorLog.includes(`execution ${execution.id} `)),
			).toEqual([]);
		},
		10 * MINUTE,
	);

	test('n8n printed no API key and no webhook secret, and nothing about an unrecognized node type', () => {
		for (const [name, output] of Object.entries(cluster.outputs())) {
			expect({ name, apiKey: output.includes(sandbox.apiKey) }).toEqual({ name, apiKey: false });
			expect({ name, secret: /whsec_/.test(output) }).toEqual({ name, secret: false });
			expect({ name, unrecognized: /Unrecognized node type/i.test(output) }).toEqual({
				name,
				unrecognized: false,
			});
		}
		expect(sandbox.contractViolations).toEqual([]);
	});
});
