import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { BAD_PORT, headerValue, readFailure, type RequestFailure } from './failure';
import { lostWriteNotice } from './lostWrites';
import { type Redactor, secretRedactor } from './redact';
import { SeamRequestError } from './requestError';
import { retryAfterMs, waitInWords } from './retryAfter';

/**
 * Everything the user may see about a failed Seam call. It is built field by field from the
 * transport's SeamRequestError, never by copying an error: n8n's HTTP helper errors hold the
 * request options, and with them the Authorization header.
 */
export interface SeamErrorDetails {
	message: string;
	errorType?: string;
	httpCode?: number;
	requestId?: string;
	validationErrors?: Record<string, string[]>;
	/** Seam's own message, when the error message is ours (rate limits). */
	seamMessage?: string;
	/** What to do next: how to check what a lost write did. */
	advice?: string;
}

const NETWORK_REASONS: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
	ECONNRESET: 'the connection was reset',
	EPIPE: 'the connection was reset',
	UND_ERR_SOCKET: 'the connection closed before Seam answered',
	ETIMEDOUT: 'the request timed out',
	ECONNABORTED: 'the request timed out',
	UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
	[BAD_PORT]: 'the port is not allowed for HTTP requests',
	ERR_CANCELED: 'the request was cancelled',
};

function networkReason(failure: RequestFailure): string {
	if (failure.timedOut) return 'the request timed out';
	for (const code of failure.codes) {
		if (NETWORK_REASONS[code]) return NETWORK_REASONS[code];
	}
	return 'the network request failed';
}

/** A readable excerpt of a non-Seam body (a proxy's HTML page). Redacted before it is cut short,
 * so that a cut cannot leave part of the key behind. */
