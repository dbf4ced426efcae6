/**
 * A server that echoes the Authorization header back in every field of its error: the message,
 * the error type, the seam-request-id header, validation error names and messages, a Retry-After
 * header, an HTML 5xx page. Whatever it echoes, the API key must not reach the node error (any
 * property, the cause chain), the error item (continueOnFail), the run data n8n saves or the logs.
 * Each case also checks that the echo reached the user as "[redacted]", so the field really went
 * through the error path instead of being dropped.
 */
import type http from 'node:http';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { type FakeServer, startFakeServer } from '../helpers/fakeServers';
import { safeStringify } from '../helpers/captureLogs';
import { runSeamNode } from '../helpers/runNode';
import { type CapturedRun, expectSecretNowhere, runCapturingLogs } from '../helpers/leakCheck';

const API_KEY = 'seam_test_EchoCanary_5e4d3c2b1a';
const SYSTEM_ID = '11111111-1111-4111-8111-111111111111';

const getSystem: INodeParameters = {
	resource: 'acsSystem',
	operation: 'get',
	acsSystemId: { __rl: true, mode: 'id', value: SYSTEM_ID },
};
const createUser: INodeParameters = {
	resource: 'acsUser',
	operation: 'create',
	acsSystemId: { __rl: true, mode: 'id', value: SYSTEM_ID },
	fullName: 'Echo Victim',
};

/** The bare key from an `Authorization: Bearer <key>` header. */
const keyOf = (authorization: string) => authorization.replace(/^Bearer\s+/i, '');

function sendJson(
	res: http.ServerResponse,
	status: number,
	headers: Record<string, string>,
	body: unknown,
) {
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}

type Echo = (authorization: string, res: http.ServerResponse) => void;

interface Case {
	name: string;
	parameters: INodeParameters;
	echo: Echo;
	/** Where the user must see the redacted echo. */
	expect: (error: { message: string; description?: string | null }) => void;
}

