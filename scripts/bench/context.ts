import type { RunOptions, RunResult } from '../../test/helpers/runNode';
import type { INodeParameters } from 'n8n-workflow';

/** What every row of the bench is given. */
export interface BenchContext {
	/** Repeat rounds (BENCH_ROUNDS). */
	rounds: number;
	/** One line of progress on stderr. */
	progress(message: string): void;
	/** The Seam node in n8n's engine (test/helpers/runNode.ts). */
	runNode(parameters: INodeParameters, options: RunOptions): Promise<RunResult>;
}

// n8n-workflow checks resource locator IDs with a regular expression run under a 250 ms
// timeout (safeRegex). On a machine so busy that this process gets no CPU for 250 ms, that check
// fails and the node run with it: the machine's fault, not the package's. Such a round is run
// again (and said so); any other error, or the same one twice, ends the bench.
const STARVED = 'Regular expression execution timed out';

/** Runs one measured round, again once if n8n's regex timeout (see above) broke it. */
export async function measured<T>(context: BenchContext, measure: () => Promise<T>): Promise<T> {
	try {
		return await measure();
	} catch (error) {
		if (!String((error as Error).message).includes(STARVED)) throw error;
		context.progress(
			`n8n's regex check timed out (this process got no CPU for 250 ms): round repeated`,
		);
		return await measure();
	}
}
