/**
 * Control for errors.test.ts: the errors n8n's HTTP helper raises really do carry the API key
 * (so "no key in the output" there means something), and the transport's error for the same
 * failure, through toNodeError, does not.
 */
import { toNodeError } from '../../nodes/Seam/shared/transport/errors';
import { SEAM_ROUTES } from '../../nodes/Seam/shared/transport/seamRoutes';
import { sendViaN8n } from '../../nodes/Seam/shared/transport/sendViaN8n';
import { safeStringify } from '../helpers/captureLogs';
import { closedPort, jsonError, startFakeServer } from '../helpers/fakeServers';
import { n8nHttpContext, sendAsN8n, TEST_NODE } from '../helpers/n8nHttpHelper';

const API_KEY = 'seam_test_RawCanary_1a2b3c4d';
const node = TEST_NODE;
const SYSTEM = { acs_system_id: '11111111-1111-4111-8111-111111111111' };

/**
 * What n8n's HTTP client throws for the request (the helper wraps it in a NodeApiError as its
 * `cause`): it carries the request options, Authorization header included.
 */
async function rawErrorFrom(endpoint: string): Promise<unknown> {
	try {
		await sendAsN8n(API_KEY, {
			method: 'GET',
			url: `${endpoint}/acs/systems/get?acs_system_id=${SYSTEM.acs_system_id}`,
			json: true,
			timeout: 300,
		});
	} catch (error) {
		return error;
	}
	throw new Error('expected the request to fail');
}

/** The transport's own failure for the same request. */
async function transportErrorFrom(endpoint: string): Promise<unknown> {
	const send = sendViaN8n(n8nHttpContext(API_KEY), endpoint, {
		timeoutMs: 300,
		retries: 0,
		maxRetryAfterMs: 60_000,
	});
	try {
		await send(SEAM_ROUTES['acs.systems.get'], SYSTEM);
	} catch (error) {
		return error;
	}
	throw new Error('expected the request to fail');
}

const cases: Array<[string, () => Promise<{ url: string; close?: () => Promise<void> }>]> = [
	[
		'401',
		async () =>
			startFakeServer((_q, r) =>
				jsonError(r, 401, { type: 'unauthorized', message: 'Unauthorized' }),
			),
	],
	[
		'JSON 404',
		async () =>
			startFakeServer((_q, r) =>
				jsonError(r, 404, { type: 'acs_system_not_found', message: 'not found' }),
			),
	],
	[
		'non-JSON 500',
		async () =>
			startFakeServer((_q, r) => {
				r.writeHead(500, { 'content-type': 'text/plain' });
				r.end('boom');
			}),
	],
	['refused', async () => ({ url: await closedPort() })],
	['timeout', async () => startFakeServer(() => undefined)],
];

describe.each(cases)('%s', (_name, start) => {
	test("n8n's raw helper error holds the key; the transport's error does not", async () => {
		const server = await start();
		try {
			const raw = await rawErrorFrom(server.url);
			expect(safeStringify(raw)).toContain(API_KEY);
			const failure = await transportErrorFrom(server.url);
			expect(safeStringify(failure)).not.toContain(API_KEY);
			const clean = toNodeError(node, failure, {
				endpoint: server.url,
				apiKey: API_KEY,
				itemIndex: 0,
			});
			expect(clean.message.length).toBeGreaterThan(0);
			expect(safeStringify(clean)).not.toContain(API_KEY);
			expect(String(clean.stack)).not.toContain(API_KEY);
		} finally {
			await server.close?.();
		}
	});
});
