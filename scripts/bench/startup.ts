import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { REPO_ROOT } from './engineHost';
import type { BenchContext } from './context';
import { spread } from './stats';
import { type BenchRow, ms, noise, times, verdict } from './table';

// Row 3: what the package adds to n8n's start-up. n8n requires every node and credential file
// of an installed package to read their descriptions; that time is paid on every start, by
// every instance. Measured in fresh child processes (nothing cached): the time to require the
// built files after n8n-workflow is loaded, minus the same child requiring nothing, and whether
// an HTTP client came along (it should load on the first request, not at start-up).

const MAX_MS = 15;
const HTTP_CLIENT =
	/[\\/]node_modules[\\/](axios|undici|follow-redirects)[\\/]|[\\/]dist[\\/]vendor[\\/]seam-http/;

/** Runs in the child: times the requires, lists the HTTP client modules they loaded. */
const CHILD = `
const { performance } = require('node:perf_hooks');
const t0 = performance.now();
require('n8n-workflow');
const t1 = performance.now();
const files = JSON.parse(process.argv[1]);
for (const file of files) require(file);
const t2 = performance.now();
const pattern = new RegExp(process.argv[2]);
const http = Object.keys(require.cache).filter((key) => pattern.test(key));
process.stdout.write(JSON.stringify({ workflowMs: t1 - t0, requireMs: t2 - t1, http }));
`;

interface ChildReport {
	workflowMs: number;
	requireMs: number;
	http: string[];
}

const execFileAsync = promisify(execFile);

async function child(files: string[]): Promise<ChildReport> {
	const { stdout } = await execFileAsync(
		process.execPath,
		['-e', CHILD, JSON.stringify(files), HTTP_CLIENT.source],
		{ cwd: REPO_ROOT, env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 },
	);
	return JSON.parse(stdout) as ChildReport;
}

/** The files n8n loads at start-up: every node and credential the package declares. */
export function packageEntryFiles(): string[] {
	const dist = path.join(REPO_ROOT, 'dist');
	const nodes = path.join(dist, 'nodes', 'Seam');
	const credentials = path.join(dist, 'credentials');
	if (!existsSync(nodes) || !existsSync(credentials)) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	return [
		...readdirSync(nodes)
			.filter((name) => name.endsWith('.node.js'))
			.map((name) => path.join(nodes, name)),
		...readdirSync(credentials)
			.filter((name) => name.endsWith('.js'))
			.map((name) => path.join(credentials, name)),
	];
}

export async function startupRow(context: BenchContext): Promise<BenchRow> {
	const files = packageEntryFiles();
	const shares: number[] = [];
	const workflow: number[] = [];
	const loaded = new Set<string>();
	// Children are cheap: more rounds than the others, to see past process noise.
	const rounds = context.rounds * 2;
	await child(files); // the disk cache warms up
	for (let round = 0; round < rounds; round++) {
		let withFiles: ChildReport;
		let without: ChildReport;
		if (round % 2 === 0) {
			withFiles = await child(files);
			without = await child([]);
		} else {
			without = await child([]);
			withFiles = await child(files);
		}
		shares.push(withFiles.requireMs - without.requireMs);
		workflow.push(without.workflowMs);
		const before = new Set(without.http);
		for (const file of withFiles.http) {
			if (!before.has(file)) loaded.add(path.relative(REPO_ROOT, file));
		}
	}
	context.progress(`start-up: ${rounds} child pairs`);
	const share = spread(shares);
	const workflowLoad = spread(workflow);
	const clients = [...loaded];
	return {
		id: '3',
		measure: `Start-up: require ${files.length} node and credential files after n8n-workflow`,
		figure: `${ms(share.median)}; HTTP client loaded: ${clients.length ? clients.slice(0, 3).join(', ') : 'none'}`,
		baseline: `n8n-workflow itself ${ms(workflowLoad.median)}`,
		ratio: times(share.median / workflowLoad.median),
		noise: noise(share, ms),
		target: `≤ ${MAX_MS} ms, no HTTP client`,
		verdict: verdict(share.median <= MAX_MS && clients.length === 0),
		meaning: `n8n loads the package's ${files.length} node and credential files on every start: ${ms(share.median)} on this machine${clients.length ? `, loading an HTTP client (${clients[0]})` : '; no HTTP client is loaded at start-up'}.`,
	};
}
