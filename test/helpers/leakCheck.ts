/**
 * Runs the Seam node with every log line captured, then checks that a secret appears nowhere a
 * user, a log shipper or n8n's database could see it: the node error (every own property,
 * enumerable or not, its stack and cause chain), the output and error items, the run data n8n
 * saves, and the logs.
 */
import type { INodeParameters } from 'n8n-workflow';

import { captureLogs, safeStringify } from './captureLogs';
import { type RunOptions, type RunResult, runSeamNode } from './runNode';

export interface CapturedRun {
	result: RunResult;
	logs: string;
}

export async function runCapturingLogs(
	parameters: INodeParameters,
	options: RunOptions,
): Promise<CapturedRun> {
	const logs = captureLogs();
	let result: RunResult;
	try {
		result = await runSeamNode(parameters, options);
	} finally {
		await logs.restore();
	}
	return { result, logs: logs.text() };
}

// Any 16 characters of the key in a row count as a leak, in any letter case: an excerpt cut in
// the middle of the key, or a server that upper-cases what it echoes, still gives part of it away.
const FRAGMENT_LENGTH = 16;

function fragmentsOf(secret: string): string[] {
	const lower = secret.toLowerCase();
	if (lower.length <= FRAGMENT_LENGTH) return [lower];
	const fragments: string[] = [];
	for (let i = 0; i + FRAGMENT_LENGTH <= lower.length; i++)
		fragments.push(lower.slice(i, i + FRAGMENT_LENGTH));
	return fragments;
}

export function expectSecretNowhere(secret: string, { result, logs }: CapturedRun): void {
	const places: Record<string, string> = {
		'node error': safeStringify(result.error) ?? '',
		'error stack': result.error?.stack ?? '',
		items: safeStringify(result.items) ?? '',
		'run data': safeStringify(result.run) ?? '',
		logs,
	};
	const fragments = fragmentsOf(secret);
	const leaks = Object.entries(places).flatMap(([place, text]) =>
		fragments
			.filter((fragment) => text.toLowerCase().includes(fragment))
			.map((f) => `${place}: ${f}`),
	);
	expect(leaks).toEqual([]);
	// The capture works: the engine's own log lines were recorded.
	expect(logs).toContain('Workflow execution started');
}
