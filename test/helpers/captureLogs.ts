import { LoggerProxy } from 'n8n-workflow';

/**
 * Collects everything that could end up in a log: n8n's logger (as the engine and nodes use it),
 * console.* and direct writes to stdout/stderr.
 */
export function captureLogs(): { text: () => string; restore: () => Promise<void> } {
	const lines: string[] = [];
	const record = (...args: unknown[]) => {
		lines.push(args.map((a) => (typeof a === 'string' ? a : safeStringify(a))).join(' '));
	};
	const logger = {
		error: record,
		warn: record,
		info: record,
		debug: record,
		verbose: record,
		scoped: () => logger,
	};
	LoggerProxy.init(logger as unknown as Parameters<typeof LoggerProxy.init>[0]);
	const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
		jest.spyOn(console, method).mockImplementation(record),
	);
	const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
		record(String(chunk));
		return true;
	});
	const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
		record(String(chunk));
		return true;
	});
	return {
		text: () => lines.join('\n'),
		restore: async () => {
			// winston writes through streams: wait until the log has been quiet for 100 ms (at most
			// 3 s) so that lines still in flight are captured too, even on a loaded machine.
			for (let waited = 0, seen = -1; waited < 3000 && seen !== lines.length; waited += 100) {
				seen = lines.length;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			for (const spy of [...spies, stdout, stderr]) spy.mockRestore();
		},
	};
}

export function safeStringify(value: unknown): string {
	const seen = new WeakSet();
	return JSON.stringify(value, (_key, v: unknown) => {
		if (typeof v === 'object' && v !== null) {
			if (seen.has(v)) return '[circular]';
			seen.add(v);
		}
		if (v instanceof Error) {
			// Every own property, enumerable or not (NodeApiError keeps `errorResponse` hidden), and
			// the cause chain: whatever n8n or a log shipper might serialise.
			const all: Record<string, unknown> = {};
			for (const name of Object.getOwnPropertyNames(v))
				all[name] = (v as unknown as Record<string, unknown>)[name];
			all.cause = (v as { cause?: unknown }).cause;
			return all;
		}
		return v;
	});
}
