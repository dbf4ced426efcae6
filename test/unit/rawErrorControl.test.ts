/**
 * Control for errors.test.ts: the SDK's raw errors really do carry the API key (so "no key in the
 * output" there means something), and toNodeError removes it from every one of them.
 */
import { SeamHttp } from '../../vendor/seam-http';
import { toNodeError } from '../../nodes/Seam/shared/transport/errors';
import { safeStringify } from '../helpers/captureLogs';
import { closedPort, jsonError, startFakeServer } from '../helpers/fakeServers';

const API_KEY = 'seam_test_RawCanary_1a2b3c4d';
const node = {
	id: 'n',
	name: 'Seam',
	type: 'n8n-nodes-seam.seam',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

async function rawErrorFrom(endpoint: string): Promise<unknown> {
	const seam = SeamHttp.fromApiKey(API_KEY, {
		endpoint,
		timeout: 300,
		axiosRetryOptions: { retries: 0 },
	});
	try {
		await seam.acs.systems.get({ acs_system_id: '11111111-1111-4111-8111-111111111111' });
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
	test('the raw SDK error holds the key; the n8n error built from it does not', async () => {
		const server = await start();
		try {
			const raw = await rawErrorFrom(server.url);
			expect(safeStringify(raw)).toContain(API_KEY);
			const clean = toNodeError(node, raw, { endpoint: server.url, apiKey: API_KEY, itemIndex: 0 });
			expect(clean.message.length).toBeGreaterThan(0);
			expect(safeStringify(clean)).not.toContain(API_KEY);
			expect(String(clean.stack)).not.toContain(API_KEY);
		} finally {
			await server.close?.();
		}
	});
});
