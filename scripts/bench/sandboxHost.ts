import type { SeamEventType } from '@seamapi/types/connect';

import { type Sandbox, type SandboxOptions, startSandbox } from '../../test/sandbox';
import { type LatencyProxy, startLatencyProxy } from './latencyProxy';

// The bench's stand-in for Seam, in a process of its own (forked by target.ts): the local
// sandbox behind the latency proxy. Seam's own work does not run on the n8n machine, so the
// sandbox must not take CPU time from the node being measured (with both in one process,
// requests sent at the same time would wait for each other's server-side work).
// Driven over IPC: one message per request, one answer each.

export type HostRequest =
	| { op: 'start'; options: SandboxOptions; latencyMs: number }
	| { op: 'requestCount'; handle: number }
	| { op: 'requestsSince'; handle: number; from: number }
	| { op: 'reset'; handle: number }
	| { op: 'emitEvents'; handle: number; count: number; eventType: string }
	| { op: 'close'; handle: number };

export interface HostMessage {
	id: number;
	request: HostRequest;
}

export type HostAnswer =
	| { id: number; ok: true; value: unknown }
	| { id: number; ok: false; error: string };

const running = new Map<number, { sandbox: Sandbox; proxy: LatencyProxy }>();
let nextHandle = 1;

function find(handle: number) {
	const found = running.get(handle);
	if (!found) throw new Error(`No sandbox ${handle}`);
	return found;
}

async function handle(request: HostRequest): Promise<unknown> {
	switch (request.op) {
		case 'start': {
			// The bench measures the client, not the sandbox's contract checks (the tests do those).
			const sandbox = await startSandbox({ validate: false, ...request.options });
			const proxy = await startLatencyProxy(sandbox.url, request.latencyMs);
			const id = nextHandle++;
			running.set(id, { sandbox, proxy });
			return { handle: id, url: proxy.url, apiKey: sandbox.apiKey, seed: sandbox.seed };
		}
		case 'requestCount':
			return find(request.handle).proxy.requests.length;
		case 'requestsSince':
			return find(request.handle).proxy.requests.slice(request.from);
		case 'reset':
			find(request.handle).sandbox.reset();
			return null;
		case 'emitEvents':
			return find(request.handle).sandbox.emitEvents(
				request.count,
				request.eventType as SeamEventType,
			).length;
		case 'close': {
			const { sandbox, proxy } = find(request.handle);
			running.delete(request.handle);
			await proxy.close();
			await sandbox.close();
			return sandbox.contractViolations;
		}
	}
}

process.on('message', (message: HostMessage) => {
	handle(message.request).then(
		(value) => process.send?.({ id: message.id, ok: true, value } satisfies HostAnswer),
		(error: Error) =>
			process.send?.({ id: message.id, ok: false, error: error.stack ?? String(error) }),
	);
});
// The bench ended (or died): nothing is left running.
process.on('disconnect', () => process.exit(0));
