import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { runChecked } from '../../test/harness/processes';

// `npm run demo` straight after `npm install` in a fresh clone: build dist/ first, and rebuild it
// when a source file is newer than the build, so the demo never shows stale nodes.

const SOURCES = [
	'nodes',
	'credentials',
	'icons',
	'vendor',
	'package.json',
	'gulpfile.js',
	'tsconfig.json',
];

function newestMtime(entry: string): number {
	if (!existsSync(entry)) return 0;
	const stats = statSync(entry);
	if (!stats.isDirectory()) return stats.mtimeMs;
	return readdirSync(entry).reduce(
		(newest, name) => Math.max(newest, newestMtime(path.join(entry, name))),
		0,
	);
}

export async function ensureBuilt(repoRoot: string, log: (message: string) => void): Promise<void> {
	const built = path.join(repoRoot, 'dist', 'nodes', 'Seam', 'Seam.node.js');
	const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
	const changedAt = Math.max(...SOURCES.map((source) => newestMtime(path.join(repoRoot, source))));
	if (builtAt >= changedAt) return;
	log(
		builtAt === 0
			? 'Building the package (npm run build) …'
			: 'Sources changed since the last build: rebuilding …',
	);
	await runChecked('npm', ['run', 'build', '--silent'], {
		cwd: repoRoot,
		env: process.env,
		timeoutMs: 10 * 60_000,
	});
}
