import { existsSync } from 'node:fs';
import path from 'node:path';

import { runChecked } from './processes';
import { npmEnv } from './provision';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * `npm pack` of this repository, as it would be published: the tarball holds what package.json
 * "files" lets through (dist/), so the end-to-end tests exercise exactly what users install.
 * The build must have run (`npm test` builds first).
 */
export async function packPackage(destination: string): Promise<string> {
	const entry = path.join(REPO_ROOT, 'dist', 'nodes', 'Seam', 'Seam.node.js');
	if (!existsSync(entry)) {
		throw new Error(`${path.relative(REPO_ROOT, entry)} is missing: run \`npm run build\` first`);
	}
	const { stdout } = await runChecked(
		'npm',
		['pack', '--json', '--pack-destination', destination, '--loglevel=error'],
		{
			cwd: REPO_ROOT,
			env: npmEnv({ bin: process.execPath, version: process.version }),
			timeoutMs: 120_000,
		},
	);
	const [{ filename }] = JSON.parse(stdout) as Array<{ filename: string }>;
	return path.join(destination, filename);
}
