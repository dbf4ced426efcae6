/**
 * Why webhook and polling are two node types (Seam Trigger, Seam Polling Trigger) and not two
 * modes of one: what n8n itself does with a node type that has both, shown in n8n-core, plus
 * how n8n's own package loader reads the built package.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { mock } from 'jest-mock-extended';
import { ExecutionLifecycleHooks, PackageDirectoryLoader, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IRun,
	IWebhookResponseData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { additionalDataFor, TriggerNodeTypes, WEBHOOK_TRIGGER_TYPE } from './helpers/n8nHarness';

/** A trigger with both a webhook and a poll(): the one-node design. */
class WebhookAndPoll implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Both Trigger',
		name: 'bothTrigger',
		group: ['trigger'],
		version: 1,
		description: 'webhook and poll in one node',
		defaults: { name: 'Both Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		polling: true,
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [],
	};

	async webhook(): Promise<IWebhookResponseData> {
		return { workflowData: [[{ json: { from: 'webhook' } }]] };
	}

	async poll(): Promise<INodeExecutionData[][]> {
		return [[{ json: { from: 'poll' } }]];
	}
}

/**
 * The run n8n starts after a webhook call: the trigger node on the stack with the webhook's data
 * (webhook-helpers.ts prepareExecutionData). Mode "manual" is a "Listen for test event" call,
 * "webhook" a production one.
 */
async function runAfterWebhook(
	nodeType: INodeType,
	typeName: string,
	mode: WorkflowExecuteMode,
	delivered: IDataObject,
): Promise<IDataObject[]> {
	const nodeTypes = new TriggerNodeTypes();
	nodeTypes.types[typeName] = nodeType;
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: typeName === WEBHOOK_TRIGGER_TYPE ? { events: ['*'] } : {},
		credentials: { seamApi: { id: '1', name: 'Seam account' } },
	};
	const workflow = new Workflow({
		id: 'w',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
	});
	const hooks = new ExecutionLifecycleHooks(mode, 'execution', mock());
	let resolveRun: (run: IRun) => void = () => undefined;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	const additionalData = additionalDataFor(
		{ apiKey: 'unused', apiUrl: 'http://127.0.0.1:9' },
		'http://n8n',
	);
	additionalData.hooks = hooks;
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [[{ json: delivered }]] }, source: null }],
		},
	});
	await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await finished;
	return (run.data.resultData.runData.Trigger?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

describe('one node type with webhooks and poll(): what n8n-core does with it', () => {
	test('production webhook run: the delivered data passes through', async () => {
		const output = await runAfterWebhook(new WebhookAndPoll(), 'test.both', 'webhook', {
			from: 'webhook',
		});
		expect(output).toEqual([{ from: 'webhook' }]);
	});

	test('"Listen for test event" run (manual): n8n calls poll() instead, and the delivered event is lost', async () => {
		// WorkflowExecute.runNode checks `nodeType.poll` before the webhook pass-through, and in
		// manual mode executePollNode calls poll(): a node with both cannot be tested by webhook.
		const output = await runAfterWebhook(new WebhookAndPoll(), 'test.both', 'manual', {
			from: 'webhook',
		});
		expect(output).toEqual([{ from: 'poll' }]);
	});

	test('the Seam Trigger (webhooks only) keeps the delivered event in both runs', async () => {
		const nodeTypes = new TriggerNodeTypes();
		const seamTrigger = nodeTypes.getByNameAndVersion(WEBHOOK_TRIGGER_TYPE);
		for (const mode of ['manual', 'webhook'] as const) {
			const event = { event_type: 'lock.unlocked', event_id: `e-${mode}` };
			expect(await runAfterWebhook(seamTrigger, WEBHOOK_TRIGGER_TYPE, mode, event)).toEqual([
				event,
			]);
		}
	});
});

describe("n8n's package loader reading the built package", () => {
	let loader: PackageDirectoryLoader;

	beforeAll(async () => {
		loader = new PackageDirectoryLoader(path.join(__dirname, '..', '..'));
		await loader.loadAll();
	});

	test('both triggers load, as trigger nodes with the Seam credential', () => {
		for (const name of ['seamTrigger', 'seamPollingTrigger']) {
			const { description } = loader.nodeTypes[name].type as INodeType;
			expect(description.group).toEqual(['trigger']);
			expect(description.inputs).toEqual([]);
			expect(description.credentials).toEqual([{ name: 'seamApi', required: true }]);
		}
	});

	test('the loader gives only the polling node a "Poll Times" field (it adds one to every `polling` node, shown always)', () => {
		const names = (name: string) =>
			(loader.nodeTypes[name].type as INodeType).description.properties.map((p) => p.name);
		expect(names('seamPollingTrigger')[0]).toBe('pollTimes');
		expect(names('seamTrigger')).not.toContain('pollTimes');
		const pollTimes = (loader.nodeTypes.seamPollingTrigger.type as INodeType).description
			.properties[0];
		expect(pollTimes.displayOptions).toBeUndefined();
	});

	test('only the webhook node declares webhooks (n8n registers a webhook for every node that does)', () => {
		expect((loader.nodeTypes.seamTrigger.type as INodeType).description.webhooks).toHaveLength(1);
		expect(
			(loader.nodeTypes.seamPollingTrigger.type as INodeType).description.webhooks,
		).toBeUndefined();
	});

	test("reading the triggers' descriptions loads no bundled library (n8n start-up stays cheap)", () => {
		const root = path.join(__dirname, '..', '..');
		const script = `
			const webhook = require('./dist/nodes/Seam/SeamTrigger.node.js');
			const polling = require('./dist/nodes/Seam/SeamPollingTrigger.node.js');
			new webhook.SeamTrigger().description;
			new polling.SeamPollingTrigger().description;
			process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes('vendor'))));
		`;
		const loaded = JSON.parse(
			execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }),
		);
		expect(loaded).toEqual([]);
	});
});
