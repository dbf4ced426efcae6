/**
 * The seed examples and the stay templates in n8n's queue mode: PostgreSQL, Redis, an n8n main,
 * two workers and a webhook processor (test/queue/cluster.ts), the packed package in every
 * process, the local Seam sandbox in this process. Each runs on a worker with the results the
 * single-instance suite (test/e2e) checks, by the same code:
 *
 * - 001 Salto KS, 003 Access Grant, 004 Latch, each started by a production webhook on the
 *   webhook processor instead of its Manual Trigger, checked by test/e2e/exampleChecks.ts.
 * - The stay templates (stay-pms-webhook, stay-end, stay-pin-issued-email, with a real SMTP
 *   server and a second, slow-lock sandbox) and the sync templates (stay-sync-ical for Airbnb,
 *   Booking.com and Vrbo, dry run, broken feeds; stay-sync-pms-list), by the single-instance
 *   suite's own fixtures (test/e2e/stays.ts, staySync.ts) pointed at the cluster: workflows
 *   imported through main's user folder, activated on main (the Seam Trigger registers the
 *   processor's URL, the Schedule Triggers fire on main), every PMS call posted to the processor.
 *
 * Then: every execution the cluster saved ran on a worker, and no process printed a secret.
 */

import {
	expectAccessGrantResults,
	expectLatchResults,
	expectSaltoKsResults,
} from '../e2e/exampleChecks';
import { stayFixtures } from '../e2e/stays';
import { staySyncFixtures } from '../e2e/staySync';
import { EXAMPLES, loadExample, seamCredential } from '../harness/examples';
import type { N8nInstance } from '../harness/n8nInstance';
import type { ExecutionData } from '../harness/runData';
import { N8N_2 } from '../harness/targets';
import { startSandbox, type Sandbox } from '../sandbox';
import type { QueueCluster } from './cluster';
import { type PackedCluster, startPackedCluster } from './packedCluster';
import { clusterAsOneN8n } from './clusterFront';
import { exampleStartedByWebhook } from './workflows';

