import type { INodeParameters } from 'n8n-workflow';

import { type BenchContext, measured } from './context';
import { spread } from './stats';
import { type BenchRow, finerTimes, ms, noise, perMinute, verdict } from './table';
import { type BenchTarget, LATENCY_MS, startBenchTarget } from './target';

// Row 1: what the node costs per item over the SDK making the same call, in n8n's engine, and
// how many requests each item sends. One node run handles ITEMS input items (as a workflow
// would), so the engine's per-run work is spread over them as it is in use.

const ITEMS = 40;
const MAX_RATIO = 1.05;

interface Operation {
	label: string;
	/** The node's parameters for one item (expressions read the item's `value`). */
	parameters: INodeParameters;
	/** The same call made with the SDK. */
	sdk: (target: BenchTarget, value: string) => Promise<unknown>;
	/** The value each item carries. */
	values: (target: BenchTarget, round: number) => Promise<string[]>;
}

/** A resource locator by ID, as the editor stores it (the value may be an expression). */
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function operations(acsSystemId: string): Operation[] {
	const names = (round: number) =>
		Array.from({ length: ITEMS }, (_, index) => `Bench ${round}-${index}`);
	return [
		{
			label: 'ACS User → Create',
			parameters: {
				resource: 'acsUser',
				operation: 'create',
				acsSystemId: byId(acsSystemId),
				fullName: '={{ $json.value }}',
			},
			sdk: (target, full_name) =>
				target.seam.acs.users.create({ acs_system_id: acsSystemId, full_name }),
			values: async (_target, round) => names(round),
		},
		{
			label: 'ACS User → Get',
			parameters: {
				resource: 'acsUser',
				operation: 'get',
				acsUserId: byId('={{ $json.value }}'),
			},
			sdk: (target, acs_user_id) => target.seam.acs.users.get({ acs_user_id }),
			values: async (target) => {
				const users = await target.seam.acs.users.list({ acs_system_id: acsSystemId });
				return users.slice(0, ITEMS).map((user) => user.acs_user_id);
			},
		},
	];
}

interface Sample {
	nodeMs: number;
	sdkMs: number;
	nodeRequests: number;
}

async function sample(
	context: BenchContext,
	target: BenchTarget,
	operation: Operation,
	round: number,
): Promise<Sample> {
	const values = await operation.values(target, round);
	const runNode = async () => {
		const before = await target.requestCount();
		const started = performance.now();
		const result = await context.runNode(operation.parameters, {
			credentials: target.credentials,
			input: values.map((value) => ({ value: `${value}` })),
		});
		const elapsed = performance.now() - started;
		if (result.error) throw new Error(`${operation.label}: ${result.error.message}`);
		if (result.items.length !== values.length) {
			throw new Error(`${operation.label}: ${result.items.length} items out of ${values.length}`);
		}
		return { elapsed, requests: (await target.requestsSince(before)).length };
	};
	const runSdk = async () => {
		const sdkValues = operation.label.endsWith('Create')
			? values.map((value) => `${value} (SDK)`)
			: values;
		const started = performance.now();
		for (const value of sdkValues) await operation.sdk(target, value);
		return performance.now() - started;
	};
	// Alternate which goes first, so drift (GC, JIT, a busy core) hits both alike.
	let node: { elapsed: number; requests: number };
	let sdkMs: number;
	if (round % 2 === 0) {
		node = await runNode();
		sdkMs = await runSdk();
	} else {
		sdkMs = await runSdk();
		node = await runNode();
	}
	return {
		nodeMs: node.elapsed / values.length,
		sdkMs: sdkMs / values.length,
		nodeRequests: node.requests / values.length,
	};
}

export async function perItemRows(context: BenchContext): Promise<BenchRow[]> {
	const target = await startBenchTarget({ credentialIssueDelayMs: 0, accessMethodIssueDelayMs: 0 });
	try {
		const rows: BenchRow[] = [];
		for (const operation of operations(target.seed.latchSystemId)) {
			// One unmeasured round: the engine, the SDK and the connections warm up.
			await measured(context, () => sample(context, target, operation, -1));
			const samples: Sample[] = [];
			for (let round = 0; round < context.rounds; round++) {
				samples.push(await measured(context, () => sample(context, target, operation, round)));
				context.progress(`${operation.label}: round ${round + 1}/${context.rounds}`);
			}
			const node = spread(samples.map((s) => s.nodeMs));
			const sdk = spread(samples.map((s) => s.sdkMs));
			const ratio = spread(samples.map((s) => s.nodeMs / s.sdkMs));
			const requests = spread(samples.map((s) => s.nodeRequests));
			rows.push({
				id: '1',
				measure: `${operation.label}, per item (${ITEMS} items a run)`,
				figure: `${ms(node.median)}, ${requests.max.toFixed(2)} req/item`,
				baseline: `SDK ${ms(sdk.median)}`,
				ratio: finerTimes(ratio.median),
				noise: noise(ratio, finerTimes),
				target: `≤ ${MAX_RATIO.toFixed(2)}×, 1.00 req/item`,
				verdict: verdict(ratio.median <= MAX_RATIO && requests.max === 1 && requests.min === 1),
				meaning: `${operation.label}, one item after another: ${ms(node.median)} an item, about ${perMinute(node.median)} items a minute at ${LATENCY_MS} ms from Seam; the node adds ${ms(node.median - sdk.median)} an item to Seam's own SDK (n8n's engine included) and sends one request per item.`,
			});
		}
		return rows;
	} finally {
		await target.close();
	}
}
