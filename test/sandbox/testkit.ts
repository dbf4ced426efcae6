/** Small helpers the sandbox's own tests share. */

const HOUR = 60 * 60 * 1000;

/** An ISO instant `hours` from now. */
export const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** Reads until `done` holds, every 50 ms, failing with the last value after `timeoutMs`. */
export async function waitFor<T>(
	read: () => Promise<T>,
	done: (value: T) => boolean,
	timeoutMs = 5_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline)
			throw new Error(`Condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** The error a request fails with; fails the test if it succeeds. */
export async function expectRejection(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('Expected the request to fail');
}
