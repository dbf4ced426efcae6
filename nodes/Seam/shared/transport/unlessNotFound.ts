import { answeredStatus } from './requestError';

/**
 * A Seam request whose 404 answer is a result (null), not a failure: what was looked for or
 * removed is not there. Other failures go on to api.call, which turns them into clean n8n errors.
 */
export async function unlessNotFound<T>(request: PromiseLike<T>): Promise<T | null> {
	return await Promise.resolve(request).then(
		(value) => value,
		(error: unknown) => (answeredStatus(error) === 404 ? null : Promise.reject(error)),
	);
}
