// Errors a route can raise. The server turns them into Seam's error body:
//   { error: { type, message, request_id, validation_errors? }, ok: false }
// which is what @seamapi/http's error interceptor maps to SeamHttpApiError,
// SeamHttpInvalidInputError (type 'invalid_input') or SeamHttpUnauthorizedError (401).

export type ValidationErrors = Record<string, { _errors: string[] }>;

export class SeamApiError extends Error {
	constructor(
		readonly status: number,
		readonly type: string,
		message: string,
		readonly validationErrors?: ValidationErrors,
		/** Extra response headers, e.g. Retry-After on a 429. */
		readonly headers: Record<string, string> = {},
	) {
		super(message);
		this.name = 'SeamApiError';
	}

	toBody(requestId: string): Record<string, unknown> {
		const error: Record<string, unknown> = {
			type: this.type,
			message: this.message,
			request_id: requestId,
		};
		if (this.validationErrors != null) {
			// Seam's validation_errors is a Zod `format()` tree, whose root always carries `_errors`.
			error.validation_errors = { _errors: [], ...this.validationErrors };
		}
		return { error, ok: false };
	}
}

/** 400 invalid_input naming the offending parameters, e.g. { code: 'Salto KS generates the PIN' }. */
export function invalidInput(
	problems: Record<string, string | string[]>,
	summary?: string,
): SeamApiError {
	const validationErrors: ValidationErrors = {};
	const parts: string[] = [];
	for (const [param, messages] of Object.entries(problems)) {
		const list = Array.isArray(messages) ? messages : [messages];
		validationErrors[param] = { _errors: list };
		if (param !== '_errors') parts.push(...list.map((message) => `${param}: ${message}`));
		else parts.push(...list);
	}
	return new SeamApiError(
		400,
		'invalid_input',
		summary ?? `Invalid input. ${parts.join('; ')}`,
		validationErrors,
	);
}

/** 404 with a resource-specific type, e.g. notFound('acs_user', id) -> acs_user_not_found. */
export function notFound(
	resource: string,
	id: string,
	label = resource.replace(/_/g, ' '),
): SeamApiError {
	return new SeamApiError(404, `${resource}_not_found`, `Could not find ${label} with id ${id}`);
}

export const unauthorized = (): SeamApiError =>
	new SeamApiError(
		401,
		'unauthorized',
		'Unauthorized: send `Authorization: Bearer <api key>` with a valid API key',
	);

export const endpointNotFound = (path: string): SeamApiError =>
	new SeamApiError(404, 'endpoint_not_found', `Endpoint ${path} does not exist`);

export const methodNotAllowed = (method: string, path: string, allowed: string[]): SeamApiError =>
	new SeamApiError(
		405,
		'method_not_allowed',
		`${method} is not allowed on ${path}; use ${allowed.join(', ')}`,
	);
