/**
 * n8n's package scanner (@n8n/scan-community-package) on this package, offline: the source
 * (package.json, nodes/, credentials/) and the packed package (every .js and package.json of the
 * `npm pack` tarball), linted with the scanner's own analyzePackage() as n8n does before a
 * community package may be installed or verified. Any error fails; each is listed as
 * `file:line:column  rule  message`. The build must have run (`npm test` builds first).
 *
 * The scanner is an ES module that must run in plain Node, as n8n runs it (in Jest's module
 * registry its plugins would see another parser instance and some rules would silently do
 * nothing), so the test runs scripts/scanPackage.ts (`npm run scan`) as a child process, without
 * Jest's NODE_ENV, and reads its JSON report.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import type { ScanLeg, ScanReport } from '../../scripts/scanPackage';

const root = path.resolve(__dirname, '../..');

/** As `formatFinding` in scripts/scanPackage.ts (not imported: that module loads the scanner). */
const describeFindings = (leg: ScanLeg): string[] =>
	leg.findings.map((f) => `${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.message}`);

function withoutNodeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const { NODE_ENV: _testMode, ...rest } = env;
	return rest;
}

async function runScan(): Promise<ScanReport> {
	const { stdout } = await promisify(execFile)(
		process.execPath,
		[
			require.resolve('ts-node/dist/bin.js'),
			'--transpile-only',
			'scripts/scanPackage.ts',
			'--json',
		],
		{
			cwd: root,
			// Jest's NODE_ENV=test switches eslint-plugin-n8n-nodes-base to its own test mode.
			env: withoutNodeEnv(process.env),
			maxBuffer: 64 * 1024 * 1024,
			timeout: 240_000,
		},
	).catch((error: { code?: number; stdout?: string; stderr?: string }) => {
		// Exit code 1 (a failed scan) still carries the report on stdout.
		if (error.code === 1 && error.stdout) return { stdout: error.stdout };
		throw new Error(`scripts/scanPackage.ts did not produce a report:\n${error.stderr ?? error}`);
	});
	return JSON.parse(stdout) as ScanReport;
}

describe("n8n's community package scanner", () => {
	let report: ScanReport;

	beforeAll(async () => {
		report = await runScan();
	}, 300_000);

	const leg = (name: ScanLeg['name']): ScanLeg => {
		const found = report.legs.find((l) => l.name === name);
		if (!found) throw new Error(`the report has no "${name}" leg`);
		return found;
	};

	test.each<ScanLeg['name']>(['source', 'packed package'])('finds no error in the %s', (name) => {
		const scanned = leg(name);
		// Every finding, one per line, before the verdict: a failure shows what to fix.
		expect(describeFindings(scanned)).toEqual([]);
		expect({ passed: scanned.passed, message: scanned.message }).toEqual({
			passed: true,
			message: undefined,
		});
	});

	test('scans what n8n scans: the sources and every built file of the package', () => {
		const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
			n8n: { nodes: string[]; credentials: string[] };
		};
		const source = leg('source');
		expect(source.patterns).toEqual(['package.json', '{nodes,credentials}/**/*.{js,ts,json}']);
		for (const file of ['package.json', ...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			const sourceFile = file.replace(/^dist\//, '').replace(/\.js$/, '.ts');
			expect(source.files).toContain(sourceFile);
		}

		const packed = leg('packed package');
		expect(packed.patterns).toEqual(['**/*.js', 'package.json']);
		for (const file of ['package.json', ...pkg.n8n.nodes, ...pkg.n8n.credentials])
			expect(packed.files).toContain(file);
		expect(packed.files.filter((file) => !file.endsWith('.js'))).toEqual(['package.json']);
	});
});
