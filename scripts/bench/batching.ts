import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { Seam } from '../../nodes/Seam/Seam.node';
import { type BenchContext, measured } from './context';
import { spread } from './stats';
import { type BenchRow, ms, noise, notApplicable, perMinute, times, verdict } from './table';
import { startBenchTarget } from './target';

// Row 2: many creates with the node's Batching option (items at the same time) against the
// same node handling them one after another. Latency, not the client, bounds a sequential run;
// batching is what lets one workflow keep several requests in flight.

const ITEMS = 200;
const CONCURRENCY = 8;
const MIN_SPEEDUP = 5;
const MEASURE = `Batching: ${ITEMS} ACS User → Create, ${CONCURRENCY} at a time vs one by one`;
const TARGET = `≥ ${MIN_SPEEDUP}× faster`;

const byName = (properties: INodeProperties['options'], name: string) =>
	(properties ?? []).find((property) => 'name' in property && property.name === name) as
		| (INodeProperties & { values?: INodeProperties[] })
		| undefined;

/**
 * The Request Options value that sends CONCURRENCY items at a time, if the node has that
 * option (Request Options → Batching → Items per Batch), else undefined.
 */
export function batchingParameters(): INodeParameters | undefined {
	const requestOptions = new Seam().description.properties.find(
		(property) => property.name === 'requestOptions',
	);
	const batching = byName(requestOptions?.options, 'batching');
	const batch = byName(batching?.options, 'batch');
	if (!batch?.values?.some((value) => value.name === 'batchSize')) return undefined;
	return { batching: { batch: { batchSize: CONCURRENCY, batchInterval: 0 } } };
}

export async function batchingRow(context: BenchContext): Promise<BenchRow> {
	const requestOptions = batchingParameters();
	if (!requestOptions) {
		return notApplicable('2', MEASURE, 'n/a (no batching option yet)', TARGET);
	}
	const target = await startBenchTarget();
	try {
		const acsSystemId = target.seed.latchSystemId;
		const run = async (round: number, batched: boolean) => {
			const parameters: INodeParameters = {
				resource: 'acsUser',
				operation: 'create',
				acsSystemId: { __rl: true, mode: 'id', value: acsSystemId },
				fullName: '={{ $json.name }}',
			};
			if (batched) parameters.requestOptions = requestOptions;
			const input = Array.from({ length: ITEMS }, (_, index) => ({
				name: `Batch ${round}-${batched ? 'b' : 's'}-${index}`,
			}));
			const started = performance.now();
			const result = await context.runNode(parameters, {
				credentials: target.credentials,
				input,
			});
			const elapsed = performance.now() - started;
			if (result.error) throw new Error(`Batching: ${result.error.message}`);
			const names = result.items.map((item) => item.json.full_name);
			if (names.join('\n') !== input.map((item) => item.name).join('\n')) {
				throw new Error('Batching: the output items are not in the order of the input items');
			}
			return elapsed;
		};
		await measured(context, () => run(-1, true));
		const sequential: number[] = [];
		const batched: number[] = [];
		for (let round = 0; round < context.rounds; round++) {
			if (round % 2 === 0) {
				sequential.push(await measured(context, () => run(round, false)));
				batched.push(await measured(context, () => run(round, true)));
			} else {
				batched.push(await measured(context, () => run(round, true)));
				sequential.push(await measured(context, () => run(round, false)));
			}
			context.progress(`batching: round ${round + 1}/${context.rounds}`);
		}
		const speedup = spread(sequential.map((time, round) => time / batched[round]));
		const batchedMs = spread(batched).median;
		return {
			id: '2',
			measure: MEASURE,
			figure: `${ms(batchedMs)} (batched)`,
			baseline: `${ms(spread(sequential).median)} (one by one)`,
			ratio: `${times(speedup.median)} faster`,
			noise: noise(speedup, times),
			target: TARGET,
			verdict: verdict(speedup.median >= MIN_SPEEDUP),
			meaning: `With Request Options → Batching, ${CONCURRENCY} items at a time: about ${perMinute(batchedMs / ITEMS)} ACS users created a minute, ${times(speedup.median)} one after another.`,
		};
	} finally {
		await target.close();
	}
}
