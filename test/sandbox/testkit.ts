import { SeamHttpApiError, SeamHttpInvalidInputError } from '@seamapi/http';

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

/** The request fails with Seam's error of this type and status; returns the error. */
export async function expectApiError(
	promise: Promise<unknown>,
	code: string,
	statusCode: number,
): Promise<SeamHttpApiError> {
	const error = await expectRejection(promise);
	expect(error).toBeInstanceOf(SeamHttpApiError);
	expect(error).toMatchObject({ code, statusCode });
	return error as SeamHttpApiError;
}

/** The request fails with invalid_input naming `param`; returns its messages joined. */
export async function expectInvalidInput(
	promise: Promise<unknown>,
	param: string,
): Promise<string> {
	const error = await expectRejection(promise);
	expect(error).toBeInstanceOf(SeamHttpInvalidInputError);
	const messages = (error as SeamHttpInvalidInputError).getValidationErrorMessages(param);
	expect(messages.length).toBeGreaterThan(0);
	return messages.join(' ');
}
