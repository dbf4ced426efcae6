/**
 * Which failed requests are sent again, and after how long. The policy decides from the request's
 * method and what went wrong; failure.test.ts checks that real SDK errors are read into these
 * shapes.
 */
import type { FailureKind, RequestFailure } from '../../nodes/Seam/shared/transport/failure';
import { retryAfterMs, waitInWords } from '../../nodes/Seam/shared/transport/retryAfter';
import { retryDelayMs, shouldRetry } from '../../nodes/Seam/shared/transport/retryPolicy';

const settings = { retries: 2, maxRetryAfterMs: 60_000 };

function failure(
	kind: FailureKind,
	method: string,
	headers?: Record<string, unknown>,
): RequestFailure {
	const status = { 'rate-limited': 429, 'server-error': 503, answered: 404 }[kind as string];
	return { kind, method, path: '/x', status, headers, codes: [], timedOut: false };
}

describe('shouldRetry', () => {
	// [kind, methods retried]
	const table: Array<[FailureKind, string[]]> = [
		['rate-limited', ['GET', 'PUT', 'DELETE', 'POST', 'PATCH']],
		['server-error', ['GET', 'PUT', 'DELETE']],
		['no-answer', ['GET', 'PUT', 'DELETE']],
		['not-sent', ['GET', 'PUT', 'DELETE']],
		['answered', []],
		['cancelled', []],
		['other', []],
	];
	const methods = ['GET', 'PUT', 'DELETE', 'POST', 'PATCH'];

	test.each(table)('%s is retried for %j only', (kind, retried) => {
		const decisions = methods.filter((method) => shouldRetry(failure(kind, method), settings));
		expect(decisions).toEqual(retried);
	});

	test('an unknown method is never retried except on a rate limit', () => {
		const unknown = (kind: FailureKind) => ({ ...failure(kind, 'GET'), method: undefined });
		expect(shouldRetry(unknown('server-error'), settings)).toBe(false);
		expect(shouldRetry(unknown('no-answer'), settings)).toBe(false);
		expect(shouldRetry(unknown('rate-limited'), settings)).toBe(true);
	});

	test('a Retry-After beyond the cap is not waited for, for reads and writes alike', () => {
		for (const method of ['GET', 'POST']) {
			expect(shouldRetry(failure('rate-limited', method, { 'retry-after': '60' }), settings)).toBe(
				true,
			);
			expect(shouldRetry(failure('rate-limited', method, { 'retry-after': '61' }), settings)).toBe(
				false,
			);
		}
		expect(shouldRetry(failure('server-error', 'GET', { 'retry-after': '3600' }), settings)).toBe(
			false,
		);
		expect(
			shouldRetry(failure('rate-limited', 'GET', { 'retry-after': '2' }), {
				...settings,
				maxRetryAfterMs: 1000,
			}),
		).toBe(false);
	});
});

describe('retryDelayMs', () => {
	test('waits what Retry-After asks, at least', () => {
		const asked = failure('rate-limited', 'POST', { 'retry-after': '2' });
		expect(retryDelayMs(1, asked)).toBe(2000);
		expect(retryDelayMs(2, asked)).toBeGreaterThanOrEqual(2000);
	});

	test('reads back off exponentially from 200 ms with up to 20 % jitter', () => {
		const reset = failure('no-answer', 'GET');
		for (const [retry, base] of [
			[1, 200],
			[2, 400],
		]) {
			const delay = retryDelayMs(retry, reset);
			expect(delay).toBeGreaterThanOrEqual(base);
			expect(delay).toBeLessThanOrEqual(base * 1.2);
		}
	});

	test('a rate limit without Retry-After backs off from 1 s', () => {
		const limited = failure('rate-limited', 'POST');
		expect(retryDelayMs(1, limited)).toBeGreaterThanOrEqual(1000);
		expect(retryDelayMs(1, limited)).toBeLessThanOrEqual(1200);
		expect(retryDelayMs(2, limited)).toBeGreaterThanOrEqual(2000);
	});
});

describe('retryAfterMs', () => {
	const now = Date.parse('2030-01-01T12:00:00Z');
	test.each([
		['3', 3000],
		['0', 0],
		['1.5', 1500],
		['Tue, 01 Jan 2030 12:00:10 GMT', 10_000],
		['Tue, 01 Jan 2030 11:00:00 GMT', 0],
		['soon', undefined],
		['', undefined],
	])('Retry-After %j → %p ms', (value, expected) => {
		expect(retryAfterMs({ 'retry-after': value }, now)).toBe(expected);
	});

	test('no header, and header names read case-insensitively', () => {
		expect(retryAfterMs(undefined, now)).toBeUndefined();
		expect(retryAfterMs({}, now)).toBeUndefined();
		expect(retryAfterMs({ 'Retry-After': '4' }, now)).toBe(4000);
	});

	test.each([
		[500, 'in 1 second'],
		[45_000, 'in 45 seconds'],
		[150_000, 'in 3 minutes'],
		[3_600_000, 'in 60 minutes'],
		[7_200_000, 'in 2 hours'],
	])('%i ms is said "%s"', (ms, words) => {
		expect(waitInWords(ms)).toBe(words);
	});
});
