// Installs the engine shims before anything loads the nodes (see bench/engineHost.ts).
import { loadNodeRunner, REPO_ROOT } from './bench/engineHost';

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { batchingRow } from './bench/batching';
import type { BenchContext } from './bench/context';
import { eventCursorRow } from './bench/eventCursorRow';
import { packSizeRow } from './bench/packSize';
import { perItemRows } from './bench/perItem';
import { queueThroughputRow } from './bench/queueThroughput';
import { benchRounds } from './bench/stats';
import { startupRow } from './bench/startup';
import { stayRows } from './bench/stayRow';
import { staySyncRow } from './bench/staySyncRow';
import { type BenchRow, markdownTable, meanings, textTable } from './bench/table';
import { LATENCY_MS, stopSandboxHost } from './bench/target';
import { waitIssuedRow } from './bench/waitIssued';
import { webhookVerifyRow } from './bench/webhookVerify';

// `npm run bench`: the package's performance as ratios against a baseline measured in the same
// run (the Seam SDK making the same calls, a bare HMAC, n8n-workflow's own load, …), against the
// local Seam sandbox behind a proxy that adds LATENCY_MS to every request. Each figure is the
// median of BENCH_ROUNDS rounds (default 5), with the spread min–max. A missed target is
// reported, not fatal; an error is (exit code 1).
//
//   npm run build && npm run bench
//   BENCH_ROUNDS=10 npm run bench
//   BENCH_QUEUE=0 npm run bench      # without the queue-mode row (minutes; PostgreSQL, Redis)
//   npm run bench -- --write-readme   # also replaces the table in README.md's Performance section
//
// package.json runs it with ts-node's --prefer-ts-exts: `nodes/Seam/Seam.node` must resolve to
// Seam.node.ts, not to the codex file Seam.node.json next to it (Jest prefers .ts the same way).

const README = path.join(REPO_ROOT, 'README.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

function writeReadme(markdown: string): void {
	const text = readFileSync(README, 'utf8');
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	if (start === -1 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
	writeFileSync(README, `${text.slice(0, start + START.length)}\n${markdown}\n${text.slice(end)}`);
}

async function main(): Promise<void> {
	const started = performance.now();
	const context: BenchContext = {
		rounds: benchRounds(),
		progress: (message) =>
			process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}\n`),
		runNode: (await loadNodeRunner()).runSeamNode,
	};
	context.progress(
		`bench: ${context.rounds} rounds, sandbox behind a ${LATENCY_MS} ms latency proxy, Node ${process.version}`,
	);
	const steps: Array<() => Promise<BenchRow | BenchRow[]>> = [
		() => perItemRows(context),
		() => batchingRow(context),
		() => startupRow(context),
		() => packSizeRow(context),
		() => webhookVerifyRow(context),
		() => eventCursorRow(context),
		() => waitIssuedRow(context),
		() => staySyncRow(context),
		() => stayRows(context),
		// Last: it starts a queue-mode cluster and one n8n for minutes (BENCH_QUEUE=0 skips it).
		() => queueThroughputRow(context),
	];
	const rows: BenchRow[] = [];
	for (const step of steps) {
		for (const row of [await step()].flat()) {
			rows.push(row);
			context.progress(`→ ${row.measure}: ${row.figure} (${row.ratio}) ${row.verdict}`);
		}
	}
	const seconds = ((performance.now() - started) / 1000).toFixed(0);
	const missed = rows.filter((row) => row.verdict === 'FAIL').length;

	console.log(`\n${textTable(rows)}\n`);
	console.log(
		`${missed === 0 ? 'Every target met' : `${missed} target${missed === 1 ? '' : 's'} missed`} (${context.rounds} rounds, ${seconds} s).\n`,
	);
	const markdown = [
		markdownTable(rows),
		'',
		`Measured with \`npm run bench\` (${context.rounds} rounds, ${LATENCY_MS} ms added to each request, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}). What it means:`,
		'',
		...meanings(rows),
	].join('\n');
	console.log('Markdown for README.md (Performance):\n');
	console.log(markdown);
	if (process.argv.includes('--write-readme')) {
		writeReadme(markdown);
		console.log('\nREADME.md: Performance table updated.');
	}
}

main()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(stopSandboxHost);
