import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

import type { SandboxOptions, SeedIds } from '../../test/sandbox';
import { REPO_ROOT } from './engineHost';
import type { ProxiedRequest } from './latencyProxy';
import type { HostAnswer, HostMessage, HostRequest } from './sandboxHost';
import { type SeamHttp, seamSdk } from './seamSdk';

/** Each request waits this long at the proxy: Seam one network hop away. */
export const LATENCY_MS = 20;

/**
 * The local sandbox behind the latency proxy, in its own process (sandboxHost.ts), and the SDK
 * pointed at the proxy in this one, next to the node.
 */
export interface BenchTarget {
	seed: SeedIds;
	/** For the node: requests go through the proxy. */
	credentials: { apiKey: string; apiUrl: string };
	seam: SeamHttp;
	/** How many requests reached the proxy so far; an index for `requestsSince`. */
	requestCount(): Promise<number>;
	requestsSince(from: number): Promise<ProxiedRequest[]>;
	/** The sandbox's seed again, without events (sandbox.reset()). */
	reset(): Promise<void>;
	emitEvents(count: number, eventType: string): Promise<void>;
	close(): Promise<void>;
}

let host: ChildProcess | undefined;
let nextId = 1;
const pending = new Map<
	number,
	{ resolve: (value: unknown) => void; reject: (e: Error) => void }
>();

function startHost(): ChildProcess {
	const child = fork(path.join(__dirname, 'sandboxHost.ts'), [], {
		cwd: REPO_ROOT,
		execArgv: ['-r', 'ts-node/register/transpile-only'],
		env: { ...process.env, TS_NODE_PROJECT: path.join(REPO_ROOT, 'scripts', 'tsconfig.json') },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	child.on('message', (answer: HostAnswer) => {
		const waiting = pending.get(answer.id);
		if (!waiting) return;
		pending.delete(answer.id);
		if (answer.ok) waiting.resolve(answer.value);
		else waiting.reject(new Error(`sandbox host: ${answer.error}`));
	});
	child.on('exit', (code, signal) => {
		host = undefined;
		for (const waiting of pending.values()) {
			waiting.reject(new Error(`The sandbox host exited (${signal ?? code})`));
		}
		pending.clear();
	});
	return child;
}

async function ask<T>(request: HostRequest): Promise<T> {
	host ??= startHost();
	const id = nextId++;
	const answer = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
	host.send({ id, request } satisfies HostMessage);
	return (await answer) as T;
}

/** Ends the sandbox process (at the end of the bench). */
export function stopSandboxHost(): void {
	host?.disconnect();
}

export async function startBenchTarget(options: SandboxOptions = {}): Promise<BenchTarget> {
	const started = await ask<{ handle: number; url: string; apiKey: string; seed: SeedIds }>({
		op: 'start',
		options,
		latencyMs: LATENCY_MS,
	});
	const { handle } = started;
	return {
		seed: started.seed,
		credentials: { apiKey: started.apiKey, apiUrl: started.url },
		seam: await seamSdk(started.url, started.apiKey),
		requestCount: () => ask({ op: 'requestCount', handle }),
		requestsSince: (from) => ask({ op: 'requestsSince', handle, from }),
		reset: () => ask({ op: 'reset', handle }),
		emitEvents: (count, eventType) => ask({ op: 'emitEvents', handle, count, eventType }),
		async close() {
			const violations = await ask<string[]>({ op: 'close', handle });
			if (violations.length > 0) throw new Error(`The sandbox crashed:\n${violations.join('\n')}`);
		},
	};
}
