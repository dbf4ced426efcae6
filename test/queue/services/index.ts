import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureServicePackages, type Log } from './debianPackages';
import { markOwner, OWNER_FILE, removeLeftoverRuns, RUN_PREFIX } from './leftovers';
import { startPostgres, type PostgresServer } from './postgres';
import { startRedis, type RedisServer } from './redis';

// PostgreSQL and Redis for one queue-mode run, in one temp folder that is deleted with them.

export type { Log } from './debianPackages';

export interface QueueServices {
	/** The run's temp folder: the servers' data and every log file. */
	dir: string;
	postgres: PostgresServer;
	redis: RedisServer;
	/** Stops both servers; with `keepLogs`, the folder stays for reading (the data goes). */
	stop(options?: { keepLogs?: boolean }): Promise<void>;
}

const removeOnExit = new Set<string>();
let exitHookInstalled = false;

/**
 * If the test process exits, its temp folders go too (its servers are killed by processes.ts'
 * exit hook). Ctrl-C or a CI runner's SIGTERM would end it without 'exit' handlers: those signals
 * are turned into an exit. A SIGKILL leaves everything behind: the next run removes it
 * (leftovers.ts).
 */
function removeAtExit(dir: string): void {
	removeOnExit.add(dir);
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const folder of removeOnExit) rmSync(folder, { recursive: true, force: true });
	});
	for (const [signal, code] of [
		['SIGINT', 130],
		['SIGTERM', 143],
		['SIGHUP', 129],
	] as const) {
		process.once(signal, () => process.exit(code));
	}
}

export async function startQueueServices(log: Log): Promise<QueueServices> {
	await ensureServicePackages(log);
	removeLeftoverRuns(log);
	const dir = mkdtempSync(path.join(tmpdir(), RUN_PREFIX));
	markOwner(dir);
	removeAtExit(dir);
	let postgres: PostgresServer | undefined;
	let redis: RedisServer | undefined;
	const stop = async (options: { keepLogs?: boolean } = {}) => {
		await Promise.all([redis?.stop(), postgres?.stop()]);
		if (options.keepLogs) {
			// Without data and owner: the next run leaves the logs alone (leftovers.ts).
			for (const data of ['postgres', 'redis', OWNER_FILE])
				rmSync(path.join(dir, data), { recursive: true, force: true });
		} else {
			rmSync(dir, { recursive: true, force: true });
		}
		removeOnExit.delete(dir);
	};
	try {
		[postgres, redis] = await Promise.all([startPostgres(dir, log), startRedis(dir, log)]);
	} catch (error) {
		await stop();
		throw error;
	}
	return { dir, postgres, redis, stop };
}