function bodySnippet(data: unknown, redact: Redactor): string {
	if (typeof data !== 'string') return '';
	const text = redact(data)
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function withSentence(message: string, sentence: string): string {
	return `${message}${/[.!?]$/.test(message) ? '' : '.'} ${sentence}`;
}

function rateLimitMessage(failure: RequestFailure): string {
	const lead = 'Seam is rate-limiting requests (HTTP 429) and did not carry out this one.';
	const waitMs = retryAfterMs(failure.headers);
	if (waitMs === undefined) return `${lead} Wait a minute and try again.`;
	const at = new Date(Date.now() + waitMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
	return `${lead} Try again ${waitInWords(waitMs)} (after ${at}).`;
}

/** The facts of the failure as Seam or the network reported them. */
function baseDetails(
	error: unknown,
	failure: RequestFailure,
	endpoint: string,
	redact: Redactor,
): SeamErrorDetails {
	if (error instanceof SeamRequestError) {
		const seamError = error.seamError;
		const requestId = headerValue(failure.headers, 'seam-request-id');
		if (seamError) {
			const details: SeamErrorDetails = {
				message: seamError.message,
				errorType: seamError.type,
				httpCode: failure.status,
				requestId,
			};
			const fields = Object.entries(seamError.validation_errors ?? {}).filter(
				([name, value]) => name !== '_errors' && Array.isArray(value?._errors),
			);
			if (fields.length > 0) {
				details.validationErrors = Object.fromEntries(
					fields.map(([name, value]) => [name, [...(value._errors as string[])]]),
				);
			}
			return details;
		}
		if (failure.status === 401) {
			// Seam's SDK reports a 401 without an error body the same way.
			return { message: 'Unauthorized', errorType: 'unauthorized', httpCode: 401, requestId };
		}
		if (failure.status !== undefined) {
			const snippet = bodySnippet(failure.body, redact);
			return {
				message: `Seam answered HTTP ${failure.status} without a Seam error body${snippet ? `: ${snippet}` : ''}`,
				httpCode: failure.status,
				requestId,
			};
		}
		// "Could not reach" only when the request cannot have arrived; otherwise Seam may have it.
		const lead = failure.kind === 'no-answer' ? 'No answer from Seam' : 'Could not reach Seam';
		return { message: `${lead} at ${endpoint}: ${networkReason(failure)}` };
	}
	if (error instanceof Error) return { message: error.message };
	return { message: 'Unknown error while calling Seam' };
}

/** Every string in the details, keys of validation errors included, through the redactor. */
function redactDetails(details: SeamErrorDetails, redact: Redactor): SeamErrorDetails {
	const clean: SeamErrorDetails = { message: redact(details.message) };
	if (details.errorType) clean.errorType = redact(details.errorType);
	if (details.httpCode !== undefined) clean.httpCode = details.httpCode;
	if (details.requestId) clean.requestId = redact(details.requestId);
	if (details.seamMessage) clean.seamMessage = redact(details.seamMessage);
	if (details.advice) clean.advice = redact(details.advice);
	if (details.validationErrors) {
		clean.validationErrors = Object.fromEntries(
			Object.entries(details.validationErrors).map(([field, messages]) => [
				redact(field),
				messages.map((message) => redact(String(message))),
			]),
		);
	}
	return clean;
}

/**
 * Turns any error thrown while talking to Seam into the clean details above: Seam's message, or
 * ours where the user needs more (when to retry after a rate limit; what a create whose answer
 * was lost may have done, and how to check). Every string has passed through `redact`.
 */
export function describeSeamError(
	error: unknown,
	endpoint: string,
	redact: Redactor = (text) => text,
): SeamErrorDetails {
	const failure = readFailure(error);
	const details = baseDetails(error, failure, endpoint, redact);
	if (failure.kind === 'rate-limited') {
		if (error instanceof SeamRequestError && error.seamError) details.seamMessage = details.message;
		details.message = rateLimitMessage(failure);
	}
	const lost = lostWriteNotice(failure);
	if (lost) {
		details.message = withSentence(details.message, lost.sentence);
		details.advice = lost.advice;
	}
	return redactDetails(details, redact);
}

function describeDetails(details: SeamErrorDetails): string {
	const lines: string[] = [];
	if (details.advice) lines.push(details.advice);
	if (details.seamMessage) lines.push(`Seam's message: ${details.seamMessage}`);
	const facts = [
		details.errorType ? `Seam error type: ${details.errorType}` : undefined,
		details.httpCode ? `HTTP status: ${details.httpCode}` : undefined,
		details.requestId ? `Seam request ID: ${details.requestId}` : undefined,
	].filter(Boolean);
	if (facts.length) lines.push(facts.join(' · '));
	for (const [field, messages] of Object.entries(details.validationErrors ?? {})) {
		lines.push(`${field}: ${messages.join('; ')}`);
	}
	return lines.join('\n');
}

/**
 * The n8n error for a failed Seam call. Errors the node raised itself pass through unchanged.
 * Everything handed to n8n (message, description, the error response object) is built from the
 * redacted details, never from the failed request, so n8n has no `cause` that could hold the key.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	context: { endpoint: string; apiKey: string; itemIndex?: number },
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const redact = secretRedactor(context.apiKey);
	const details = describeSeamError(error, context.endpoint, redact);
	const message = details.message;
	const description = redact(describeDetails(details)) || undefined;
	const reachedSeam = details.httpCode !== undefined || error instanceof SeamRequestError;
	if (!reachedSeam) {
		return new NodeOperationError(node, message, { description, itemIndex: context.itemIndex });
	}
	const clean: JsonObject = { message, description: description ?? null };
	if (details.errorType) clean.errorType = details.errorType;
	if (details.httpCode) clean.httpCode = String(details.httpCode);
	if (details.requestId) clean.requestId = details.requestId;
	if (details.validationErrors) clean.validationErrors = details.validationErrors;
	return new NodeApiError(node, clean, {
		message,
		description,
		httpCode: details.httpCode ? String(details.httpCode) : undefined,
		itemIndex: context.itemIndex,
	});
}
