/** Seam's error object in an error answer: `{ "error": { "type", "message", ... } }`. */
export interface SeamErrorBody {
	type: string;
	message: string;
	validation_errors?: Record<string, { _errors?: string[] }>;
}

export interface RequestOutcome {
	status?: number;
	/** Answer headers, names in lower case. */
	headers?: Record<string, unknown>;
	body?: unknown;
	/** Network error codes found on the failure, outermost first (e.g. ECONNRESET). */
	codes: string[];
	timedOut: boolean;
}

/**
 * A request to Seam that did not succeed: the method and path that were sent, and what came back
 * (an answer, or a network failure). It is built from plain facts and never holds the request
 * options or the error n8n's HTTP helper threw, which carry the Authorization header.
 */
export class SeamRequestError extends Error {
	readonly seamError?: SeamErrorBody;

	constructor(
		readonly method: string,
		readonly path: string,
		readonly outcome: RequestOutcome,
	) {
		const seamError = seamErrorOf(outcome.body);
		super(
			seamError?.message ??
				(outcome.status !== undefined
					? `Seam answered HTTP ${outcome.status}`
					: 'The request to Seam failed'),
		);
		this.name = 'SeamRequestError';
		if (seamError) this.seamError = seamError;
	}
}

/** Seam's error object, when the body is one (the SDK reads error answers the same way). */
export function seamErrorOf(body: unknown): SeamErrorBody | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const error = (body as { error?: unknown }).error;
	if (error === null || typeof error !== 'object') return undefined;
	const { type, message } = error as { type?: unknown; message?: unknown };
	return typeof type === 'string' && typeof message === 'string'
		? (error as SeamErrorBody)
		: undefined;
}

/** The HTTP status Seam answered a failed request with; undefined for anything else. */
export function answeredStatus(error: unknown): number | undefined {
	return error instanceof SeamRequestError ? error.outcome.status : undefined;
}
