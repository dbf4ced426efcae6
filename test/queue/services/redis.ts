import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

import { freePort } from '../../harness/ports';
import { startBackground, tail } from '../../harness/processes';
import { redisServerBin, type Log } from './debianPackages';

// A throwaway Redis for one test run (n8n's queue: Bull jobs and the pub/sub between main,
// workers and webhook processors), on a free loopback port, without persistence: the queue
// lives as long as the run.

export interface RedisServer {
	host: string;
	port: number;
	logFile: string;
	stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** PING → +PONG over a plain socket: no Redis client needed in the test process. */
export function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
	});
}

export async function startRedis(parent: string, log: Log): Promise<RedisServer> {
	const bin = redisServerBin();
	if (!bin) throw new Error('Redis is not installed (see ensureServicePackages)');
	const dir = path.join(parent, 'redis');
	mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const logFile = path.join(parent, 'redis.log');
	const server = startBackground(
		bin,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
			// Redis rewrites its command line (and the environment behind it) into a title: a socket
			// in the run's folder puts the folder in that title, where leftovers.ts looks for it.
			'--unixsocket',
			path.join(dir, 'redis.sock'),
			'--unixsocketperm',
			'700',
			'--proc-title-template',
			'{title} {listen-addr} {unixsocket}',
		],
		{ env: { PATH: process.env.PATH }, logFile },
	);
	const deadline = Date.now() + 30_000;
	while (!(await redisPing(port))) {
		if (server.hasExited() || Date.now() > deadline) {
			await server.stop(1000);
			throw new Error(`Redis did not start:\n${tail(server.output())}`);
		}
		await sleep(100);
	}
	log(`Redis on 127.0.0.1:${port}`);
	return { host: '127.0.0.1', port, logFile, stop: () => server.stop(5000) };
}
