import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

import { isAlive } from './processes';

// Provisioned runtimes (Node builds, n8n installs: gigabytes) live outside the clone, in the
// user's cache, so that every clone, test run and CI run on a machine shares them and
// `git clean` does not throw them away. N8N_NODES_SEAM_CACHE overrides the place.

export function cacheRoot(): string {
	if (process.env.N8N_NODES_SEAM_CACHE) return path.resolve(process.env.N8N_NODES_SEAM_CACHE);
	const xdg = process.env.XDG_CACHE_HOME;
	return path.join(
		xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.cache'),
		'n8n-nodes-seam',
	);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding an exclusive lock on `name` in the cache, so that two test files
 * (Jest runs them in parallel workers) or a test run and the demo never provision the same
 * thing at once. A lock left by a dead process is taken over; waiting is bounded.
 */
export async function withCacheLock<T>(
	name: string,
	timeoutMs: number,
	work: () => Promise<T>,
): Promise<T> {
	const dir = path.join(cacheRoot(), `${name}.lock`);
	const owner = path.join(dir, 'pid');
	mkdirSync(cacheRoot(), { recursive: true });
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			mkdirSync(dir); // atomic: exactly one process succeeds
			writeFileSync(owner, String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			let holder = NaN;
			try {
				holder = Number(readFileSync(owner, 'utf8'));
			} catch {
				// Just created by another process, pid not written yet.
			}
			if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
				rmSync(dir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) {
				throw new Error(
					`Timed out waiting for ${dir} (held by process ${holder}); delete it if that process is gone`,
				);
			}
			await sleep(1000);
		}
	}
	try {
		return await work();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
