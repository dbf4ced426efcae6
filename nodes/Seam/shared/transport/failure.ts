import { type RequestOutcome, SeamRequestError } from './requestError';

/**
 * What went wrong with one HTTP request to Seam. This is the only file that reads failures: the
 * network facts of what n8n's HTTP helper threw (readNetworkFailure), and the SeamRequestError
 * the transport raises (readFailure), from which the retry policy and the error messages decide.
 */

export type FailureKind =
	/** HTTP 429: Seam turned the request away without processing it. */
	| 'rate-limited'
	/** HTTP 5xx: Seam (or a proxy in front of it) failed; the request may have been processed. */
	| 'server-error'
	/** Any other HTTP status: Seam answered, and the answer is final. */
	| 'answered'
	/** No answer after the request may have left: reset, closed connection, timeout. */
	| 'no-answer'
	/** The connection was never made (refused, unknown host): Seam cannot have seen the request. */
	| 'not-sent'
	/** The request was cancelled on this side. */
	| 'cancelled'
	/** Not an HTTP failure at all (a bug, an unexpected response shape). */
	| 'other';

export interface RequestFailure {
	kind: FailureKind;
	/** Upper-case HTTP method of the failed request, when known. */
	method?: string;
	/** Path of the failed request, e.g. `/acs/users/create`. */
	path?: string;
	status?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
	/** Network error codes, outermost first (e.g. ERR_NETWORK, ECONNRESET). */
	codes: string[];
	timedOut: boolean;
}

/** Node's fetch refuses ports browsers block (e.g. 9) before connecting, with no error code. */
export const BAD_PORT = 'BAD_PORT';
// Failures that happen before a connection exists: the request cannot have reached Seam.
const NOT_SENT_CODES = new Set([
	BAD_PORT,
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_INVALID_URL',
	'UND_ERR_CONNECT_TIMEOUT',
]);

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED']);

/**
 * The facts of a request that got no answer, from whatever n8n's HTTP helper threw: the network
 * error codes and whether it timed out, read along the `cause` chain. Nothing else of that error
 * is kept: it holds the request options, Authorization header included.
 */
export function readNetworkFailure(error: unknown): RequestOutcome {
	const codes: string[] = [];
	let timedOut = false;
	let current: unknown = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
		const { code, message, cause } = current as {
			code?: unknown;
			message?: unknown;
			cause?: unknown;
		};
		if (typeof code === 'string' && !codes.includes(code)) codes.push(code);
		if (typeof message === 'string') {
			if (/timeout|timed out/i.test(message)) timedOut = true;
			if (message === 'bad port') codes.push(BAD_PORT);
		}
		current = cause;
	}
	if (codes.some((code) => TIMEOUT_CODES.has(code))) timedOut = true;
	return { codes, timedOut };
}

function kindOf(status: number | undefined, codes: string[], timedOut: boolean): FailureKind {
	if (status !== undefined) {
		if (status === 429) return 'rate-limited';
		if (status >= 500) return 'server-error';
		return 'answered';
	}
	if (codes.some((code) => NOT_SENT_CODES.has(code))) return 'not-sent';
	if (timedOut) return 'no-answer';
	if (codes.includes('ERR_CANCELED')) return 'cancelled';
	// Anything else (a reset, a connection closed mid-request, an unknown network error) may have
	// happened after Seam received the request: assume it could have been processed.
	return 'no-answer';
}

export function readFailure(error: unknown): RequestFailure {
	if (!(error instanceof SeamRequestError)) return { kind: 'other', codes: [], timedOut: false };
	const { status, headers, body, codes, timedOut } = error.outcome;
	return {
		kind: kindOf(status, codes, timedOut),
		method: error.method,
		path: error.path,
		status,
		headers,
		body,
		codes,
		timedOut: status === undefined && timedOut,
	};
}

/** Methods HTTP (and the SDK's retry library) treat as safe to repeat. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Whether repeating the request cannot do anything twice. Seam's API takes reads as GET and deletes
 * as DELETE; creates and changes go as POST/PATCH.
 */
export function isIdempotent(method: string | undefined): boolean {
	return method !== undefined && IDEMPOTENT_METHODS.has(method.toUpperCase());
}

export function headerValue(
	headers: Record<string, unknown> | undefined,
	name: string,
): string | undefined {
	if (!headers) return undefined;
	// Header names are case-insensitive; the transport keeps them in lower case, others may not.
	const wanted = name.toLowerCase();
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === wanted);
	const value = key === undefined ? undefined : headers[key];
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value !== '' ? value : undefined;
}
