import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * For `.catch(...)` after a write: adds to the error what was already done, so that the user
 * knows what a re-run will find, and throws it on.
 */
export function saying<T = never>(note: string): (error: unknown) => Promise<T> {
	return async (error: unknown) => {
		// The transport only throws n8n's own errors; this one learns what is already done.
		const failure = error as NodeApiError | NodeOperationError;
		failure.description = `${failure.description ?? ''}\n${note}`.trim();
		throw failure;
	};
}
