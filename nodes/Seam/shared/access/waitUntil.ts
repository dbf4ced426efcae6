import { sleep } from 'n8n-workflow';

export interface Wait<T> {
	/** One read of what is waited for. */
	read: () => Promise<T>;
	/** Whether a read shows it ready. */
	ready: (value: T) => boolean;
	/** The user's Wait Timeout: how long, in seconds, before giving up. */
	timeoutSeconds: number;
	intervalMs: number;
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
 * (issuing access methods, generating a PIN), and the workflow wants the finished result.
 */
export async function waitUntil<T>(wait: Wait<T>): Promise<T> {
	const deadline = Date.now() + wait.timeoutSeconds * 1000;
	let value = wait.first ?? (await wait.read());
	for (;;) {
		if (wait.ready(value)) return value;
		if (Date.now() >= deadline) {
			const seconds = wait.timeoutSeconds;
			throw wait.timedOut(value, `${seconds} second${seconds === 1 ? '' : 's'}`);
		}
		await sleep(wait.intervalMs);
		value = await wait.read();
	}
}
