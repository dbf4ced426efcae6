import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { packPackage } from '../../test/harness/packPackage';
import { provisionN8n } from '../../test/harness/provision';
import { N8N_2 } from '../../test/harness/targets';
import type { LoadFigures } from '../../test/queue/deliveryLoad';
import type { BenchContext } from './context';
import { queueModeLoad, singleInstanceLoad } from './queueLoads';
import { type BenchRow, notApplicable, times, verdict } from './table';
import { startBenchTarget } from './target';

// Row 10: webhook deliveries in n8n's queue mode, beside one n8n. The same signed Seam
// deliveries (BENCH_QUEUE_DELIVERIES, default 200, 25 at a time, every tenth also sent twice at
// once) go to a Seam Trigger workflow on one n8n in regular mode, the baseline, then to a
// queue-mode cluster (main, 2 workers, a webhook processor, PostgreSQL, Redis; see
// test/queue/README.md). Each run checks that every event ran exactly once (an error otherwise)
// and gives deliveries answered and executions finished per second, and a delivery's first
// attempt → its execution's end, p50 and p95.
//
// One round, whatever BENCH_ROUNDS says: a run starts n8n processes and takes minutes, and its
// noise comes from the machine more than from repeats. BENCH_QUEUE=0 skips the row (it needs
// PostgreSQL and Redis, installed from Debian's packages when missing, and several minutes).
//
// Target: queue mode at no less than half the single n8n's executions a second. On a 2-core
// machine PostgreSQL, Redis and four n8n processes share the cores that one n8n has to itself,
// so queue mode is not expected to be faster here (measured: about as fast, test/queue/README.md);
// its gain comes with more cores or hosts. Half is below what machine noise between the two
// runs gave, and above what a package that made each queued execution costly would give.

const CONCURRENCY = 25;
const WORKERS = 2;
const MEASURE_BASE = `Queue mode (main, ${WORKERS} workers, 1 webhook processor)`;
const MIN_RATIO = 0.5;
const TARGET = `≥ ${MIN_RATIO.toFixed(2)}× one n8n's executions/s, each event run once`;

/** BENCH_QUEUE_DELIVERIES (default 200); a typo is an error, not a silent default. */
export function queueDeliveries(): number {
	const raw = process.env.BENCH_QUEUE_DELIVERIES;
	if (raw === undefined || raw === '') return 200;
	const count = Number(raw);
	if (!Number.isInteger(count) || count < 10 || count > 5000) {
		throw new Error(`BENCH_QUEUE_DELIVERIES=${raw}: give a whole number from 10 to 5000`);
	}
	return count;
}

const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
const rate = (value: number) => value.toFixed(1);
const figures = (load: LoadFigures) =>
	`${rate(load.executedPerSecond)} executed/s, ${rate(load.acceptedPerSecond)} accepted/s; delivery → execution end p50 ${seconds(load.latencyP50)}, p95 ${seconds(load.latencyP95)}`;

export async function queueThroughputRow(context: BenchContext): Promise<BenchRow> {
	if (process.env.BENCH_QUEUE === '0') {
		return notApplicable('10', MEASURE_BASE, 'skipped (BENCH_QUEUE=0)', TARGET);
	}
	const count = queueDeliveries();
	const measure = `${MEASURE_BASE}: ${count} signed Seam Trigger deliveries, ${CONCURRENCY} at a time (every tenth twice)`;
	const runtime = await provisionN8n(N8N_2, context.progress);
	const packDir = mkdtempSync(path.join(tmpdir(), 'seam-bench-queue-'));
	const target = await startBenchTarget({ webhookRetryDelaysMs: [] });
	let single: LoadFigures;
	let queue: LoadFigures;
	try {
		const tarball = await packPackage(packDir);
		const run = { count, concurrency: CONCURRENCY, runtime, tarball, target };
		context.progress(`one n8n ${N8N_2.n8nVersion} (regular mode): starting (1 round) …`);
		single = await singleInstanceLoad({
			...run,
			log: (message) => context.progress(`one n8n: ${message}`),
		});
		context.progress(`queue mode: starting PostgreSQL, Redis and ${WORKERS + 2} n8n processes …`);
		queue = await queueModeLoad({
			...run,
			workers: WORKERS,
			log: (message) => context.progress(`queue mode: ${message}`),
		});
	} finally {
		rmSync(packDir, { recursive: true, force: true });
		await target.close();
	}
	const ratio = queue.executedPerSecond / single.executedPerSecond;
	const ranOn = queue.perWorker.map((worker) => `${worker.name} ran ${worker.ran}`).join(', ');
	// Attempts answered with anything but 200 (n8n's 503 while its database ping lags) were
	// retried like Svix and are in the figures; said so, since they add to the latency.
	const refused = (load: LoadFigures) =>
		load.refused.length ? `; ${load.refused.length} attempts refused, retried` : '';
	return {
		id: '10',
		measure,
		figure: `${figures(queue)}; ${ranOn}${refused(queue)}`,
		baseline: `one n8n (regular mode): ${figures(single)}${refused(single)}`,
		ratio: times(ratio),
		noise: '— (1 round: minutes a run)',
		target: TARGET,
		verdict: verdict(ratio >= MIN_RATIO),
		meaning:
			`Webhook deliveries in queue mode (n8n ${N8N_2.n8nVersion}: main, ${WORKERS} workers, 1 webhook processor, PostgreSQL and Redis on this 2-core machine): ` +
			`${count} signed Seam deliveries, ${CONCURRENCY} at a time, answered at ${rate(queue.acceptedPerSecond)} a second and run at ${rate(queue.executedPerSecond)} executions a second (${ranOn}), each event exactly once; ` +
			`a delivery's execution ended ${seconds(queue.latencyP50)} after its first attempt at the median, ${seconds(queue.latencyP95)} at p95. ` +
			`One n8n in regular mode, same run: ${rate(single.acceptedPerSecond)} answered and ${rate(single.executedPerSecond)} executed a second, p50 ${seconds(single.latencyP50)}, p95 ${seconds(single.latencyP95)}. ` +
			`Here the queue-mode processes share two cores with the database and the queue; its gain comes with more cores or hosts (more webhook processors and workers).`,
	};
}
