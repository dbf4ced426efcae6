/** The wait for Seam's asynchronous work (a PIN generated, access methods issued): waitUntil.ts. */
import { DEFAULT_PACE, pauseAfter, waitUntil } from '../../nodes/Seam/shared/access/waitUntil';

// Fake timers: the read times below are exact, whatever the machine's load.
beforeEach(() => jest.useFakeTimers({ now: 0 }));
afterEach(() => jest.useRealTimers());

/** Runs the wait to its end on the fake clock; `readyAt` in ms, reads in ms after the start. */
async function wait(readyAt: number, timeoutSeconds = 5) {
	const reads: number[] = [];
	const outcome = waitUntil({
		read: async () => reads.push(Date.now()),
		ready: () => Date.now() >= readyAt,
		timeoutSeconds,
		timedOut: (last, waited) => new Error(`read ${last} times, not ready within ${waited}`),
	}).then(
		() => ({ error: undefined, endedAt: Date.now() }),
		(error: Error) => ({ error, endedAt: Date.now() }),
	);
	await jest.advanceTimersByTimeAsync(timeoutSeconds * 1000 + 1000);
	return { reads, ...(await outcome) };
}

test('pauses start short and grow with the time waited, up to a second', () => {
	expect(pauseAfter(0)).toBe(50);
	expect(pauseAfter(150)).toBe(50);
	expect(pauseAfter(400)).toBe(100);
	expect(pauseAfter(2000)).toBe(500);
	expect(pauseAfter(60_000)).toBe(DEFAULT_PACE.maxMs);
});

test('a result ready 300 ms after the wait starts is seen by the read 12 ms later', async () => {
	const { reads, error, endedAt } = await wait(300);
	expect(error).toBeUndefined();
	expect(reads).toEqual([0, 50, 100, 150, 200, 250, 312]);
	expect(endedAt).toBe(312);
});

test('a slow result costs about one read a second once the wait is long', async () => {
	const { reads, error } = await wait(60_000, 120);
	expect(error).toBeUndefined();
	const lastMinute = reads.filter((at) => at >= 30_000);
	expect(lastMinute.length).toBeGreaterThanOrEqual(29);
	expect(lastMinute.length).toBeLessThanOrEqual(31);
	// A fixed 500 ms pause read 120 times in a minute; this reads 75 times.
	expect(reads.length).toBeLessThanOrEqual(80);
});

test('an answer already in hand that is ready costs no read', async () => {
	const read = jest.fn(async () => 'read');
	const value = await waitUntil({
		first: 'ready',
		read,
		ready: (v) => v === 'ready',
		timeoutSeconds: 1,
		timedOut: () => new Error('timed out'),
	});
	expect(value).toBe('ready');
	expect(read).not.toHaveBeenCalled();
});

test('gives up at the deadline, after a last read made at the deadline', async () => {
	const { reads, error, endedAt } = await wait(Infinity, 1);
	expect(error?.message).toBe(`read ${reads.length} times, not ready within 1 second`);
	// The last pause is cut short to end at the deadline: no overshoot by a whole pause.
	expect(reads[reads.length - 1]).toBe(1000);
	expect(endedAt).toBe(1000);
	expect(reads.length).toBe(13);
});
