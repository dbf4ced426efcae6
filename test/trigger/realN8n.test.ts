/**
 * Both triggers in a real n8n, 2.x and 1.x (`n8n start`, the packed package installed as a
 * community node), against the local sandbox, which delivers signed webhooks like Seam: activation
 * registers exactly one webhook, a Seam delivery starts an execution whose trigger output is the
 * event, a forged delivery gets 401 (a body that gives no reason) and starts nothing, so does one
 * with a repeated svix-timestamp header, the same delivery twice starts one execution (after an
 * n8n restart too),
 * deactivation removes the webhook, and the polling trigger picks up a new event on its
 * schedule. Slow (n8n starts, polls every minute): skipped with N8N_E2E=0, like the end-to-end
 * suite whose helpers it uses.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';

import { listSeamWebhooks, seamWebhooksOnceSettled } from '../e2e/seamQueries';
import { EXAMPLE_CREDENTIAL, seamCredential } from '../harness/examples';
import { N8nHome } from '../harness/n8nHome';
import { N8nInstance } from '../harness/n8nInstance';
import { packPackage } from '../harness/packPackage';
import { freePort } from '../harness/ports';
import { provisionN8n } from '../harness/provision';
import { nodeOutput, type ExecutionData, type Json } from '../harness/runData';
import { N8N_1, N8N_2, nodeLabel, type N8nTarget } from '../harness/targets';
import { startSandbox, type Sandbox } from '../sandbox';
import { postWithRepeatedHeader } from './helpers/rawPost';
import { loadReferences, type References } from './helpers/svixReference';

const MINUTE = 60_000;
const run = process.env.N8N_E2E === '0' ? describe.skip : describe;

const WEBHOOK_WORKFLOW = 'seamTriggerE2e01';
const POLLING_WORKFLOW = 'seamPollingE2e01';
const WEBHOOK_ID = randomUUID();

function triggerWorkflow(id: string, name: string, node: Json): Json {
	return {
		id,
		name,
		nodes: [
			{
				id: randomUUID(),
				position: [0, 0],
				typeVersion: 1,
				credentials: { seamApi: { id: EXAMPLE_CREDENTIAL.id, name: EXAMPLE_CREDENTIAL.name } },
				...node,
			},
		],
		connections: {},
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function describeTriggersIn(target: N8nTarget): void {
	run(`the Seam triggers in a real n8n ${target.n8nVersion} on ${nodeLabel(target)}`, () => {
		let sandbox: Sandbox;
		let home: N8nHome;
		let n8n: N8nInstance;
		let references: References;
		let port: number;

		/** Webhooks on the sandbox, through Seam's API as any client sees them. */
		const listWebhooks = () => listSeamWebhooks(sandbox.url, sandbox.apiKey);

		beforeAll(async () => {
			references = await loadReferences();
			const runtime = await provisionN8n(target);
			sandbox = await startSandbox({ webhookRetryDelaysMs: [] });
			home = N8nHome.create(runtime);
			const tarball = await packPackage(mkdtempSync(path.join(home.userFolder, 'pack-')));
			await home.installPackage(tarball);
			await home.importCredentials([seamCredential(sandbox.url, sandbox.apiKey)]);
			await home.importWorkflows([
				triggerWorkflow(WEBHOOK_WORKFLOW, 'Seam Trigger e2e', {
					name: 'Seam Trigger',
					type: 'n8n-nodes-seam.seamTrigger',
					webhookId: WEBHOOK_ID,
					parameters: { events: ['lock.unlocked', 'access_method.issued'] },
				}),
				triggerWorkflow(POLLING_WORKFLOW, 'Seam Polling Trigger e2e', {
					name: 'Seam Polling Trigger',
					type: 'n8n-nodes-seam.seamPollingTrigger',
					parameters: {
						pollTimes: { item: [{ mode: 'everyMinute' }] },
						events: ['lock.access_denied'],
					},
				}),
			]);
			port = await freePort();
			n8n = await N8nInstance.start(home, { port });
			await n8n.setupOwner();
		}, 60 * MINUTE);

		afterAll(async () => {
			await n8n?.stop();
			await sandbox?.close();
			home?.remove();
		});

		/** n8n 2.x registers and removes webhooks after answering the API call; 1.x before. */
		const webhooksOnceSettled = (count: number) =>
			seamWebhooksOnceSettled(sandbox.url, sandbox.apiKey, count, 30_000);

		const executionIds = async (workflowId: string) =>
			(await n8n.executions(workflowId)).map((execution) => execution.id);

		/** A delivery as Seam's Svix sends it, signed now with the registered webhook's secret. */
		const signedDelivery = async (
			event: Json,
			messageId = `msg_${randomUUID().replace(/-/g, '')}`,
		) => {
			const [webhook] = await listWebhooks();
			const body = JSON.stringify(event);
			const at = new Date();
			return {
				messageId,
				body,
				headers: {
					'svix-id': messageId,
					'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
					'svix-signature': references.sign(webhook.secret, messageId, at, body),
				},
			};
		};

		const lockUnlocked = (): Json => ({
			event_id: randomUUID(),
			event_type: 'lock.unlocked',
			workspace_id: randomUUID(),
			device_id: randomUUID(),
			created_at: new Date().toISOString(),
			occurred_at: new Date().toISOString(),
		});

		/** Nothing new after a while: n8n starts webhook executions right after answering. */
		const noNewExecution = async (known: string[]) => {
			await new Promise((resolve) => setTimeout(resolve, 3000));
			expect(await executionIds(WEBHOOK_WORKFLOW)).toEqual(known);
		};

		const REPEAT = { received: true, ignored: 'duplicate' };
		/** Whatever was refused and why, the answer is this and only this. */
		const expectGeneric401 = (response: { status: number; text: string }) => {
			expect(response.status).toBe(401);
			expect(JSON.parse(response.text)).toEqual({ error: 'unauthorized' });
			expect(response.text).not.toMatch(/signature|stale|timestamp|header|reason/i);
		};

		/** A delivery that started an execution, replayed after the restart. */
		let retried: { event: Json; messageId: string } | undefined;

		test(
			"activation registers one webhook at the node's production URL; a Seam delivery starts an execution",
			async () => {
				await n8n.activate(WEBHOOK_WORKFLOW);
				const webhooks = await webhooksOnceSettled(1);
				expect(webhooks).toHaveLength(1);
				expect(webhooks[0].url).toBe(n8n.webhookUrl(`${WEBHOOK_ID}/webhook`));
				expect(webhooks[0].event_types.sort()).toEqual(['access_method.issued', 'lock.unlocked']);

				const event = sandbox.emitEvent('lock.unlocked');
				await sandbox.flushDeliveries(30_000);
				expect(sandbox.deliveries.map((delivery) => delivery.status)).toEqual([200]);
				const execution: ExecutionData = await n8n.waitForExecution(WEBHOOK_WORKFLOW);
				expect(nodeOutput(execution, 'Seam Trigger')).toEqual([event]);
			},
			5 * MINUTE,
		);

		test(
			'a forged or stale delivery gets 401 and starts nothing',
			async () => {
				const known = await executionIds(WEBHOOK_WORKFLOW);
				const [webhook] = await listWebhooks();
				const body = JSON.stringify({ event_id: randomUUID(), event_type: 'lock.unlocked' });
				const at = new Date(Date.now() - 10 * MINUTE);
				const stale = {
					'svix-id': 'msg_stale',
					'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
					'svix-signature': references.sign(webhook.secret, 'msg_stale', at, body),
				};
				const forged = { ...stale, 'svix-timestamp': String(Math.floor(Date.now() / 1000)) };
				for (const headers of [{}, stale, forged]) {
					const response = await n8n.callWebhook(`${WEBHOOK_ID}/webhook`, { body, headers });
					expectGeneric401(response);
				}
				await noNewExecution(known);
			},
			5 * MINUTE,
		);

		test(
			'a delivery with its svix-timestamp header sent twice gets 401 and starts nothing',
			async () => {
				const known = await executionIds(WEBHOOK_WORKFLOW);
				const delivery = await signedDelivery(lockUnlocked());
				const timestamp = delivery.headers['svix-timestamp'];
				for (const values of [
					[timestamp, timestamp],
					[timestamp, String(Number(timestamp) - 1)],
				]) {
					const response = await postWithRepeatedHeader(
						n8n.webhookUrl(`${WEBHOOK_ID}/webhook`),
						delivery.body,
						delivery.headers,
						{ name: 'svix-timestamp', values },
					);
					expectGeneric401(response);
				}
				await noNewExecution(known);
				// The same delivery with the header once is accepted: only the repetition was refused.
				const once = await n8n.callWebhook(`${WEBHOOK_ID}/webhook`, {
					body: delivery.body,
					headers: delivery.headers,
				});
				expect(once.status).toBe(200);
				await n8n.waitForExecution(WEBHOOK_WORKFLOW, { known });
			},
			5 * MINUTE,
		);

		test(
			'the same signed delivery twice (a Svix retry) starts one execution; the same event under a new svix-id none',
			async () => {
				const known = await executionIds(WEBHOOK_WORKFLOW);
				const event = lockUnlocked();
				const first = await signedDelivery(event);
				const answers = [];
				answers.push(
					await n8n.callWebhook(`${WEBHOOK_ID}/webhook`, {
						body: first.body,
						headers: first.headers,
					}),
				);
				const execution = await n8n.waitForExecution(WEBHOOK_WORKFLOW, { known });
				expect(nodeOutput(execution, 'Seam Trigger')).toEqual([event]);
				const afterFirst = await executionIds(WEBHOOK_WORKFLOW);

				// Svix retries with the same svix-id, signed again; a proxy repeats the request as is.
				const retry = await signedDelivery(event, first.messageId);
				for (const again of [retry, first, await signedDelivery(event)]) {
					answers.push(
						await n8n.callWebhook(`${WEBHOOK_ID}/webhook`, {
							body: again.body,
							headers: again.headers,
						}),
					);
				}
				expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
				expect(answers.slice(1).map((answer) => answer.json())).toEqual([REPEAT, REPEAT, REPEAT]);
				await noNewExecution(afterFirst);
				retried = { event, messageId: first.messageId };
			},
			5 * MINUTE,
		);

		/**
		 * n8n 1.x saves the static data a webhook call changed. n8n 2.41.1 does not when the call
		 * starts an execution (its WorkflowRunner builds a second Workflow over the same static-data
		 * object, and n8n-workflow's ObservableObject.create resets the __dataChanged flag), but it
		 * saves what changes during the run: the Seam Trigger writes its memory again there. So on
		 * both versions the memory survives a restart.
		 */
		test(
			'n8n restarted: the same delivery still starts nothing (the memory was saved), a new one runs',
			async () => {
				expect(retried).toBeDefined();
				await n8n.stop();
				n8n = await N8nInstance.start(home, { port });
				await n8n.login();
				const known = await executionIds(WEBHOOK_WORKFLOW);

				const retry = await signedDelivery(retried!.event, retried!.messageId);
				const response = await n8n.callWebhook(`${WEBHOOK_ID}/webhook`, {
					body: retry.body,
					headers: retry.headers,
				});
				expect(response.status).toBe(200);
				expect(response.json()).toEqual(REPEAT);
				// The same event under a new Svix message id is a repeat too.
				const sameEvent = await signedDelivery(retried!.event);
				const again = await n8n.callWebhook(`${WEBHOOK_ID}/webhook`, {
					body: sameEvent.body,
					headers: sameEvent.headers,
				});
				expect(again.json()).toEqual(REPEAT);
				await noNewExecution(known);

				// The webhook works after the restart: a new event starts an execution.
				const event = sandbox.emitEvent('lock.unlocked');
				await sandbox.flushDeliveries(30_000);
				const execution = await n8n.waitForExecution(WEBHOOK_WORKFLOW, { known });
				expect(nodeOutput(execution, 'Seam Trigger')).toEqual([event]);
			},
			5 * MINUTE,
		);

		test(
			'deactivate, activate again: the webhook goes, then exactly one comes back',
			async () => {
				const [first] = await listWebhooks();
				await n8n.deactivate(WEBHOOK_WORKFLOW);
				expect(await webhooksOnceSettled(0)).toEqual([]);
				await n8n.activate(WEBHOOK_WORKFLOW);
				const again = await webhooksOnceSettled(1);
				expect(again).toHaveLength(1);
				expect(again[0].webhook_id).not.toBe(first.webhook_id);
				// Settled: no second registration arrives late.
				await new Promise((resolve) => setTimeout(resolve, 2000));
				expect(await listWebhooks()).toEqual(again);
				await n8n.deactivate(WEBHOOK_WORKFLOW);
				expect(await webhooksOnceSettled(0)).toEqual([]);
			},
			5 * MINUTE,
		);

		test(
			'the polling trigger: nothing from before activation, then each new event once',
			async () => {
				sandbox.emitEvent('lock.access_denied'); // before activation
				await n8n.activate(POLLING_WORKFLOW);
				await new Promise((resolve) => setTimeout(resolve, 3000)); // the activation poll
				const event = sandbox.emitEvent('lock.access_denied');
				const execution = await n8n.waitForExecution(POLLING_WORKFLOW, { timeoutMs: 3 * MINUTE });
				expect(nodeOutput(execution, 'Seam Polling Trigger')).toEqual([event]);
				await n8n.deactivate(POLLING_WORKFLOW);
				expect((await n8n.executions(POLLING_WORKFLOW)).length).toBe(1);
			},
			6 * MINUTE,
		);

		test('n8n printed no API key and no webhook secret, and no error about the trigger nodes', async () => {
			const output = n8n.output();
			expect(output).not.toContain(sandbox.apiKey);
			expect(output).not.toMatch(/whsec_/);
			expect(output).not.toMatch(/No webhook path could be found|Could not remove webhooks/);
			expect(sandbox.contractViolations).toEqual([]);
		});
	});
}

describeTriggersIn(N8N_2);
describeTriggersIn(N8N_1);
