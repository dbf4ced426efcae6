import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import {
	endpointNotFound,
	invalidInput,
	methodNotAllowed,
	SeamApiError,
	unauthorized,
} from './errors';
import { deliverFault, type Fault, type FaultQueue, faultStatus, isProcessed } from './faults';
import { Input } from './input';
import { documentedMethods, requestSchemaOf } from './openapi-document';
import type { ContractValidator } from './openapi-validator';
import { parseJsonBody, parseQuery } from './params';
import { routes } from './routes';
import type { SandboxSettings } from './routes/types';
import { settleDueWork } from './settle';
import type { Store } from './store';

// One request, start to finish: route -> auth -> method -> parameters ->
// validation -> settle time-based state -> handler -> response contract check.
// An injected fault (faults.ts) replaces the answer, before or after processing.

export interface RecordedRequest {
	method: string;
	path: string;
	/** Merged query + body parameters, after coercion to the documented types. */
	params: Record<string, unknown>;
	/** The HTTP status sent; 0 when an injected fault sent no answer (reset, hang). */
	status: number;
	/** The injected fault that replaced the answer, if any. */
	fault?: Fault;
}

export interface HandlerState {
	apiKey: string;
	store(): Store;
	validator: ContractValidator | null;
	settings: SandboxSettings;
	requests: RecordedRequest[];
	contractViolations: string[];
	/** Faults queued by tests for the next requests of a route. */
	faults?: FaultQueue;
	/** Runs after every handled request, e.g. to react to webhooks created or deleted. */
	afterRequest?: () => void;
}

const MAX_BODY_BYTES = 1024 * 1024;

export function createRequestHandler(state: HandlerState) {
	return (req: IncomingMessage, res: ServerResponse): void => {
		void handle(state, req, res);
	};
}

async function handle(
	state: HandlerState,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const requestId = randomUUID();
	const method = (req.method ?? 'GET').toUpperCase();
	const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
	const path = url.pathname.replace(/\/+$/, '') || '/';
	let params: Record<string, unknown> = {};
	let status = 500;
	let body: Record<string, unknown>;
	let fault: Fault | undefined;
	let headers: Record<string, string> = {};

	try {
		const rawBody = await readBody(req);
		// Taken once the whole request has arrived: the client has sent it, whatever happens next.
		fault = state.faults?.take(path);
		if (fault && !isProcessed(fault)) {
			state.requests.push({
				method,
				path,
				params: bestEffortParams(url, path, rawBody),
				status: faultStatus(fault),
				fault,
			});
			deliverFault(fault, req, res, requestId);
			return;
		}
		// Parsed first so that even rejected requests are recorded with their query parameters.
		params = parseQuery(url.searchParams, requestSchemaOf(path));
		const handler = Object.prototype.hasOwnProperty.call(routes, path) ? routes[path] : undefined;
		if (handler == null) throw endpointNotFound(path);
		if (!isAuthorized(req, state.apiKey)) throw unauthorized();
		const allowed = documentedMethods(path);
		if (!allowed.includes(method)) throw methodNotAllowed(method, path, allowed);
		params = { ...params, ...parseJsonBody(rawBody) };

		const issues = state.validator?.validateRequest(path, params) ?? [];
		if (issues.length > 0) {
			const problems: Record<string, string[]> = {};
			for (const issue of issues) (problems[issue.param] ??= []).push(issue.message);
			throw invalidInput(problems);
		}

		const store = state.store();
		const now = new Date();
		settleDueWork(store, now);
		const result = handler({
			store,
			input: new Input(params),
			params,
			now,
			requestUrl: url,
			settings: state.settings,
		});
		body = { ...result, ok: true };
		status = 200;

		const violation = state.validator?.validateResponse(path, body) ?? null;
		if (violation != null) {
			const message = `${method} ${path}: ${violation}`;
			state.contractViolations.push(message);
			status = 500;
			body = {
				error: { type: 'sandbox_contract_violation', message, request_id: requestId },
				ok: false,
			};
		}
	} catch (error) {
		if (error instanceof SeamApiError) {
			status = error.status;
			body = error.toBody(requestId);
			headers = error.headers;
		} else {
			// A crash is a sandbox bug just like a contract violation: make it visible to tests.
			const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
			state.contractViolations.push(`${method} ${path}: unhandled error: ${detail}`);
			status = 500;
			body = {
				error: { type: 'sandbox_internal_error', message: String(error), request_id: requestId },
				ok: false,
			};
		}
	}

	if (fault) {
		// Processed, then the answer is lost: the store has changed, the client never hears of it.
		state.requests.push({ method, path, params, status: faultStatus(fault), fault });
		deliverFault(fault, req, res, requestId);
	} else {
		state.requests.push({ method, path, params, status });
		send(res, status, requestId, body, headers);
	}
	state.afterRequest?.();
}

/** The parameters of a request that is not processed, for the record only; never throws. */
function bestEffortParams(url: URL, path: string, rawBody: string): Record<string, unknown> {
	try {
		return { ...parseQuery(url.searchParams, requestSchemaOf(path)), ...parseJsonBody(rawBody) };
	} catch {
		return {};
	}
}

function isAuthorized(req: IncomingMessage, apiKey: string): boolean {
	const header = req.headers.authorization;
	if (typeof header !== 'string') return false;
	const match = /^Bearer\s+(.+)$/i.exec(header.trim());
	return match != null && match[1] === apiKey;
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(invalidInput({ _errors: 'Request body is larger than 1 MiB' }));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function send(
	res: ServerResponse,
	status: number,
	requestId: string,
	body: unknown,
	headers: Record<string, string>,
): void {
	if (res.headersSent || res.destroyed) return;
	const payload = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(payload),
		'seam-request-id': requestId,
		...headers,
	});
	res.end(payload);
}
