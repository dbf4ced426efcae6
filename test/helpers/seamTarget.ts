import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { type Sandbox, type SandboxOptions, startSandbox } from '../sandbox';
import { type RunOptions, type RunResult, runSeamNode } from './runNode';

/**
 * Where the integration tests send their requests: a Seam-compatible endpoint given by
 * SEAM_API_URL and SEAM_API_KEY (for example a real Seam sandbox workspace), or else a local
 * sandbox started for the test file.
 */
export interface SeamTarget {
	apiUrl: string;
	apiKey: string;
	/** Present when the tests run against the local sandbox (its recorded requests, its seed). */
	sandbox?: Sandbox;
	run(parameters: INodeParameters, options?: Omit<RunOptions, 'credentials'>): Promise<RunResult>;
	/** Runs the node and fails the test with the node's error if there was one. */
	ok(
		parameters: INodeParameters,
		options?: Omit<RunOptions, 'credentials'>,
	): Promise<INodeExecutionData[]>;
	close(): Promise<void>;
}

export const usingRealSeam = Boolean(process.env.SEAM_API_URL && process.env.SEAM_API_KEY);

/** `transport`: the Seam node's timeout and retries in every run, unless a run says otherwise. */
export async function startSeamTarget(
	options: SandboxOptions = {},
	{ transport }: Pick<RunOptions, 'transport'> = {},
): Promise<SeamTarget> {
	const sandbox = usingRealSeam ? undefined : await startSandbox(options);
	const apiUrl = sandbox ? sandbox.url : (process.env.SEAM_API_URL as string);
	const apiKey = sandbox ? sandbox.apiKey : (process.env.SEAM_API_KEY as string);
	const run = (parameters: INodeParameters, runOptions: Omit<RunOptions, 'credentials'> = {}) =>
		runSeamNode(parameters, { transport, ...runOptions, credentials: { apiKey, apiUrl } });
	return {
		apiUrl,
		apiKey,
		sandbox,
		run,
		async ok(parameters, runOptions) {
			const result = await run(parameters, runOptions);
			if (result.error) {
				throw new Error(
					`Seam node failed: ${result.error.message}\n${result.error.description ?? ''}`,
				);
			}
			return result.items;
		},
		close: async () => sandbox?.close(),
	};
}

/** A resource locator value as the editor stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export const inDays = (days: number, hour = 15) => {
	const date = new Date(Date.now() + days * 86_400_000);
	date.setUTCHours(hour, 0, 0, 0);
	return date.toISOString();
};
