import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { EXAMPLE_CREDENTIAL } from '../../test/harness/examples';
import type { Json } from '../../test/harness/runData';

// The workflow whose Access Grant → Create node the screenshot shows: the first example that has
// one, or else a small one made here (Manual Trigger → Seam "Access Grant: Create" for a new
// guest on the sandbox's Front Door Lock), imported beside the examples.

export interface NodeInWorkflow {
	workflowId: string;
	nodeName: string;
	/** The workflow to import when no example has such a node. */
	generated?: Json;
}

interface WorkflowFile {
	id?: string;
	nodes?: Array<{ name: string; type: string; parameters?: Record<string, unknown> }>;
}

const isAccessGrantCreate = (node: { type: string; parameters?: Record<string, unknown> }) =>
	node.type === 'n8n-nodes-seam.seam' &&
	node.parameters?.resource === 'accessGrant' &&
	node.parameters?.operation === 'create';

function fromExamples(examplesDir: string): NodeInWorkflow | undefined {
	const files = readdirSync(examplesDir)
		.filter((file) => file.endsWith('.json'))
		.sort();
	for (const file of files) {
		let workflow: WorkflowFile;
		try {
			workflow = JSON.parse(readFileSync(path.join(examplesDir, file), 'utf8')) as WorkflowFile;
		} catch {
			continue;
		}
		const node = workflow.nodes?.find(isAccessGrantCreate);
		if (workflow.id && node) return { workflowId: workflow.id, nodeName: node.name };
	}
	return undefined;
}

function generated(deviceId: string): NodeInWorkflow {
	const workflowId = 'seamShotAccGrant';
	const nodeName = 'Grant Gina a PIN on the front door';
	const credentials = { seamApi: { ...EXAMPLE_CREDENTIAL } };
	const workflow = {
		id: workflowId,
		name: 'Seam: Access Grant with a PIN code',
		nodes: [
			{
				parameters: {},
				id: '5e1b7c52-6a0e-4c57-9b8a-0c1d2e3f4a01',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 300],
			},
			{
				parameters: {
					resource: 'accessGrant',
					operation: 'create',
					grantTo: 'new',
					fullName: 'Gina Guest',
					email: 'gina@example.com',
					deviceIds: [deviceId],
					accessMethods: ['code'],
					startsAt:
						'={{ $now.plus({ days: 1 }).set({ hour: 15, minute: 0, second: 0, millisecond: 0 }).toISO() }}',
					endsAt:
						'={{ $now.plus({ days: 4 }).set({ hour: 11, minute: 0, second: 0, millisecond: 0 }).toISO() }}',
					accessGrantKey: 'screenshot-gina',
					options: { name: 'Stay of Gina Guest' },
				},
				id: '5e1b7c52-6a0e-4c57-9b8a-0c1d2e3f4a02',
				name: nodeName,
				type: 'n8n-nodes-seam.seam',
				typeVersion: 1,
				position: [240, 300],
				credentials,
			},
		],
		connections: {
			Start: { main: [[{ node: nodeName, type: 'main', index: 0 }]] },
		},
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		tags: [],
	};
	return { workflowId, nodeName, generated: workflow as unknown as Json };
}

export function accessGrantNode(examplesDir: string, sandboxDeviceId: string): NodeInWorkflow {
	return fromExamples(examplesDir) ?? generated(sandboxDeviceId);
}
