import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactSecret } from './redact';

/**
 * Everything the user may see about a failed Seam call. It is built field by field from the SDK's
 * error, never by copying it: the SDK and axios errors hold the request config, and with it the
 * Authorization header.
 */
export interface SeamErrorDetails {
	message: string;
	errorType?: string;
	httpCode?: number;
	requestId?: string;
	validationErrors?: Record<string, string[]>;
}

interface AxiosLikeError {
	isAxiosError: true;
	code?: string;
	message?: string;
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
}

function isAxiosLike(error: unknown): error is AxiosLikeError {
	return (
		typeof error === 'object' && error !== null && (error as AxiosLikeError).isAxiosError === true
	);
}

interface SeamApiErrorLike {
	name: string;
	message: string;
	code: string;
	statusCode: number;
	requestId: string;
	validationErrors?: Array<{ parameterName: string; errorMessages: string[] }>;
}

function isSeamApiError(error: unknown): error is SeamApiErrorLike {
	if (!(error instanceof Error)) return false;
	const candidate = error as unknown as SeamApiErrorLike;
	return (
		typeof candidate.code === 'string' &&
		typeof candidate.statusCode === 'number' &&
		'requestId' in candidate
	);
}

const NETWORK_ERROR_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name could not be resolved',
	ECONNRESET: 'the connection was reset',
	ETIMEDOUT: 'the request timed out',
	ECONNABORTED: 'the request timed out',
	ERR_CANCELED: 'the request was cancelled',
};

function networkReason(error: AxiosLikeError): string {
	const codes = [error.code, ...causeCodes(error)];
	for (const code of codes) {
		if (code && NETWORK_ERROR_MESSAGES[code]) return NETWORK_ERROR_MESSAGES[code];
	}
	if (/timeout/i.test(error.message ?? '')) return 'the request timed out';
	return 'the network request failed';
}

function causeCodes(error: unknown): string[] {
	const codes: string[] = [];
	let cause = (error as { cause?: unknown }).cause;
	for (let depth = 0; cause && depth < 5; depth++) {
		const code = (cause as { code?: unknown }).code;
		if (typeof code === 'string') codes.push(code);
		cause = (cause as { cause?: unknown }).cause;
	}
	return codes;
}

function headerValue(
	headers: Record<string, unknown> | undefined,
	name: string,
): string | undefined {
	if (!headers) return undefined;
	const getter = (headers as { get?: (key: string) => unknown }).get;
	const value = typeof getter === 'function' ? getter.call(headers, name) : headers[name];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function bodySnippet(data: unknown): string {
	if (typeof data !== 'string') return '';
	const text = data
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Turns any error thrown while talking to Seam into the clean details above. */
export function describeSeamError(error: unknown, endpoint: string): SeamErrorDetails {
	if (isSeamApiError(error)) {
		const details: SeamErrorDetails = {
			message: error.message,
			errorType: error.code,
			httpCode: error.statusCode,
			requestId: error.requestId || undefined,
		};
		if (error.validationErrors && error.validationErrors.length > 0) {
			details.validationErrors = Object.fromEntries(
				error.validationErrors.map((v) => [v.parameterName, [...v.errorMessages]]),
			);
		}
		return details;
	}
	if (isAxiosLike(error)) {
		const status = error.response?.status;
		if (status !== undefined) {
			const snippet = bodySnippet(error.response?.data);
			return {
				message: `Seam answered HTTP ${status} without a Seam error body${snippet ? `: ${snippet}` : ''}`,
				httpCode: status,
				requestId: headerValue(error.response?.headers, 'seam-request-id'),
			};
		}
		return { message: `Could not reach Seam at ${endpoint}: ${networkReason(error)}` };
	}
	if (error instanceof Error) return { message: error.message };
	return { message: 'Unknown error while calling Seam' };
}

function describeDetails(details: SeamErrorDetails): string {
	const lines: string[] = [];
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
 * The `cause` handed to n8n is the clean details object, never the SDK error.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	context: { endpoint: string; apiKey: string; itemIndex?: number },
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const details = describeSeamError(error, context.endpoint);
	const message = redactSecret(details.message, context.apiKey);
	const description = redactSecret(describeDetails(details), context.apiKey) || undefined;
	const reachedSeam = details.httpCode !== undefined || isAxiosLike(error);
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
