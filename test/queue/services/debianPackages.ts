import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { withCacheLock } from '../../harness/cache';
import { runChecked } from '../../harness/processes';

// The queue suite needs PostgreSQL and Redis on this machine. They come from the distribution's
// packages (Debian's apt), installed by the suite itself when missing, so that a fresh CI machine
// needs no preparation: the same promise the n8n cache makes for n8n.

export type Log = (message: string) => void;

const MINUTE = 60_000;

/** The newest PostgreSQL server binaries folder Debian installed (/usr/lib/postgresql/<v>/bin). */
export function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((name) => existsSync(path.join(root, name, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

export function redisServerBin(): string | undefined {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((bin) => existsSync(bin));
}

function missingPackages(): string[] {
	const missing: string[] = [];
	if (!postgresBinDir()) missing.push('postgresql');
	if (!redisServerBin()) missing.push('redis-server');
	return missing;
}

/** Runs apt as root: directly when we are root, through sudo (without a prompt) otherwise. */
function asRoot(args: string[]): [string, string[]] {
	if (process.getuid?.() === 0) return [args[0], args.slice(1)];
	if (existsSync('/usr/bin/sudo')) return ['sudo', ['-n', ...args]];
	throw new Error(
		`The queue suite needs ${missingPackages().join(' and ')}; install them as root: apt-get install -y postgresql redis-server`,
	);
}

/**
 * Makes sure PostgreSQL and Redis are installed (`apt-get update`, then `apt-get install -y
 * postgresql redis-server`), printing apt's progress. Services the packages start system-wide
 * are not used: the suite runs its own servers on free ports.
 */
export async function ensureServicePackages(log: Log): Promise<void> {
	if (missingPackages().length === 0) return;
	await withCacheLock('apt-get', 30 * MINUTE, async () => {
		const missing = missingPackages();
		if (missing.length === 0) return;
		if (!existsSync('/usr/bin/apt-get')) {
			throw new Error(
				`The queue suite needs ${missing.join(' and ')}, and this is no Debian system: install them by hand`,
			);
		}
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const progress = (chunk: string) =>
			chunk
				.split('\n')
				.filter((line) => line.trim())
				.forEach((line) => log(`apt: ${line.trim()}`));
		log(`Installing ${missing.join(' and ')} from Debian's packages …`);
		const started = Date.now();
		const [update, updateArgs] = asRoot(['apt-get', 'update']);
		await runChecked(update, updateArgs, { env, timeoutMs: 10 * MINUTE, onOutput: progress });
		const [install, installArgs] = asRoot(['apt-get', 'install', '-y', ...missing]);
		await runChecked(install, installArgs, { env, timeoutMs: 20 * MINUTE, onOutput: progress });
		const still = missingPackages();
		if (still.length)
			throw new Error(
				`apt-get installed ${missing.join(', ')} but ${still.join(', ')} is still missing`,
			);
		log(`${missing.join(' and ')} installed after ${Math.round((Date.now() - started) / 1000)} s.`);
	});
}
