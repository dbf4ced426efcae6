/**
 * A stand-in for n8n's production webhook endpoint, for the Seam Trigger: POST
 * /webhook/<webhookId>/webhook reads the raw body (as n8n's rawBodyReader does), parses JSON into
 * req.body, hands both to the node's webhook() through n8n-core's real WebhookContext, answers as
 * n8n does for responseMode "onReceived", and runs the workflow it starts with n8n-core's
 * WorkflowExecute. `invoke()` takes the same path without HTTP, for header shapes a socket cannot
 * carry (a header given as an array), and for a "Listen for test event" delivery.
 */
import {
	createServer,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

import { mock } from 'jest-mock-extended';
import { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } from 'n8n-core';
import type { IDataObject, IRun, IWebhookData, IWebhookResponseData } from 'n8n-workflow';
import { createRunExecutionData, ObservableObject } from 'n8n-workflow';

import type { TriggerUnderTest } from './n8nHarness';

export interface EndpointAnswer {
	status: number;
	body: unknown;
}

export interface Delivery {
	headers: Record<string, string | string[] | undefined>;
	/** The bytes as sent; undefined = no body was read (n8n did not parse one). */
	rawBody?: Buffer;
}

export interface InvokeOptions {
	/**
	 * A delivery to the test URL while the editor listens for a test event: n8n's TestWebhooks
	 * runs it in mode "manual" over a Workflow whose static data is {} plus, as test static data,
	 * what the listener's create() stored (TriggerUnderTest.listenForTestEvent()). n8n keeps that
	 * copy only with the test registration: it is changed in place here, never saved.
	 */
	testStaticData?: IDataObject;
}

/** The slice of express's Response the node and n8n use, on top of a real or recorded response. */
class ResponseAdapter {
	statusCode = 200;
	headersSent = false;
	answer?: EndpointAnswer;

	constructor(private readonly raw?: ServerResponse) {}

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	json(body: unknown): this {
		this.finish(body);
		return this;
	}

	send(body: unknown): this {
		this.finish(body);
		return this;
	}

	end(): this {
		this.finish(undefined);
		return this;
	}

	private finish(body: unknown): void {
		if (this.headersSent) throw new Error('The response was already sent');
		this.headersSent = true;
		this.answer = { status: this.statusCode, body };
		if (this.raw) {
			this.raw.writeHead(this.statusCode, { 'content-type': 'application/json' });
			this.raw.end(body === undefined ? '' : JSON.stringify(body));
		}
	}
}

export class WebhookEndpoint {
	/** Output items of every workflow run a delivery started. */
	readonly executions: IDataObject[][] = [];
	/** Every answer given, in order. */
	readonly answers: EndpointAnswer[] = [];
	/** Errors webhook() threw (n8n answers 500 and logs them). */
	readonly errors: Error[] = [];
	private pendingRuns: Array<Promise<void>> = [];
	/**
	 * Whether n8n saves the static data a production webhook call changed when the call starts a
	 * run: n8n 1.x does; n8n 2.x does not (preparing the run resets the changed flag). Both save
	 * static data that changed during the run itself.
	 */
	savesStaticDataOfRunStartingCalls = true;
	/**
	 * Queue mode: a worker runs a webhook-started job without the workflow's static data (the
	 * execution's copy of the workflow has none), and saves none of it.
	 */
	runsWithoutStaticData = false;

	private constructor(
		private readonly trigger: TriggerUnderTest,
		private readonly server?: ReturnType<typeof createServer>,
	) {}

	/** Listens on a random port and points the trigger's n8n base URL at it. */
	static async start(trigger: TriggerUnderTest): Promise<WebhookEndpoint> {
		let endpoint: WebhookEndpoint | undefined;
		const server = createServer((req, res) => void endpoint?.handleHttp(req, res));
		endpoint = new WebhookEndpoint(trigger, server);
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => resolve());
		});
		trigger.n8nBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		return endpoint;
	}

	/** Without a server: for invoke() only. */
	static offline(trigger: TriggerUnderTest): WebhookEndpoint {
		return new WebhookEndpoint(trigger);
	}

	/** The production URL n8n gives this node. */
	get productionUrl(): string {
		return `${this.trigger.n8nBaseUrl}/webhook/${this.trigger.node.webhookId}/webhook`;
	}

	async close(): Promise<void> {
		await this.settled();
		if (!this.server) return;
		await new Promise<void>((resolve) => {
			this.server!.close(() => resolve());
			this.server!.closeAllConnections();
		});
	}

	/** Waits for the workflow runs started so far. */
	async settled(): Promise<void> {
		while (this.pendingRuns.length > 0) {
			const runs = this.pendingRuns;
			this.pendingRuns = [];
			await Promise.all(runs);
		}
	}

	/** Delivers directly to webhook(), as n8n would after reading the request. */
	async invoke(delivery: Delivery, options: InvokeOptions = {}): Promise<EndpointAnswer> {
		const response = new ResponseAdapter();
		await this.handle(delivery, response, options);
		return response.answer!;
	}

	private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const expected = new URL(this.productionUrl).pathname;
		if (req.method !== 'POST' || req.url !== expected) {
			res.writeHead(404).end();
			return;
		}
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		await this.handle(
			{ headers: req.headers, rawBody: Buffer.concat(chunks) },
			new ResponseAdapter(res),
		);
	}

	private async handle(
		delivery: Delivery,
		response: ResponseAdapter,
		options: InvokeOptions = {},
	): Promise<void> {
		const { trigger } = this;
		const { testStaticData } = options;
		const mode = testStaticData ? 'manual' : 'webhook';
		// Every request reads the workflow, static data included, from the database: two requests
		// handled at the same time each get their own copy, as in n8n's LiveWebhooks.
		const workflow = trigger.loadWorkflow();
		if (testStaticData) {
			workflow.staticData = ObservableObject.create({});
			workflow.setTestStaticData(testStaticData);
		}
		const additionalData = trigger.additionalData();
		let body: unknown = {};
		if (delivery.rawBody?.length) {
			try {
				body = JSON.parse(delivery.rawBody.toString('utf8'));
			} catch {
				body = delivery.rawBody.toString('utf8');
			}
		}
		additionalData.httpRequest = {
			method: 'POST',
			headers: delivery.headers as IncomingHttpHeaders,
			rawBody: delivery.rawBody,
			body,
			params: {},
			query: {},
		} as unknown as IWebhookData['workflowExecuteAdditionalData']['httpRequest'];
		additionalData.httpResponse =
			response as unknown as IWebhookData['workflowExecuteAdditionalData']['httpResponse'];
		const description = trigger.nodeType.description.webhooks![0];
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: trigger.node.name,
			path: `${trigger.node.webhookId}/webhook`,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			...(testStaticData ? { isTest: true } : {}),
		};
		const context = new WebhookContext(
			workflow,
			trigger.node,
			additionalData,
			mode,
			webhookData,
			[],
			null,
		);

		let result: IWebhookResponseData;
		try {
			result = await trigger.nodeType.webhook!.call(context);
		} catch (error) {
			this.errors.push(error as Error);
			if (!response.headersSent) response.status(500).json({ message: 'Error in workflow' });
			this.answers.push(response.answer!);
			return;
		}
		// n8n saves static data a production webhook call changed (2.x: unless it starts a run).
		const startsRun = result.workflowData !== undefined;
		if (!testStaticData && (this.savesStaticDataOfRunStartingCalls || !startsRun)) {
			trigger.save(workflow);
		}
		if (result.noWebhookResponse !== true && !response.headersSent) {
			// responseMode "onReceived": answer at once, run afterwards.
			response
				.status(200)
				.json(
					result.workflowData === undefined
						? (result.webhookResponse ?? { message: 'Webhook call received' })
						: { message: 'Workflow was started' },
				);
		}
		this.answers.push(response.answer!);
		if (result.workflowData !== undefined) {
			this.pendingRuns.push(this.runWorkflow(result.workflowData, mode));
		}
	}

	/** The run n8n starts with the trigger's data on the stack ("webhook", or "manual" for a test). */
	private async runWorkflow(
		workflowData: NonNullable<IWebhookResponseData['workflowData']>,
		mode: 'webhook' | 'manual',
	): Promise<void> {
		const { trigger } = this;
		const workflow = trigger.loadWorkflow();
		if (this.runsWithoutStaticData) workflow.staticData = ObservableObject.create({});
		const hooks = new ExecutionLifecycleHooks(mode, 'webhook-execution', mock());
		let resolveRun: (run: IRun) => void = () => undefined;
		const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
		// As n8n's own hook: static data changed during a production run is saved when it ends.
		hooks.addHandler('workflowExecuteAfter', (run, newStaticData) => {
			if (newStaticData && mode !== 'manual' && !this.runsWithoutStaticData) trigger.save(workflow);
			resolveRun(run);
		});
		const additionalData = trigger.additionalData();
		additionalData.hooks = hooks;
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: trigger.node, data: { main: workflowData }, source: null }],
			},
		});
		await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(
			workflow,
		);
		const run = await finished;
		const task = run.data.resultData.runData[trigger.node.name]?.[0];
		if (run.data.resultData.error) throw run.data.resultData.error;
		this.executions.push((task?.data?.main?.[0] ?? []).map((item) => item.json));
	}
}
