/**
 * The retry policy and the error messages decide from `readFailure`; here it reads the failures
 * the transport really raises, over n8n's HTTP helper, for each way a request can fail.
 */
import http from 'node:http';

import { readFailure } from '../../nodes/Seam/shared/transport/failure';
import { SEAM_ROUTES } from '../../nodes/Seam/shared/transport/seamRoutes';
import { sendViaN8n } from '../../nodes/Seam/shared/transport/sendViaN8n';
import { n8nHttpContext } from '../helpers/n8nHttpHelper';
import { closedPort, jsonError, startFakeServer } from '../helpers/fakeServers';

const SYSTEM_ID = '11111111-1111-4111-8111-111111111111';

async function transportError(
	endpoint: string,
	call: 'get' | 'create',
	timeout: number,
): Promise<unknown> {
	const send = sendViaN8n(n8nHttpContext('seam_test_failure_probe'), endpoint, {
		timeoutMs: timeout,
		retries: 0,
		maxRetryAfterMs: 60_000,
	});
	try {
		if (call === 'get') await send(SEAM_ROUTES['acs.systems.get'], { acs_system_id: SYSTEM_ID });
		else
			await send(SEAM_ROUTES['acs.users.create'], { acs_system_id: SYSTEM_ID, full_name: 'Probe' });
	} catch (error) {
		return error;
	}
	throw new Error('expected the request to fail');
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const afterBody =
	(then: Handler): Handler =>
	(req, res) => {
		req.resume();
		req.on('end', () => then(req, res));
	};

// Generous, so that a loaded machine does not turn an answer into a timeout; the timeout case
// uses a short one.
const ANSWER_TIMEOUT_MS = 5_000;
const HANG_TIMEOUT_MS = 300;

const cases: Array<[string, Handler | 'refused' | 'bad-port', Record<string, unknown>]> = [
	[
		'429 with a Seam body',
		(_q, r) => jsonError(r, 429, { type: 'rate_limited', message: 'slow down' }),
		{ kind: 'rate-limited', status: 429 },
	],
	[
		'500 with a Seam body',
		(_q, r) => jsonError(r, 500, { type: 'internal_server_error', message: 'oops' }),
		{ kind: 'server-error', status: 500 },
	],
	[
		'HTML 502',
		(_q, r) => {
			r.writeHead(502, { 'content-type': 'text/html' });
			r.end('<h1>502 Bad Gateway</h1>');
		},
		{ kind: 'server-error', status: 502, body: '<h1>502 Bad Gateway</h1>' },
	],
	[
		'404 with a Seam body',
		(_q, r) => jsonError(r, 404, { type: 'acs_system_not_found', message: 'nope' }),
		{ kind: 'answered', status: 404 },
	],
	[
		'connection reset',
		afterBody((req) => req.socket.resetAndDestroy()),
		{ kind: 'no-answer', timedOut: false },
	],
	[
		'connection closed without an answer',
		afterBody((req) => req.socket.destroy()),
		{ kind: 'no-answer', timedOut: false },
	],
	['no answer (timeout)', () => undefined, { kind: 'no-answer', timedOut: true }],
	['connection refused', 'refused', { kind: 'not-sent' }],
	// Port 9 (discard): nothing listens, and fetch-based clients refuse it outright.
	['a port nothing listens on', 'bad-port', { kind: 'not-sent' }],
];

describe.each(cases)('%s', (_name, handler, expected) => {
	test.each([
		['get', 'GET', '/acs/systems/get'],
		['create', 'POST', '/acs/users/create'],
	] as const)('%s: read with its method and path', async (call, method, path) => {
		const server = typeof handler === 'string' ? undefined : await startFakeServer(handler);
		const endpoint =
			handler === 'bad-port' ? 'http://127.0.0.1:9' : (server?.url ?? (await closedPort()));
		try {
			const timeout = expected.timedOut ? HANG_TIMEOUT_MS : ANSWER_TIMEOUT_MS;
			const error = await transportError(endpoint, call, timeout);
			expect(readFailure(error)).toMatchObject({ ...expected, method, path });
		} finally {
			await server?.close();
		}
	});
});

test('errors that are not HTTP failures', () => {
	expect(readFailure(new Error('boom'))).toMatchObject({ kind: 'other' });
	expect(readFailure('text')).toMatchObject({ kind: 'other' });
});
