/**
 * The trigger nodes inside n8n's own machinery (n8n-core): a Workflow holding one trigger node,
 * the HookContext n8n hands to checkExists/create/delete, the PollContext it hands to poll(),
 * and static data saved and loaded the way n8n keeps it in its database (a JSON copy), so every
 * call can start from a "restarted" n8n.
 */
import { randomUUID } from 'node:crypto';

import { mock } from 'jest-mock-extended';
import { HookContext, PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, ObservableObject, Workflow } from 'n8n-workflow';

import {
	type NodeSettings,
	PackageNodeTypes,
	POLLING_TRIGGER_TYPE,
	type SeamCredentials,
	SeamCredentialsHelper,
	WEBHOOK_TRIGGER_TYPE,
} from '../../helpers/n8nTestHost';

export {
	POLLING_TRIGGER_TYPE,
	PackageNodeTypes as TriggerNodeTypes,
	type SeamCredentials,
	WEBHOOK_TRIGGER_TYPE,
} from '../../helpers/n8nTestHost';

/** What n8n's WorkflowExecuteAdditionalData carries for these calls; the rest is a stub. */
export function additionalDataFor(
	credentials: SeamCredentials,
	n8nBaseUrl: string,
): IWorkflowExecuteAdditionalData {
	const base = n8nBaseUrl.replace(/\/+$/, '');
	const additionalData =
		mock<IWorkflowExecuteAdditionalData>() as unknown as IWorkflowExecuteAdditionalData;
	additionalData.credentialsHelper = new SeamCredentialsHelper(
		credentials as unknown as ICredentialDataDecryptedObject,
	);
	additionalData.currentNodeParameters = undefined;
	additionalData.executionTimeoutTimestamp = undefined;
	additionalData.encryptedRunnerIdentity = undefined;
	additionalData.hooks = undefined;
	additionalData.instanceBaseUrl = `${base}/`;
	additionalData.restApiUrl = `${base}/rest`;
	additionalData.webhookBaseUrl = `${base}/webhook`;
	additionalData.webhookTestBaseUrl = `${base}/webhook-test`;
	additionalData.webhookWaitingBaseUrl = `${base}/webhook-waiting`;
	additionalData.formWaitingBaseUrl = `${base}/form-waiting`;
	additionalData.variables = {};
	additionalData.httpRequest = undefined;
	additionalData.httpResponse = undefined;
	return additionalData;
}

/**
 * One trigger node in a saved workflow: its parameters (with n8n's defaults applied), its
 * webhookId (the editor assigns one to every node with webhooks) and its static data as n8n
 * stores it. Each context is built from a fresh Workflow over that stored copy.
 */
export class TriggerUnderTest {
	readonly nodeTypes: PackageNodeTypes;
	node: INode;
	/** The workflow's static data as saved in n8n's database. */
	savedStaticData: IDataObject = {};
	credentials: SeamCredentials;
	n8nBaseUrl: string;

	constructor(options: {
		type: typeof WEBHOOK_TRIGGER_TYPE | typeof POLLING_TRIGGER_TYPE;
		parameters: INodeParameters;
		credentials: SeamCredentials;
		n8nBaseUrl?: string;
		name?: string;
		/** Settings the nodes are built with instead of their defaults (n8nTestHost.ts). */
		settings?: NodeSettings;
	}) {
		this.nodeTypes = new PackageNodeTypes(options.settings);
		this.credentials = options.credentials;
		this.n8nBaseUrl = options.n8nBaseUrl ?? 'http://127.0.0.1:5678';
		this.node = {
			id: randomUUID(),
			name: options.name ?? 'Seam Trigger',
			type: options.type,
			typeVersion: 1,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: {},
			credentials: { seamApi: { id: '1', name: 'Seam account' } },
		};
		this.setParameters(options.parameters);
	}

	get nodeType(): INodeType {
		return this.nodeTypes.getByNameAndVersion(this.node.type);
	}

	/** What the editor saves after the user changes the form (defaults filled in as n8n does). */
	setParameters(parameters: INodeParameters): void {
		const description = this.nodeType.description;
		this.node.parameters =
			NodeHelpers.getNodeParameters(
				description.properties,
				parameters,
				true,
				false,
				this.node,
				description,
			) ?? {};
	}

	/** A Workflow as n8n builds one from the database: static data loaded from the saved copy. */
	loadWorkflow(): Workflow {
		return new Workflow({
			id: 'trigger-workflow',
			name: 'Seam trigger test',
			nodes: [this.node],
			connections: {},
			nodeTypes: this.nodeTypes,
			active: true,
			staticData: JSON.parse(JSON.stringify(this.savedStaticData)) as IDataObject,
			settings: { timezone: 'UTC' },
		});
	}

