import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Marks an error the node raised itself as one the same item may get past later, unchanged: a
 * lock that was offline or slow to answer. The error item's `retryable` says so, as it does for
 * Seam's own 429 and 5xx, so a workflow can try again instead of asking someone to fix the input.
 */
export function mayPassLater<E extends NodeApiError | NodeOperationError>(error: E): E {
	error.context.retryable = true;
	return error;
}

/** Whether mayPassLater marked the error. */
export function markedToPassLater(error: NodeApiError | NodeOperationError): boolean {
	return error.context?.retryable === true;
}
