import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureServicePackages, type Log } from './debianPackages';
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

/** If the test process dies, its temp folders go too (the servers are killed by processes.ts). */
function removeAtExit(dir: string): void {
	removeOnExit.add(dir);
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const folder of removeOnExit) rmSync(folder, { recursive: true, force: true });
	});
}

export async function startQueueServices(log: Log): Promise<QueueServices> {
	await ensureServicePackages(log);
	const dir = mkdtempSync(path.join(tmpdir(), 'n8n-queue-'));
	removeAtExit(dir);
	let postgres: PostgresServer | undefined;
	let redis: RedisServer | undefined;
	const stop = async (options: { keepLogs?: boolean } = {}) => {
		await Promise.all([redis?.stop(), postgres?.stop()]);
		if (options.keepLogs) {
			for (const data of ['postgres', 'redis'])
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
