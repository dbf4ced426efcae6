import { headerValue } from './failure';

/**
 * How long Seam asked to wait, in milliseconds, from a Retry-After header: delay-seconds or an
 * HTTP date. Undefined when there is no header or it cannot be read (then nobody asked to wait).
 */
export function retryAfterMs(
	headers: Record<string, unknown> | undefined,
	now = Date.now(),
): number | undefined {
	const value = headerValue(headers, 'retry-after')?.trim();
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** "in 45 seconds", "in 3 minutes", "in 2 hours": when to try again, in words. */
export function waitInWords(ms: number): string {
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	if (seconds < 120) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
	const minutes = Math.ceil(seconds / 60);
	if (minutes < 120) return `in ${minutes} minutes`;
	return `in ${Math.ceil(minutes / 60)} hours`;
}
