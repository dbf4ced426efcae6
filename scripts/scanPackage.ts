import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import type { ESLint } from 'eslint';

import { packPackage, REPO_ROOT } from '../test/harness/packPackage';
import { runChecked } from '../test/harness/processes';

// `npm run scan`: n8n's package scanner (@n8n/scan-community-package), run here, offline, the
// way n8n runs it before a community package may be installed or verified. Its CLI downloads the
// published package and the source its npm provenance points at, then lints both with
// `analyzePackage(dir, patterns)`: n8n's community-node rules (@n8n/eslint-plugin-community-nodes,
// recommended, the n8n Cloud set), eslint-plugin-n8n-nodes-base's community/nodes/credentials
// rules and no-console. Every error fails the scan. Inline `eslint-disable` comments do not
// count there (allowInlineConfig: false), and the bundled code in dist/ is scanned like our own.
// This script runs that same function on
//   - the source: package.json, nodes/ and credentials/ (the scanner's SOURCE_FILE_PATTERNS);
//   - the packed package (`npm pack` of the built dist/, unpacked): every .js and package.json.
// `--json` prints the report as JSON (test/unit/scanner.test.ts reads it); the exit code is 1 if
// a leg fails. The build must have run (`npm run scan` builds first).

const SCANNER_ENTRY = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');

/** What the scanner's CLI lints in the downloaded tarball (analyzePackageByName in scanner.mjs). */
const PACKAGE_FILE_PATTERNS = ['**/*.js', 'package.json'];

interface AnalysisResult {
	passed: boolean;
	message?: string;
	/** ESLint's "stylish" report of every file, as the scanner prints it. */
	details?: string;
}

interface Scanner {
	analyzePackage(dir: string, patterns: string[]): Promise<AnalysisResult>;
	buildScanConfig(): Promise<unknown[]>;
	SOURCE_FILE_PATTERNS: string[];
}

export interface Finding {
	/** Relative to the scanned folder: `nodes/…`, `dist/…`, `package.json`. */
	file: string;
	line: number;
	column: number;
	rule: string;
	message: string;
}

export interface ScanLeg {
	name: 'source' | 'packed package';
	patterns: string[];
	/** What was linted, relative to the scanned folder (the scanner passes a folder with none). */
	files: string[];
	/** The scanner's verdict (analyzePackage). */
	passed: boolean;
	/** The scanner's reason when it did not pass. */
	message?: string;
	/** Each error the scanner's rules report, file by file. */
	findings: Finding[];
}

export interface ScanReport {
	scanner: string;
	passed: boolean;
	legs: ScanLeg[];
}

function loadScanner(): Scanner {
	// The scanner is an ES module; this script is compiled to CommonJS, so it is loaded with
	// require(), which takes ES modules from Node 20.19 and 22.12 on.
	if (!process.features.require_module) {
		throw new Error(
			`@n8n/scan-community-package is an ES module that Node ${process.version} cannot require(): use Node 20.19+ or 22.12+`,
		);
	}
	// eslint-plugin-n8n-nodes-base reads NODE_ENV when it loads: under "test" (Jest sets it) it
	// takes every node file for Test.node.ts and reports what n8n's scan does not.
	if (process.env.NODE_ENV === 'test') {
		throw new Error('Run the scan without NODE_ENV=test, as n8n runs it');
	}
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(SCANNER_ENTRY) as Scanner;
}

/** The files analyzePackage lints in `dir`: the same glob, options and exclusions. */
function filesOf(dir: string, patterns: string[]): string[] {
	const glob = createRequire(SCANNER_ENTRY)('fast-glob') as typeof import('fast-glob');
	return glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
}

/**
 * analyzePackage() answers with a verdict and a printed report; the findings one by one come from
 * the same lint: the scanner's own ESLint and config (buildScanConfig), with the options
 * analyzePackage uses. Only errors count, as in the scanner.
 */
async function findingsOf(scanner: Scanner, dir: string, files: string[]): Promise<Finding[]> {
	const { ESLint: ScannerESLint } = createRequire(SCANNER_ENTRY)('eslint') as {
		ESLint: typeof ESLint;
	};
	const eslint = new ScannerESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: (await scanner.buildScanConfig()) as ESLint.Options['overrideConfig'],
	});
	const findings: Finding[] = [];
	for (const result of await eslint.lintFiles(files)) {
		for (const message of result.messages) {
			if (message.severity !== 2) continue;
			findings.push({
				file: path.relative(dir, result.filePath),
				line: message.line,
				column: message.column,
				rule: message.ruleId ?? '(parse error)',
				message: message.message,
			});
		}
	}
	return findings;
}

async function scanFolder(
	scanner: Scanner,
	name: ScanLeg['name'],
	dir: string,
	patterns: string[],
): Promise<ScanLeg> {
	const files = filesOf(dir, patterns);
	const result = await scanner.analyzePackage(dir, patterns);
	const findings = result.passed || files.length === 0 ? [] : await findingsOf(scanner, dir, files);
	return {
		name,
		patterns,
		files: files.map((file) => path.relative(dir, file)).sort(),
		passed: result.passed,
		message: result.message,
		findings,
	};
}

/** `npm pack`, then unpacked as the scanner unpacks a tarball from the registry. */
async function unpackedPackage(workDir: string): Promise<string> {
	const tarball = await packPackage(workDir);
	const packageDir = path.join(workDir, 'package');
	mkdirSync(packageDir);
	await runChecked('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], {
		env: process.env,
		timeoutMs: 60_000,
	});
	return packageDir;
}

export async function scanRepository(): Promise<ScanReport> {
	const scanner = loadScanner();
	const workDir = mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-seam-scan-'));
	try {
		const source = await scanFolder(scanner, 'source', REPO_ROOT, scanner.SOURCE_FILE_PATTERNS);
		const packed = await scanFolder(
			scanner,
			'packed package',
			await unpackedPackage(workDir),
			PACKAGE_FILE_PATTERNS,
		);
		const { version } = createRequire(SCANNER_ENTRY)('../package.json') as { version: string };
		return {
			scanner: `@n8n/scan-community-package@${version}`,
			passed: source.passed && packed.passed,
			legs: [source, packed],
		};
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

/** One line per finding: `file:line:column  rule  message`. */
export function formatFinding(finding: Finding): string {
	return `${finding.file}:${finding.line}:${finding.column}  ${finding.rule}  ${finding.message}`;
}

function printReport(report: ScanReport): void {
	console.log(report.scanner);
	for (const leg of report.legs) {
		const verdict = leg.passed ? 'passed' : `FAILED (${leg.message ?? 'no reason given'})`;
		console.log(
			`\n${leg.name} (${leg.files.length} files: ${leg.patterns.join(', ')}): ${verdict}`,
		);
		for (const finding of leg.findings) console.log(`  ${formatFinding(finding)}`);
		if (leg.findings.length > 0) {
			const files = new Set(leg.findings.map((finding) => finding.file));
			console.log(`  ${leg.findings.length} error(s) in ${files.size} file(s)`);
		}
	}
	console.log(report.passed ? '\nThe scan passed.' : '\nThe scan failed.');
}

async function main(): Promise<void> {
	const report = await scanRepository();
	if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, '\t'));
	else printReport(report);
	process.exitCode = report.passed ? 0 : 1;
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exitCode = 2;
	});
}
