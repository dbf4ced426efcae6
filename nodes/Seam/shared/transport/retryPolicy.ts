import { isIdempotent, type RequestFailure } from './failure';
import { retryAfterMs } from './retryAfter';

export interface RetrySettings {
	/** Retries after the first attempt (so at most retries + 1 requests). */
	retries: number;
	/** A Retry-After longer than this is not waited for: the request fails with when to retry. */
	maxRetryAfterMs: number;
}

/**
 * Whether a failed request is sent again.
 * - 429: always (any method): Seam processed nothing, so even a create cannot happen twice.
 * - 5xx, no answer (reset, closed, timeout), no connection: only idempotent requests (reads and
 *   PUT/DELETE). A create or change (POST/PATCH) may already have been applied, and sending it
 *   again could make a second access grant or PIN; its error says so instead.
 * - A Retry-After beyond `maxRetryAfterMs`: never; a workflow should not sit waiting for minutes.
 */
export function shouldRetry(failure: RequestFailure, settings: RetrySettings): boolean {
	const asked = retryAfterMs(failure.headers);
	if (asked !== undefined && asked > settings.maxRetryAfterMs) return false;
	switch (failure.kind) {
		case 'rate-limited':
			return true;
		case 'server-error':
		case 'no-answer':
		case 'not-sent':
			return isIdempotent(failure.method);
		default:
			return false;
	}
}

/**
 * Wait before retry number `retry` (1-based): what Seam asked for in Retry-After, and at least an
 * exponential backoff with 20 % jitter (as the Seam SDK does: 200 ms, 400 ms, …). Rate limits without
 * Retry-After back off from 1 s, since Seam's limits are counted per minute.
 */
export function retryDelayMs(retry: number, failure: RequestFailure): number {
	const base = failure.kind === 'rate-limited' ? 1000 * 2 ** (retry - 1) : 100 * 2 ** retry;
	const backoff = base * (1 + 0.2 * Math.random());
	return Math.max(retryAfterMs(failure.headers) ?? 0, backoff);
}
