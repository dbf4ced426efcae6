/**
 * The API key must never leave the transport layer: not in the node error, not in an error item
 * (continueOnFail), not in the run data n8n stores, not in any log line. The SDK's own errors
 * hold the Authorization header, so every error class Seam can produce is tried here.
 */
import { closedPort, type FakeServer, jsonError, startFakeServer } from '../helpers/fakeServers';
import { expectSecretNowhere, runCapturingLogs } from '../helpers/leakCheck';

const API_KEY = 'seam_test_LeakCanary_9f8e7d6c5b4a';
const SYSTEM_ID = '11111111-1111-4111-8111-111111111111';
const getSystem = {
	resource: 'acsSystem',
	operation: 'get',
	acsSystemId: { __rl: true, mode: 'id', value: SYSTEM_ID },
};

interface Scenario {
	name: string;
	server?: () => Promise<FakeServer>;
	endpoint?: () => Promise<string>;
	expectMessage: RegExp;
	expectDescription?: RegExp;
	expectHttpCode?: string;
}

const scenarios: Scenario[] = [
	{
		name: '401 unauthorized',
		server: () =>
			startFakeServer((_req, res) =>
				jsonError(res, 401, { type: 'unauthorized', message: 'Unauthorized' }, 'req_401'),
			),
		expectMessage: /^Unauthorized$/,
		expectDescription:
			/Seam error type: unauthorized · HTTP status: 401 · Seam request ID: req_401/,
		expectHttpCode: '401',
	},
	{
		name: 'JSON 404 with a Seam error type',
		server: () =>
			startFakeServer((_req, res) =>
				jsonError(
					res,
					404,
					{ type: 'acs_system_not_found', message: 'ACS system not found' },
					'req_404',
				),
			),
		expectMessage: /^ACS system not found$/,
		expectDescription:
			/Seam error type: acs_system_not_found · HTTP status: 404 · Seam request ID: req_404/,
		expectHttpCode: '404',
	},
	{
		name: 'JSON 400 invalid_input with per-field messages',
		server: () =>
			startFakeServer((_req, res) =>
				jsonError(
					res,
					400,
					{
						type: 'invalid_input',
						message: 'Invalid input',
						validation_errors: { acs_system_id: { _errors: ['Invalid uuid'] } },
					},
					'req_400',
				),
			),
		expectMessage: /^Invalid input$/,
		expectDescription: /invalid_input[\s\S]*acs_system_id: Invalid uuid/,
		expectHttpCode: '400',
	},
	{
		name: 'non-JSON 502 from a proxy',
		server: () =>
			startFakeServer((_req, res) => {
				res.writeHead(502, { 'content-type': 'text/html', 'seam-request-id': 'req_502' });
				res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
			}),
		expectMessage: /^Seam answered HTTP 502 without a Seam error body: 502 Bad Gateway$/,
		expectDescription: /HTTP status: 502 · Seam request ID: req_502/,
		expectHttpCode: '502',
	},
	{
		name: 'connection refused',
		endpoint: closedPort,
		expectMessage:
			/^Could not reach Seam at http:\/\/127\.0\.0\.1:\d+: (the connection was refused|the network request failed)$/,
	},
	{
		name: 'timeout',
		server: () => startFakeServer(() => undefined /* never answers */),
		expectMessage: /^No answer from Seam at http:\/\/127\.0\.0\.1:\d+: the request timed out$/,
	},
];

describe('errors from Seam reach the user cleanly, without the API key', () => {
	// Long enough that a loaded machine still answers the other scenarios in time.
	const transport = { timeoutMs: 1_500, retries: 0 };
	beforeAll(() => {
		// Every log line the engine writes is captured and searched for the key.
		process.env.N8N_LOG_LEVEL = 'debug';
	});

	for (const scenario of scenarios) {
		describe(scenario.name, () => {
			let server: FakeServer | undefined;
			let endpoint: string;
			beforeEach(async () => {
				server = scenario.server ? await scenario.server() : undefined;
				endpoint = server ? server.url : await scenario.endpoint!();
			});
			afterEach(async () => server?.close());

			test("the node fails with Seam's message, type, status and request id", async () => {
				const captured = await runCapturingLogs(getSystem, {
					credentials: { apiKey: API_KEY, apiUrl: endpoint },
					transport,
				});
				const { error, items } = captured.result;
				expect(items).toEqual([]);
				expect(error?.message).toMatch(scenario.expectMessage);
				if (scenario.expectDescription)
					expect(error?.description).toMatch(scenario.expectDescription);
				if (scenario.expectHttpCode) expect(error?.httpCode).toBe(scenario.expectHttpCode);
				if (server) expect(server.requests[0]?.authorization).toBe(`Bearer ${API_KEY}`);
				expectSecretNowhere(API_KEY, captured);
			});

			test('with continueOnFail the error item says what went wrong, without the key', async () => {
				const captured = await runCapturingLogs(getSystem, {
					credentials: { apiKey: API_KEY, apiUrl: endpoint },
					continueOnFail: true,
					input: [{ n: 1 }, { n: 2 }],
					transport,
				});
				const { result } = captured;
				expect(result.error).toBeUndefined();
				expect(result.items).toHaveLength(2);
				result.items.forEach((item, index) => {
					expect(item.pairedItem).toEqual({ item: index });
					expect((item.json.error as { message: string }).message).toMatch(scenario.expectMessage);
				});
				expectSecretNowhere(API_KEY, captured);
			});
		});
	}
});