const cases: Case[] = [
	{
		name: 'invalid_input: message, request id, validation parameter names and messages',
		parameters: getSystem,
		echo: (authorization, res) => {
			const key = keyOf(authorization);
			sendJson(
				res,
				400,
				{ 'seam-request-id': `req_${key}` },
				{
					ok: false,
					error: {
						type: 'invalid_input',
						message: `Invalid input for ${authorization}`,
						request_id: `req_${key}`,
						validation_errors: {
							_errors: [],
							[key]: { _errors: [`${authorization} is not a parameter`] },
							acs_system_id: { _errors: [`no system for key ${key.toLowerCase()}`] },
						},
					},
				},
			);
		},
		expect: (error) => {
			expect(error.message).toBe('Invalid input for Bearer [redacted]');
			expect(error.description).toContain('Seam request ID: req_[redacted]');
			expect(error.description).toContain('[redacted]: Bearer [redacted] is not a parameter');
			expect(error.description).toContain('acs_system_id: no system for key [redacted]');
		},
	},
	{
		name: 'a Seam error whose type and message are the key',
		parameters: getSystem,
		echo: (authorization, res) => {
			const key = keyOf(authorization);
			sendJson(
				res,
				404,
				{ 'seam-request-id': authorization },
				{ ok: false, error: { type: key, message: key.toUpperCase(), request_id: key } },
			);
		},
		expect: (error) => {
			expect(error.message).toBe('[redacted]');
			expect(error.description).toBe(
				'Seam error type: [redacted] · HTTP status: 404 · Seam request ID: Bearer [redacted]',
			);
		},
	},
	{
		name: '401 echoing the header',
		parameters: getSystem,
		echo: (authorization, res) =>
			sendJson(
				res,
				401,
				{ 'seam-request-id': keyOf(authorization) },
				{ ok: false, error: { type: 'unauthorized', message: `Rejected ${authorization}` } },
			),
		expect: (error) => {
			expect(error.message).toBe('Rejected Bearer [redacted]');
			expect(error.description).toContain('Seam request ID: [redacted]');
		},
	},
	{
		name: 'an HTML 502 page with the key where the excerpt is cut',
		parameters: getSystem,
		echo: (authorization, res) => {
			// The excerpt keeps 200 characters: the key starts before the cut and ends after it.
			res.writeHead(502, { 'content-type': 'text/html', 'seam-request-id': authorization });
			res.end(
				`<html><body><h1>${'x'.repeat(176)}</h1><p>${keyOf(authorization)}</p><pre>${authorization}</pre></body></html>`,
			);
		},
		expect: (error) => {
			expect(error.message).toMatch(/^Seam answered HTTP 502 without a Seam error body: x+ \[red/);
			expect(error.description).toContain('Seam request ID: Bearer [redacted]');
		},
	},
	{
		name: 'a rate limit echoing the key in its message and its Retry-After header',
		parameters: createUser,
		echo: (authorization, res) =>
			sendJson(
				res,
				429,
				{ 'retry-after': keyOf(authorization), 'seam-request-id': 'req_429' },
				{ ok: false, error: { type: 'rate_limited', message: `Slow down, ${authorization}` } },
			),
		expect: (error) => {
			expect(error.message).toMatch(/^Seam is rate-limiting requests \(HTTP 429\)/);
			expect(error.description).toContain("Seam's message: Slow down, Bearer [redacted]");
		},
	},
	{
		name: 'an HTML 503 page on a create (a lost answer, with its advice)',
		parameters: createUser,
		echo: (authorization, res) => {
			res.writeHead(503, { 'content-type': 'text/html' });
			res.end(`<h1>Unavailable</h1><p>for ${authorization}</p>`);
		},
		expect: (error) => {
			expect(error.message).toBe(
				'Seam answered HTTP 503 without a Seam error body: Unavailable for Bearer [redacted]. ' +
					'Seam may have created the ACS user before the error.',
			);
			expect(error.description).toMatch(/^Check with ACS User → Get Many/);
		},
	},
	{
		name: 'a JSON 500 on a create echoing in every field',
		parameters: createUser,
		echo: (authorization, res) => {
			const key = keyOf(authorization);
			sendJson(
				res,
				500,
				{ 'seam-request-id': `req ${authorization}` },
				{ ok: false, error: { type: `failed_${key}`, message: `Failed for ${key}` } },
			);
		},
		expect: (error) => {
			expect(error.message).toBe(
				'Failed for [redacted]. Seam may have created the ACS user before the error.',
			);
			expect(error.description).toContain(
				'Seam error type: failed_[redacted] · HTTP status: 500 · Seam request ID: req Bearer [redacted]',
			);
		},
	},
];

describe('an echoing server cannot make the node leak the API key', () => {
	const savedLogLevel = process.env.N8N_LOG_LEVEL;
	beforeAll(() => {
		// Every log line the engine writes is captured and searched for the key.
		process.env.N8N_LOG_LEVEL = 'debug';
	});
	afterAll(() => {
		process.env.N8N_LOG_LEVEL = savedLogLevel;
	});

	describe.each(cases)('$name', ({ parameters, echo, expect: expectShown }) => {
		let server: FakeServer;
		beforeEach(async () => {
			server = await startFakeServer((req, res) => {
				req.resume();
				req.on('end', () => echo(req.headers.authorization ?? '', res));
			});
		});
		afterEach(async () => server.close());

		const run = (continueOnFail: boolean): Promise<CapturedRun> =>
			runCapturingLogs(parameters, {
				credentials: { apiKey: API_KEY, apiUrl: server.url },
				continueOnFail,
				// One attempt per run: retries would only repeat the same echo.
				transport: { timeoutMs: 5_000, retries: 0 },
			});

		test('the node error', async () => {
			const captured = await run(false);
			// The server did receive the key, so it had something to echo.
			expect(server.requests.map((request) => request.authorization)).toContain(
				`Bearer ${API_KEY}`,
			);
			expect(captured.result.error).toBeDefined();
			expectSecretNowhere(API_KEY, captured);
			expectShown(captured.result.error!);
		});

		test('the error item with continueOnFail', async () => {
			const captured = await run(true);
			expect(captured.result.error).toBeUndefined();
			expect(captured.result.items).toHaveLength(1);
			expectSecretNowhere(API_KEY, captured);
			const { json } = captured.result.items[0];
			expectShown({
				message: String((json.error as IDataObject).message),
				description: (json.error as IDataObject).description as string,
			});
		});
	});
});

describe('a form value that holds the API key', () => {
	// A key pasted into a field (or mapped from a payload by mistake) is quoted by the input
	// error that names what arrived; the node's last pass removes it there too.
	const run = (continueOnFail: boolean) =>
		runCapturingLogs(
			{ ...createUser, fullName: '={{ $json.pasted }}' },
			{
				credentials: { apiKey: API_KEY, apiUrl: 'http://127.0.0.1:9' },
				input: [{ pasted: { token: API_KEY } }],
				continueOnFail,
			},
		);

	test('is redacted in the node error', async () => {
		const captured = await run(false);
		const { error } = captured.result;
		expect(error?.message).toBe('Full Name: an object {"token":"[redacted]"} is not a text');
		expect(`${error?.message} ${error?.description} ${error?.stack}`).not.toContain(API_KEY);
		// n8n logs the error's whole cause chain. (The saved run holds the input item, with the
		// pasted key: that is the workflow's own data, not something the node wrote.)
		expect(captured.logs).toContain('Workflow execution started');
		expect(captured.logs).not.toContain(API_KEY);
		expect(safeStringify(error)).not.toContain(API_KEY);
	});

	test('is redacted in the error item', async () => {
		const captured = await run(true);
		const { items } = captured.result;
		expect((items[0].json.error as IDataObject).message).toBe(
			'Full Name: an object {"token":"[redacted]"} is not a text',
		);
		expect(JSON.stringify(items)).not.toContain(API_KEY);
		expectSecretNowhere(API_KEY, captured);
	});
});
