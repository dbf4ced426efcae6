/**
 * What went wrong with one HTTP request to Seam, read from whatever the SDK threw: an axios error
 * (no answer, or an answer without a Seam error body) or the SDK's Seam API error, which keeps the
 * axios error as its `cause`. This is the only file that knows the shape of those errors; the
 * retry policy and the error messages both decide from the `RequestFailure` it returns.
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

interface AxiosLikeError {
	isAxiosError: true;
	code?: string;
	message?: string;
	config?: { method?: string; url?: string };
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
}

export function isAxiosLike(error: unknown): error is AxiosLikeError {
	return (
		typeof error === 'object' && error !== null && (error as AxiosLikeError).isAxiosError === true
	);
}

/** The axios error behind `error`: itself, or the `cause` the SDK's Seam API errors carry. */
function axiosErrorOf(error: unknown): AxiosLikeError | undefined {
	if (isAxiosLike(error)) return error;
	const cause = (error as { cause?: unknown } | null)?.cause;
	return isAxiosLike(cause) ? cause : undefined;
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

function errorCodes(error: AxiosLikeError): string[] {
	const codes: string[] = [];
	let current: unknown = error;
	for (let depth = 0; current && depth < 6; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string') codes.push(code);
		else if ((current as { message?: unknown }).message === 'bad port') codes.push(BAD_PORT);
		current = (current as { cause?: unknown }).cause;
	}
	return codes;
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
	const axiosError = axiosErrorOf(error);
	if (!axiosError) {
		// A Seam API error whose axios cause is missing still carries its HTTP status.
		const status = (error as { statusCode?: unknown } | null)?.statusCode;
		if (typeof status === 'number')
			return { kind: kindOf(status, [], false), status, codes: [], timedOut: false };
		return { kind: 'other', codes: [], timedOut: false };
	}
	const codes = errorCodes(axiosError);
	const status = axiosError.response?.status;
	const timedOut =
		codes.some((code) => TIMEOUT_CODES.has(code)) || /timeout/i.test(axiosError.message ?? '');
	return {
		kind: kindOf(status, codes, timedOut),
		method: axiosError.config?.method?.toUpperCase(),
		path: axiosError.config?.url?.split('?')[0],
		status,
		headers: axiosError.response?.headers,
		body: axiosError.response?.data,
		codes,
		timedOut: status === undefined && timedOut,
	};
}

/** Methods HTTP (and the SDK's retry library) treat as safe to repeat. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Whether repeating the request cannot do anything twice. Seam's SDK sends reads as GET and a few
 * set-membership writes as PUT/DELETE; creates and changes go as POST/PATCH.
 */
export function isIdempotent(method: string | undefined): boolean {
	return method !== undefined && IDEMPOTENT_METHODS.has(method.toUpperCase());
}

export function headerValue(
	headers: Record<string, unknown> | undefined,
	name: string,
): string | undefined {
	if (!headers) return undefined;
	// axios gives an AxiosHeaders object (case-insensitive `get`) or, in older paths, a plain one.
	const getter = (headers as { get?: (key: string) => unknown }).get;
	const value = typeof getter === 'function' ? getter.call(headers, name) : headers[name];
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value !== '' ? value : undefined;
}