const MINUTE = 60_000;
const RUN_TIMEOUT = 5 * MINUTE;
const log = (message: string) =>
	process.stderr.write(`[n8n-queue ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

interface SeedFlow {
	title: string;
	file: string;
	/** The queue-mode copy: its own id and webhook path. */
	id: string;
	path: string;
	check(execution: ExecutionData, sandbox: Sandbox, startedAt: number): Promise<void> | void;
}

const SEED_FLOWS: SeedFlow[] = [
	{
		title:
			'001 Salto KS: Jane joins several access groups and gets one 6-digit PIN for all their doors',
		file: EXAMPLES.saltoKs.file,
		id: 'seamSaltoKsQueue',
		path: 'queue-salto-ks',
		check: async (execution, sandbox) =>
			await expectSaltoKsResults(EXAMPLES.saltoKs.file, execution, sandbox),
	},
	{
		title:
			'004 Latch: one 7-digit PIN per chosen door, each opening exactly that door, for the same dates',
		file: EXAMPLES.latch.file,
		id: 'seamLatchQueue04',
		path: 'queue-latch',
		check: (execution, sandbox, startedAt) =>
			expectLatchResults(EXAMPLES.latch.file, execution, sandbox, startedAt),
	},
	{
		title:
			'003 Access Grant: Gina gets a PIN on the front door, sees its doors, then it is moved and revoked',
		file: EXAMPLES.accessGrant.file,
		id: 'seamGrantQueue03',
		path: 'queue-access-grant',
		check: async (execution, sandbox) => await expectAccessGrantResults(execution, sandbox),
	},
];

/** Every execution main's public API lists, of every workflow, every page. */
async function everyExecution(
	main: N8nInstance,
): Promise<Array<{ id: string; status: string; workflowId: string }>> {
	const all = [];
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ limit: '250' });
		if (cursor) query.set('cursor', cursor);
		const page = await main.publicApi<{
			data: Array<{ id: string; status: string; workflowId: string }>;
			nextCursor?: string | null;
		}>('GET', `/executions?${query}`);
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

/** The stay templates the fixtures run by their shipped ids. */
const STAY_TEMPLATES = [EXAMPLES.stayPms, EXAMPLES.stayPinIssued, EXAMPLES.stayEnd];

describe(`n8n ${N8N_2.n8nVersion} in queue mode: the seed examples and the stay templates run on the workers`, () => {
	let sandbox: Sandbox;
	let cluster: QueueCluster;
	let front: N8nInstance;
	let packed: PackedCluster | undefined;
	const world = {
		sandbox: () => sandbox,
		home: () => cluster.main.home,
		n8n: () => front,
	};
	const stays = stayFixtures(world);
	const staySync = staySyncFixtures(world);

	beforeAll(async () => {
		sandbox = await startSandbox();
		packed = await startPackedCluster(log);
		cluster = packed.cluster;
		front = clusterAsOneN8n(cluster);
		const home = cluster.main.home;
		await home.importCredentials([seamCredential(sandbox.url, sandbox.apiKey)]);
		await home.importWorkflows([
			...SEED_FLOWS.map((flow) => exampleStartedByWebhook(flow.file, flow.id, flow.path)),
			...STAY_TEMPLATES.map((template) => loadExample(template.file)),
		]);
		// The SMTP inbox, the slow-lock sandbox, the sync templates' feed and PMS servers, and
		// their credentials and workflow copies.
		await stays.setUp();
		await staySync.setUp();
		log('Credentials and workflows imported');
	}, 60 * MINUTE);

	afterAll(async () => {
		await packed?.stop();
		await stays.tearDown();
		await staySync.tearDown();
		await sandbox?.close();
	}, 5 * MINUTE);

	describe('the seed examples, each started by a production webhook on the webhook processor', () => {
		for (const flow of SEED_FLOWS) {
			test(
				`${flow.title}, on a worker`,
				async () => {
					await cluster.main.activate(flow.id);
					const startedAt = Date.now();
					const answer = await front.callWebhook(flow.path, { body: {} });
					expect(answer.status).toBe(200);
					const execution = await cluster.main.waitForExecution(flow.id, {
						timeoutMs: 3 * MINUTE,
					});
					await cluster.main.deactivate(flow.id);
					expect(cluster.workersThatRan(String(execution.id))).toHaveLength(1);
					// The single-instance suite's checks: the run succeeded, no API key in its data,
					// and Seam's state afterwards.
					await flow.check(execution, sandbox, startedAt);
				},
				RUN_TIMEOUT,
			);
		}
	});

	stays.describeStayTemplates();

	staySync.describeSyncTemplates();

	test(
		'every execution the cluster saved ran on exactly one worker',
		async () => {
			// Finished ones: a Seam event delivered late may still be starting a run.
			const executions = (await everyExecution(cluster.main)).filter(
				(execution) => !['new', 'running', 'waiting'].includes(execution.status),
			);
			const workflows = new Set(executions.map((execution) => execution.workflowId));
			log(
				`${executions.length} executions of ${workflows.size} workflows; by worker: ${cluster.workers
					.map(
						(worker) =>
							`${worker.name} ${executions.filter((execution) => cluster.workersThatRan(execution.id).includes(worker.name)).length}`,
					)
					.join(', ')}`,
			);
			// The three seed examples, the stay templates' runs and the sync templates' scheduled ones.
			expect(executions.length).toBeGreaterThan(30);
			expect([...workflows]).toEqual(
				expect.arrayContaining([
					...SEED_FLOWS.map((flow) => flow.id),
					...STAY_TEMPLATES.map((template) => template.id),
				]),
			);
			const ranOn = executions.map((execution) => ({
				id: execution.id,
				workers: cluster.workersThatRan(execution.id).length,
			}));
			expect(ranOn.filter((execution) => execution.workers !== 1)).toEqual([]);
		},
		RUN_TIMEOUT,
	);

	test('n8n printed no API key, no SMTP password, no webhook secret, and nothing about an unrecognized node type', () => {
		for (const [name, output] of Object.entries(cluster.outputs())) {
			for (const secret of [sandbox.apiKey, ...stays.secrets()]) {
				expect({ name, secret: output.includes(secret) }).toEqual({ name, secret: false });
			}
			expect({ name, webhookSecret: /whsec_/.test(output) }).toEqual({
				name,
				webhookSecret: false,
			});
			expect({ name, unrecognized: /Unrecognized node type/i.test(output) }).toEqual({
				name,
				unrecognized: false,
			});
		}
		expect(sandbox.contractViolations).toEqual([]);
		expect(stays.contractViolations()).toEqual([]);
	});
});
