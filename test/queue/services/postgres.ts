import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { freePort } from '../../harness/ports';
import {
	runChecked,
	runCommand,
	startBackground,
	tail,
	type BackgroundProcess,
} from '../../harness/processes';
import { postgresBinDir, type Log } from './debianPackages';

// A throwaway PostgreSQL server for one test run: its own data folder under the run's temp
// folder, a free loopback port, trust authentication (nothing but this machine can reach it), and
// durability switched off (fsync), since the data is deleted afterwards anyway. PostgreSQL
// refuses to run as root, so as root it runs as the `postgres` user the Debian package creates.

export interface PostgresServer {
	host: string;
	port: number;
	user: string;
	database: string;
	logFile: string;
	stop(): Promise<void>;
}

const USER = 'n8n';
const DATABASE = 'n8n';

function asServiceUser(bin: string, args: string[]): [string, string[]] {
	return process.getuid?.() === 0
		? ['runuser', ['-u', 'postgres', '--', bin, ...args]]
		: [bin, args];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startPostgres(parent: string, log: Log): Promise<PostgresServer> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed (see ensureServicePackages)');
	const dir = path.join(parent, 'postgres');
	const data = path.join(dir, 'data');
	mkdirSync(dir, { recursive: true });
	// The run's folder is private to us (mkdtemp: 0700); the server's user must be able to enter it.
	chmodSync(parent, 0o711);
	if (process.getuid?.() === 0) {
		await runChecked('chown', ['postgres:postgres', dir], { env: process.env, timeoutMs: 10_000 });
	}
	// N8N_QUEUE_RUN_DIR marks the servers as this run's (leftovers.ts finds them by it).
	const env = {
		PATH: process.env.PATH,
		LANG: 'C.UTF-8',
		LC_ALL: 'C.UTF-8',
		N8N_QUEUE_RUN_DIR: parent,
	};
	const [initdb, initArgs] = asServiceUser(path.join(bin, 'initdb'), [
		'-D',
		data,
		'-U',
		USER,
		'--auth=trust',
		'-E',
		'UTF8',
		'--no-sync',
	]);
	await runChecked(initdb, initArgs, { env, timeoutMs: 120_000 });

	const port = await freePort();
	const logFile = path.join(parent, 'postgres.log');
	const [postgres, args] = asServiceUser(path.join(bin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dir}`,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		// Main, two workers and a webhook processor each keep a pool of connections.
		'-c',
		'max_connections=200',
	]);
	const server = startBackground(postgres, args, { env, logFile });
	const stop = () => stopPostgres(server);
	try {
		const deadline = Date.now() + 60_000;
		for (;;) {
			if (server.hasExited())
				throw new Error(`PostgreSQL exited while starting:\n${tail(server.output())}`);
			const ready = await runCommand(
				path.join(bin, 'pg_isready'),
				['-h', '127.0.0.1', '-p', String(port), '-U', USER],
				{ env, timeoutMs: 10_000 },
			);
			if (ready.code === 0) break;
			if (Date.now() > deadline)
				throw new Error(`PostgreSQL not ready within 60 s:\n${tail(server.output())}`);
			await sleep(200);
		}
		await runChecked(
			path.join(bin, 'createdb'),
			['-h', '127.0.0.1', '-p', String(port), '-U', USER, DATABASE],
			{ env, timeoutMs: 30_000 },
		);
	} catch (error) {
		await stop();
		throw error;
	}
	log(`PostgreSQL ${path.basename(path.dirname(bin))} on 127.0.0.1:${port} (data in ${data})`);
	return { host: '127.0.0.1', port, user: USER, database: DATABASE, logFile, stop };
}

/** Fast shutdown (SIGINT: clients disconnected, no waiting for them), then the group killed. */
async function stopPostgres(server: BackgroundProcess): Promise<void> {
	if (server.hasExited()) return;
	try {
		process.kill(-server.pid, 'SIGINT');
	} catch {
		// Gone already.
	}
	// server.stop() sends SIGTERM (a smart shutdown, which waits for clients) after the grace time:
	// by then the fast shutdown has finished.
	await server.stop(10_000);
}
