import { sleep } from 'n8n-workflow';

/**
 * How long to pause between reads: a share of the time waited so far, within bounds. Seam may
 * finish in a few hundred milliseconds (a sandbox, a cloud-issued PIN) or in minutes (a lock that
 * is offline), so the first reads come quickly and later ones spread out: a result is seen at
 * most about a quarter of the waiting time after it is ready, and a long wait costs Seam about
 * one read a second, not two (a fixed 500 ms did both badly: ~250 ms late on a fast issue, 120
 * reads in a minute on a slow one).
 */
export interface Pace {
	/** The first pauses, and the shortest (ms). */
	minMs: number;
	/** The longest pause (ms). */
	maxMs: number;
	/** The pause as a share of the time waited so far. */
	share: number;
}

export const DEFAULT_PACE: Readonly<Pace> = Object.freeze({ minMs: 50, maxMs: 1000, share: 0.25 });

/** The pause before the next read, after `waitedMs` of waiting. */
export function pauseAfter(waitedMs: number, pace: Readonly<Pace> = DEFAULT_PACE): number {
	return Math.min(pace.maxMs, Math.max(pace.minMs, waitedMs * pace.share));
}

export interface Wait<T> {
	/** One read of what is waited for. */
	read: () => Promise<T>;
	/** Whether a read shows it ready. */
	ready: (value: T) => boolean;
	/** The user's Wait Timeout: how long, in seconds, before giving up. */
	timeoutSeconds: number;
	/** How often to read; DEFAULT_PACE unless given. */
	pace?: Readonly<Pace>;
	/**
	 * The error to throw once the time is up. It gets the last read, so it can name what is
	 * still missing, and the time waited in words ("1 second", "30 seconds").
	 */
	timedOut: (last: T, waited: string) => Error;
	/**
	 * An answer already in hand (what a create returned): looked at before the first read, so a
	 * result that is ready at once costs no request.
	 */
	first?: T;
}

/**
 * Reads until `ready` holds or the deadline passes. Seam finishes some work after answering
 * (issuing access methods, generating a PIN), and the workflow wants the finished result. The
 * last pause ends at the deadline, so the last read is made then, not up to a pause later.
 */
export async function waitUntil<T>(wait: Wait<T>): Promise<T> {
	const started = Date.now();
	const deadline = started + wait.timeoutSeconds * 1000;
	let value = wait.first ?? (await wait.read());
	for (;;) {
		if (wait.ready(value)) return value;
		const now = Date.now();
		if (now >= deadline) {
			const seconds = wait.timeoutSeconds;
			throw wait.timedOut(value, `${seconds} second${seconds === 1 ? '' : 's'}`);
		}
		await sleep(Math.min(pauseAfter(now - started, wait.pace), deadline - now));
		value = await wait.read();
	}
}
