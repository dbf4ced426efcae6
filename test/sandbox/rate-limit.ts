import { SeamApiError } from './errors';
import type { SandboxSettings } from './routes/types';
import type { Store } from './store';

// Seam limits writes per device ("Rate Limits and Guardrails": e.g. 10 access
// code creations a minute, 15 lock requests a minute) and answers 429 beyond
// that. With SandboxOptions.deviceRateLimit one sliding window counts every
// access code write (create, create_multiple, update, delete) and lock action
// on a device together. A refused request changes nothing and is not counted.
// The writes live in the store, so reset() forgets them.

/**
 * Throws 429 (with Retry-After) if one of the devices has used up its window;
 * otherwise returns `count`, which records one write on each device. Routes
 * call `count()` once everything else has been checked.
 */
export function guardDeviceWrites(
	store: Store,
	settings: SandboxSettings,
	deviceIds: string[],
	now: Date,
): () => void {
	const limit = settings.deviceRateLimit;
	if (limit == null) return () => undefined;
	const nowMs = now.getTime();
	const unique = [...new Set(deviceIds)];
	for (const deviceId of unique) {
		const recent = (store.deviceWrites.get(deviceId) ?? []).filter(
			(at) => at > nowMs - limit.windowMs,
		);
		store.deviceWrites.set(deviceId, recent);
		if (recent.length >= limit.writesPerWindow) {
			// The window frees up when the oldest write in it leaves it.
			const freeInMs = recent[recent.length - limit.writesPerWindow] + limit.windowMs - nowMs;
			const retryAfter = Math.max(1, Math.ceil(freeInMs / 1000));
			throw new SeamApiError(
				429,
				'rate_limited',
				`Too many writes to device ${deviceId}: at most ${limit.writesPerWindow} per ${limit.windowMs} ms. Retry after ${retryAfter} s.`,
				undefined,
				{ 'retry-after': String(retryAfter) },
			);
		}
	}
	return () => {
		for (const deviceId of unique) store.deviceWrites.get(deviceId)?.push(nowMs);
	};
}

/** Validates SandboxOptions.deviceRateLimit. */
export function deviceRateLimitOption(
	value: { writesPerWindow: number; windowMs: number } | undefined,
): { writesPerWindow: number; windowMs: number } | undefined {
	if (value == null) return undefined;
	const { writesPerWindow, windowMs } = value;
	if (!Number.isInteger(writesPerWindow) || writesPerWindow < 1) {
		throw new RangeError('deviceRateLimit.writesPerWindow must be a positive integer');
	}
	if (!Number.isFinite(windowMs) || windowMs <= 0) {
		throw new RangeError('deviceRateLimit.windowMs must be a positive number');
	}
	return { writesPerWindow, windowMs };
}