	/** n8n saves the workflow's static data after activation, deactivation and emits. */
	save(workflow: Workflow): void {
		const { __dataChanged: _changed, ...data } = JSON.parse(
			JSON.stringify(workflow.staticData),
		) as IDataObject;
		this.savedStaticData = data;
	}

	/** The node's own static data, as saved. */
	get nodeStaticData(): IDataObject {
		return (this.savedStaticData[`node:${this.node.name}`] ?? {}) as IDataObject;
	}

	additionalData(): IWorkflowExecuteAdditionalData {
		return additionalDataFor(this.credentials, this.n8nBaseUrl);
	}

	hookContext(
		workflow: Workflow,
		mode: WorkflowExecuteMode = 'trigger',
		activation: WorkflowActivateMode = 'activate',
		isTest = false,
	): HookContext {
		const webhookData = isTest ? this.testWebhookData(workflow) : undefined;
		return new HookContext(
			workflow,
			this.node,
			this.additionalData(),
			mode,
			activation,
			webhookData,
		);
	}

	/** What n8n's TestWebhooks passes for "Listen for test event": the webhook, marked as a test. */
	private testWebhookData(workflow: Workflow): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/webhook`,
			webhookDescription: this.nodeType.description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: this.additionalData(),
			isTest: true,
		};
	}

	/**
	 * "Listen for test event", as n8n's TestWebhooks runs it: a Workflow with empty static data
	 * (not the saved one), checkExists/create in 'manual' mode with the test URL. Returns the
	 * static data n8n keeps with the test registration.
	 */
	async listenForTestEvent(): Promise<IDataObject> {
		const workflow = this.loadWorkflow();
		workflow.staticData = ObservableObject.create({});
		const context = this.hookContext(workflow, 'manual', 'manual', true);
		const methods = this.webhookMethods();
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
		return JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	}

	/** The end of a test registration: n8n deletes it with the test's static data. */
	async stopListening(testStaticData: IDataObject): Promise<void> {
		const workflow = this.loadWorkflow();
		workflow.staticData = ObservableObject.create(testStaticData);
		const context = this.hookContext(workflow, 'internal', 'update', true);
		await this.webhookMethods().delete.call(context);
	}

	private webhookMethods() {
		const methods = this.nodeType.webhookMethods?.default;
		if (!methods) throw new Error(`${this.node.type} has no webhook methods`);
		return methods;
	}

	/** n8n's createWebhookIfNotExists: checkExists, then create when it answers false. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		const workflow = this.loadWorkflow();
		const context = this.hookContext(workflow, 'trigger', activation);
		const methods = this.webhookMethods();
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
		this.save(workflow);
	}

	/** n8n's deleteWebhook on deactivation ('internal' mode, as n8n calls it). */
	async deactivate(): Promise<boolean> {
		const workflow = this.loadWorkflow();
		const context = this.hookContext(workflow, 'internal', 'update');
		const deleted = await this.webhookMethods().delete.call(context);
		this.save(workflow);
		return deleted;
	}

	/**
	 * A polling trigger the way n8n keeps one while its workflow is active: one Workflow, so the
	 * static data stays in memory from poll to poll; it is saved to the database at activation
	 * (after the first poll, which n8n runs at once) and when a poll emits, not after a poll that
	 * returns null (n8n 1.x, and 2.x unless its separate poll-cursor store is in use, which saves
	 * more often). `restart()` is n8n starting again: the workflow is read back from the last save
	 * and activated ('init'), which polls at once.
	 */
	activePolling() {
		let running = this.loadWorkflow();
		// n8n builds the poll context once per activation and reuses it for the scheduled polls.
		let activation: WorkflowActivateMode = 'activate';
		const pollOnce = async (activating: boolean) => {
			const context = new PollContext(
				running,
				this.node,
				this.additionalData(),
				'trigger',
				activation,
			);
			const result = await this.nodeType.poll!.call(context);
			if (result !== null || activating) this.save(running);
			return result;
		};
		return {
			activate: async () => await pollOnce(true),
			poll: async () => await pollOnce(false),
			restart: async () => {
				running = this.loadWorkflow();
				activation = 'init';
				return await pollOnce(true);
			},
		};
	}

	/**
	 * One scheduled poll, as n8n runs it: a PollContext over the stored workflow; the static data
	 * is saved afterwards (n8n saves it when the poll emits, and at activation).
	 */
	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<INodeExecutionData[][] | null> {
		const workflow = this.loadWorkflow();
		const context = new PollContext(workflow, this.node, this.additionalData(), mode, 'activate');
		const result = await this.nodeType.poll!.call(context);
		if (mode !== 'manual') this.save(workflow);
		return result;
	}
}
