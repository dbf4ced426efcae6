import { randomUUID } from 'node:crypto';

import { seamCredential } from '../../test/harness/examples';
import { N8nHome } from '../../test/harness/n8nHome';
import { N8nInstance } from '../../test/harness/n8nInstance';
import type { N8nRuntime } from '../../test/harness/provision';
import { QueueCluster } from '../../test/queue/cluster';
import { deliverAndCountRuns, type LoadFigures } from '../../test/queue/deliveryLoad';
import { seamTriggerWorkflow } from '../../test/queue/workflows';
import { installJestExpect } from './jestExpect';
import { sleep } from './stats';
import type { BenchTarget } from './target';

// The two runs the queue-mode row compares: the same signed Seam deliveries to a Seam Trigger
// workflow on one n8n in regular mode (SQLite, executions in its one process) and on a
// queue-mode cluster (test/queue/cluster.ts: PostgreSQL, Redis, main, workers, a webhook
// processor). Each run starts what it needs and stops it again whatever happens, so only one of
// them holds the machine's two cores at a time.

export interface LoadRun {
	/** How many new deliveries (every tenth also sent twice at once, as a proxy repeats it). */
	count: number;
	/** Deliveries in flight at once. */
	concurrency: number;
	runtime: N8nRuntime;
	/** The packed package, installed into every n8n process's nodes folder. */
	tarball: string;
	/** The sandbox the Seam Trigger registers its webhook with. */
	target: BenchTarget;
	log(message: string): void;
}

const WORKFLOW_ID = 'seamTriggerBench';

/** Activation registers the webhook after answering: its secret, once it is there. */
async function registeredSecret(target: BenchTarget, url: string): Promise<string> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const mine = (await target.seam.webhooks.list()).filter((webhook) => webhook.url === url);
		if (mine.length > 1) throw new Error(`${mine.length} webhooks registered at ${url}, not 1`);
		if (mine[0]?.secret) return mine[0].secret;
		if (Date.now() > deadline) throw new Error(`No webhook registered at ${url} within 60 s`);
		await sleep(250);
	}
}

function triggerWorkflow() {
	const webhookId = randomUUID();
	return {
		webhookId,
		workflow: seamTriggerWorkflow(WORKFLOW_ID, webhookId, ['lock.unlocked']),
	};
}

/** One n8n (`n8n start`, regular mode, SQLite): the baseline. */
export async function singleInstanceLoad(run: LoadRun): Promise<LoadFigures> {
	installJestExpect();
	const { webhookId, workflow } = triggerWorkflow();
	const home = N8nHome.create(run.runtime);
	let n8n: N8nInstance | undefined;
	try {
		await home.installPackage(run.tarball);
		await home.importCredentials([
			seamCredential(run.target.credentials.apiUrl, run.target.credentials.apiKey),
		]);
		await home.importWorkflows([workflow]);
		n8n = await N8nInstance.start(home);
		await n8n.setupOwner();
		await n8n.activate(WORKFLOW_ID);
		const url = n8n.webhookUrl(`${webhookId}/webhook`);
		run.log(`one n8n ready at ${n8n.url}, Seam Trigger active: sending ${run.count} deliveries …`);
		return await deliverAndCountRuns(
			{
				n8n,
				url,
				secret: await registeredSecret(run.target, url),
				workflowId: WORKFLOW_ID,
				executionsBefore: 0,
			},
			run.count,
			{ concurrency: run.concurrency, log: run.log },
		);
	} finally {
		await n8n?.stop();
		home.remove();
	}
}

/** Queue mode: main (activation, API), `workers` workers, one webhook processor. */
export async function queueModeLoad(run: LoadRun & { workers: number }): Promise<LoadFigures> {
	installJestExpect();
	const { webhookId, workflow } = triggerWorkflow();
	const cluster = await QueueCluster.start({
		runtime: run.runtime,
		tarball: run.tarball,
		workers: run.workers,
		log: run.log,
	});
	try {
		await cluster.main.setupOwner();
		await cluster.main.home.importCredentials([
			seamCredential(run.target.credentials.apiUrl, run.target.credentials.apiKey),
		]);
		await cluster.main.home.importWorkflows([workflow]);
		await cluster.main.activate(WORKFLOW_ID);
		const url = cluster.webhookUrl(`${webhookId}/webhook`);
		run.log(
			`Seam Trigger active on main: sending ${run.count} deliveries to the webhook processor …`,
		);
		return await deliverAndCountRuns(
			{
				n8n: cluster.main,
				url,
				secret: await registeredSecret(run.target, url),
				workflowId: WORKFLOW_ID,
				executionsBefore: 0,
				workers: cluster.workers,
			},
			run.count,
			{ concurrency: run.concurrency, log: run.log },
		);
	} finally {
		// N8N_QUEUE_KEEP_LOGS=1 keeps every process's log for reading, as in the queue suite.
		const keepLogs = process.env.N8N_QUEUE_KEEP_LOGS === '1';
		await cluster.stop({ keepLogs });
		if (keepLogs) run.log(`queue-mode logs kept in ${cluster.logDir}`);
	}
}
