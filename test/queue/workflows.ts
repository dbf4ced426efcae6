import { randomUUID } from 'node:crypto';

import { EXAMPLE_CREDENTIAL, loadExample } from '../harness/examples';
import type { Json } from '../harness/runData';

// The workflows the queue suite imports into the cluster.

/**
 * An example from examples/ started by a production webhook instead of its Manual Trigger: in
 * queue mode an execution started that way is enqueued by the webhook processor and run by a
 * worker, the path a production workflow takes. The trigger node keeps its name, so the
 * example's connections and expressions are untouched.
 */
export function exampleStartedByWebhook(
	file: string,
	id: string,
	webhookPath: string,
): Json & { id: string } {
	const example = loadExample(file);
	const nodes = example.nodes.map((node) =>
		node.type === 'n8n-nodes-base.manualTrigger'
			? {
					id: node.id,
					name: node.name,
					position: node.position,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: randomUUID(),
					parameters: {
						httpMethod: 'POST',
						path: webhookPath,
						responseMode: 'onReceived',
						options: {},
					},
				}
			: node,
	);
	if (!nodes.some((node) => node.type === 'n8n-nodes-base.webhook')) {
		throw new Error(`${file} has no Manual Trigger to replace`);
	}
	return { ...example, id, name: `${example.name as string} (queue mode)`, nodes, active: false };
}

const SEAM_CREDENTIAL = { seamApi: { id: EXAMPLE_CREDENTIAL.id, name: EXAMPLE_CREDENTIAL.name } };

function workflow(
	id: string,
	name: string,
	nodes: Json[],
	connections: Json = {},
): Json & { id: string } {
	return {
		id,
		name,
		nodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * A workflow with one Seam Trigger node (the node a delivery's execution consists of); with
 * `waitSeconds`, a Wait node after it keeps each execution running that long on its worker.
 */
export function seamTriggerWorkflow(
	id: string,
	webhookId: string,
	eventTypes: string[],
	options: { waitSeconds?: number } = {},
): Json & { id: string } {
	const trigger = {
		id: randomUUID(),
		name: 'Seam Trigger',
		type: 'n8n-nodes-seam.seamTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		credentials: SEAM_CREDENTIAL,
		parameters: { events: eventTypes },
	};
	if (!options.waitSeconds) return workflow(id, 'Seam Trigger (queue mode)', [trigger]);
	const wait = {
		id: randomUUID(),
		name: 'Wait',
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position: [220, 0],
		webhookId: randomUUID(),
		parameters: { resume: 'timeInterval', amount: options.waitSeconds, unit: 'seconds' },
	};
	return workflow(id, 'Seam Trigger, then a wait (queue mode)', [trigger, wait], {
		'Seam Trigger': { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
	});
}

/** A workflow with one Seam Polling Trigger node, polling every minute. */
export function seamPollingWorkflow(id: string, eventTypes: string[]): Json & { id: string } {
	return workflow(id, 'Seam Polling Trigger (queue mode)', [
		{
			id: randomUUID(),
			name: 'Seam Polling Trigger',
			type: 'n8n-nodes-seam.seamPollingTrigger',
			typeVersion: 1,
			position: [0, 0],
			credentials: SEAM_CREDENTIAL,
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, events: eventTypes },
		},
	]);
}
