/**
 * Runs the Seam node the way n8n does: a one-node workflow executed by n8n-core's WorkflowExecute,
 * so parameter resolution (resource locators, expressions, defaults), pairedItem and
 * continueOnFail behave as in a real n8n.
 */
import { mock } from 'jest-mock-extended';
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IRunExecutionData,
	ILoadOptionsFunctions,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';

import {
	type NodeSettings,
	PackageNodeTypes,
	SEAM_NODE_TYPE,
	SeamCredentialsHelper,
} from './n8nTestHost';

export { SEAM_NODE_TYPE };

export interface RunOptions {
	credentials: { apiKey: string; apiUrl: string };
	input?: IDataObject[];
	continueOnFail?: boolean;
	/** On Error → "Continue (using error output)": failed items go to a second output. */
	errorOutput?: boolean;
	timezone?: string;
	/** The Seam node's timeout and retries, when the defaults do not suit the test. */
	transport?: NodeSettings['transport'];
}

export interface RunResult {
	/** Output items of the Seam node (empty when the node failed). */
	items: INodeExecutionData[];
	/** The error output's items, with `errorOutput`. */
	errorItems: INodeExecutionData[];
	/** The node error, when the node failed and continueOnFail was off. */
	error?: Error & { description?: string | null; httpCode?: string | null };
	run?: IRun;
}

function buildNode(
	parameters: INodeParameters,
	nodeTypes: PackageNodeTypes,
	continueOnFail = false,
	errorOutput = false,
): INode {
	const node: INode = {
		id: 'seam-node',
		name: 'Seam',
		type: SEAM_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { seamApi: { id: '1', name: 'Seam account' } },
		onError: errorOutput
			? 'continueErrorOutput'
			: continueOnFail
				? 'continueRegularOutput'
				: 'stopWorkflow',
	};
	// n8n fills in defaults for parameters the workflow JSON leaves out; so does this.
	const nodeType = nodeTypes.getByNameAndVersion(SEAM_NODE_TYPE);
	node.parameters =
		NodeHelpers.getNodeParameters(
			nodeType.description.properties,
			node.parameters,
			true,
			false,
			node,
			nodeType.description,
		) ?? {};
	return node;
}

function buildAdditionalData(
	credentials: RunOptions['credentials'],
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	// Everything else the engine may ask of its host (sub-workflows, binary data...) is a
	// jest-mock-extended stub, as in n8n's own NodeTestHarness.
	const additionalData =
		mock<IWorkflowExecuteAdditionalData>() as unknown as IWorkflowExecuteAdditionalData;
	if (hooks) additionalData.hooks = hooks;
	additionalData.currentNodeParameters = undefined;
	additionalData.credentialsHelper = new SeamCredentialsHelper(credentials);
	additionalData.executionTimeoutTimestamp = undefined;
	additionalData.encryptedRunnerIdentity = undefined;
	additionalData.instanceBaseUrl = 'http://localhost:5678/';
	additionalData.restApiUrl = 'http://localhost:5678/rest';
	additionalData.webhookBaseUrl = 'http://localhost:5678/webhook';
	additionalData.webhookTestBaseUrl = 'http://localhost:5678/webhook-test';
	additionalData.webhookWaitingBaseUrl = 'http://localhost:5678/webhook-waiting';
	additionalData.formWaitingBaseUrl = 'http://localhost:5678/form-waiting';
	additionalData.variables = {};
	return additionalData;
}

function buildWorkflow(node: INode, nodeTypes: PackageNodeTypes, timezone = 'UTC'): Workflow {
	return new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
		settings: { timezone },
	});
}

/** Executes the Seam node once with the given parameters over the given input items. */
export async function runSeamNode(
	parameters: INodeParameters,
	options: RunOptions,
): Promise<RunResult> {
	const nodeTypes = new PackageNodeTypes({ transport: options.transport });
	const node = buildNode(parameters, nodeTypes, options.continueOnFail, options.errorOutput);
	const workflow = buildWorkflow(node, nodeTypes, options.timezone);

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', mock());
	let resolveRun: (run: IRun) => void = () => undefined;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	const additionalData = buildAdditionalData(options.credentials, hooks);

	const input = (options.input ?? [{}]).map((json) => ({ json }));
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [input] }, source: null }] },
	});

	try {
		await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
			workflow,
		);
	} catch (error) {
		// n8n refuses to start a workflow whose node has issues (e.g. an empty required field).
		return { items: [], errorItems: [], error: error as RunResult['error'] };
	}
	const run = await finished;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		errorItems: taskData?.data?.main?.[1] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
		run,
	};
}

/**
 * The context n8n gives a list search or load-options method while the user edits the node:
 * `parameters` is the form as filled in so far, `path` the field being edited.
 */
export function loadOptionsContext(
	parameters: INodeParameters,
	path: string,
	credentials: RunOptions['credentials'],
): ILoadOptionsFunctions {
	const nodeTypes = new PackageNodeTypes();
	const node = buildNode(parameters, nodeTypes);
	const additionalData = buildAdditionalData(credentials);
	additionalData.currentNodeParameters = node.parameters;
	return new LoadOptionsContext(buildWorkflow(node, nodeTypes), node, additionalData, path);
}
