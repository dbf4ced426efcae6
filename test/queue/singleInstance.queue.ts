/**
 * The baseline for the queue-mode figures: the same load (test/queue/deliveryLoad.ts) on one
 * n8n 2.41.1 in its default mode (`n8n start`, SQLite, executions in the main process), as the
 * end-to-end suite runs it, so that the two throughputs are measured the same way on the same
 * machine. Part of `npm run test:queue`, not of `npm test`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';

import { seamWebhooksOnceSettled } from '../e2e/seamQueries';
import { seamCredential } from '../harness/examples';
import { N8nHome } from '../harness/n8nHome';
import { N8nInstance } from '../harness/n8nInstance';
import { packPackage } from '../harness/packPackage';
import { provisionN8n } from '../harness/provision';
import { N8N_2 } from '../harness/targets';
import { startSandbox, type Sandbox } from '../sandbox';
import { deliverAndCountRuns } from './deliveryLoad';
import { seamTriggerWorkflow } from './workflows';

const MINUTE = 60_000;
const TRIGGER = { id: 'seamTriggerSingl', webhookId: randomUUID() };
const log = (message: string) =>
	process.stderr.write(`[n8n-single ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

describe(`one n8n ${N8N_2.n8nVersion} (regular mode, SQLite): the same deliveries, for comparison`, () => {
	let sandbox: Sandbox;
	let home: N8nHome;
	let n8n: N8nInstance;

	beforeAll(async () => {
		const runtime = await provisionN8n(N8N_2);
		sandbox = await startSandbox({ webhookRetryDelaysMs: [] });
		home = N8nHome.create(runtime);
		const tarball = await packPackage(mkdtempSync(path.join(home.userFolder, 'pack-')));
		await home.installPackage(tarball);
		await home.importCredentials([seamCredential(sandbox.url, sandbox.apiKey)]);
		await home.importWorkflows([
			seamTriggerWorkflow(TRIGGER.id, TRIGGER.webhookId, ['lock.unlocked']),
		]);
		n8n = await N8nInstance.start(home);
		await n8n.setupOwner();
	}, 60 * MINUTE);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		home?.remove();
	});

	test(
		'500 signed deliveries, 25 at a time: 500 successful executions, none for the repeats',
		async () => {
			await n8n.activate(TRIGGER.id);
			const webhooks = await seamWebhooksOnceSettled(sandbox.url, sandbox.apiKey, 1);
			expect(webhooks).toHaveLength(1);
			await deliverAndCountRuns(
				{
					n8n,
					url: n8n.webhookUrl(`${TRIGGER.webhookId}/webhook`),
					secret: webhooks[0].secret,
					workflowId: TRIGGER.id,
					executionsBefore: 0,
				},
				500,
				{ concurrency: 25, log },
			);
		},
		20 * MINUTE,
	);
});
