import type { IncomingMessage, ServerResponse } from 'node:http';

import { routes } from './routes';

// Fault injection: a test says "the next N responses of route R are X" and the sandbox misbehaves
// the way Seam, its proxies or the network do. Faults are not contract violations: the OpenAPI
// checks still run on every request the sandbox processes, and a faulted answer is never checked.
//
// `processed` says whether the request changed the sandbox before the fault: `true` is the
// "response lost" case (the access grant exists, the client never heard), `false` means Seam
// never acted on it. A 429 is never processed: that is what a rate limit promises.

export type Fault =
	/** 429 with a Seam error body and, when given, `Retry-After` (seconds, or an HTTP date string). */
	| { kind: 'rate-limit'; retryAfter?: number | string }
	/** A Seam JSON error body with a 5xx status (default 500). */
	| { kind: 'server-error'; status?: number; processed: boolean }
	/** An HTML error page as a proxy sends it (default 502 Bad Gateway), no Seam headers. */
	| { kind: 'html'; status?: number; processed: boolean }
	/** The TCP connection is reset (RST) without an answer. */
	| { kind: 'reset'; processed: boolean }
	/** No answer, ever: the connection stays open until the client gives up. */
	| { kind: 'hang'; processed: boolean };

export function isProcessed(fault: Fault): boolean {
	return fault.kind !== 'rate-limit' && fault.processed;
}

export interface PendingFault {
	path: string;
	fault: Fault;
}

export class FaultQueue {
	private readonly pending: PendingFault[] = [];

	/** The next `times` requests to `path` get `fault`, after any faults already queued for it. */
	failNext(path: string, fault: Fault, times = 1): void {
		// A typo in the path would leave the fault unused and the test silently green.
		if (!Object.prototype.hasOwnProperty.call(routes, path)) {
			throw new Error(`failNext: the sandbox has no route ${path}`);
		}
		if (!Number.isInteger(times) || times < 1) {
			throw new RangeError('failNext: times must be a positive integer');
		}
		for (let i = 0; i < times; i += 1) this.pending.push({ path, fault });
	}

	/** Removes and returns the fault for this request, if one is queued for its path. */
	take(path: string): Fault | undefined {
		const index = this.pending.findIndex((entry) => entry.path === path);
		if (index === -1) return undefined;
		return this.pending.splice(index, 1)[0].fault;
	}

	/** Faults not yet used, in order. */
	list(): PendingFault[] {
		return this.pending.map((entry) => ({ ...entry }));
	}

	clear(): void {
		this.pending.length = 0;
	}
}

const HTML_REASONS: Record<number, string> = {
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Temporarily Unavailable',
	504: 'Gateway Time-out',
};

// Seam documents no bodies for these; the types and messages are chosen here.
const SERVER_ERROR_TYPES: Record<number, [string, string]> = {
	500: ['internal_server_error', 'Internal server error'],
	503: ['service_unavailable', 'Seam is temporarily unavailable'],
};

/** The status the client sees for this fault; 0 when it gets no answer at all. */
export function faultStatus(fault: Fault): number {
	switch (fault.kind) {
		case 'rate-limit':
			return 429;
		case 'server-error':
			return fault.status ?? 500;
		case 'html':
			return fault.status ?? 502;
		default:
			return 0;
	}
}

function sendJson(
	res: ServerResponse,
	status: number,
	headers: Record<string, string>,
	body: unknown,
): void {
	const payload = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(payload),
		...headers,
	});
	res.end(payload);
}

/** Answers (or does not answer) the request as the fault says. */
export function deliverFault(
	fault: Fault,
	req: IncomingMessage,
	res: ServerResponse,
	requestId: string,
): void {
	const status = faultStatus(fault);
	switch (fault.kind) {
		case 'rate-limit': {
			const headers: Record<string, string> = { 'seam-request-id': requestId };
			if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
			sendJson(res, status, headers, {
				error: { type: 'rate_limited', message: 'Too many requests', request_id: requestId },
				ok: false,
			});
			return;
		}
		case 'server-error': {
			const [type, message] = SERVER_ERROR_TYPES[status] ?? ['server_error', 'Server error'];
			sendJson(
				res,
				status,
				{ 'seam-request-id': requestId },
				{ error: { type, message, request_id: requestId }, ok: false },
			);
			return;
		}
		case 'html': {
			const title = `${status} ${HTML_REASONS[status] ?? 'Error'}`;
			const page = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
			res.writeHead(status, {
				'content-type': 'text/html',
				'content-length': Buffer.byteLength(page),
			});
			res.end(page);
			return;
		}
		case 'reset':
			// An RST, as a crashed or overloaded load balancer sends: the client sees ECONNRESET.
			req.socket.resetAndDestroy();
			return;
		case 'hang':
			// Nothing is sent. The client's timeout ends it; close() drops the connection otherwise.
			return;
	}
}
