/**
 * Runs the Seam node the way n8n does: a one-node workflow executed by n8n-core's WorkflowExecute,
 * so parameter resolution (resource locators, expressions, defaults), pairedItem and
 * continueOnFail behave as in a real n8n.
 */
import { mock } from 'jest-mock-extended';
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	ILoadOptionsFunctions,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

import { SeamApi } from '../../credentials/SeamApi.credentials';
import { Seam } from '../../nodes/Seam/Seam.node';

export const SEAM_NODE_TYPE = 'n8n-nodes-seam.seam';

class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = { [SEAM_NODE_TYPE]: new Seam() };

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getKnownTypes() {
		return {};
	}
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_type: string,
		request: IHttpRequestOptions,
	) {
		return request;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, _type: string): Promise<never> {
		throw new Error('not used by the Seam node');
	}

	async getDecrypted(
		_data: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	) {
		if (type !== new SeamApi().name) throw new Error(`Unexpected credential type ${type}`);
		return this.credentials;
	}

	async updateCredentials() {}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return new SeamApi().properties;
	}
}

export interface RunOptions {
	credentials: { apiKey: string; apiUrl: string };
	input?: IDataObject[];
	continueOnFail?: boolean;
	timezone?: string;
}

export interface RunResult {
	/** Output items of the Seam node (empty when the node failed). */
	items: INodeExecutionData[];
	/** The node error, when the node failed and continueOnFail was off. */
	error?: Error & { description?: string | null; httpCode?: string | null };
	run?: IRun;
}

function buildNode(
	parameters: INodeParameters,
	nodeTypes: TestNodeTypes,
	continueOnFail = false,
): INode {
	const node: INode = {
		id: 'seam-node',
		name: 'Seam',
		type: SEAM_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { seamApi: { id: '1', name: 'Seam account' } },
		onError: continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
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
	additionalData.credentialsHelper = new TestCredentialsHelper(credentials);
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

function buildWorkflow(node: INode, nodeTypes: TestNodeTypes, timezone = 'UTC'): Workflow {
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
	const nodeTypes = new TestNodeTypes();
	const node = buildNode(parameters, nodeTypes, options.continueOnFail);
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
		return { items: [], error: error as RunResult['error'] };
	}
	const run = await finished;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
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
	const nodeTypes = new TestNodeTypes();
	const node = buildNode(parameters, nodeTypes);
	const additionalData = buildAdditionalData(credentials);
	additionalData.currentNodeParameters = node.parameters;
	return new LoadOptionsContext(buildWorkflow(node, nodeTypes), node, additionalData, path);
}
