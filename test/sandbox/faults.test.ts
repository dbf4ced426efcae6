import { type Fault, type Sandbox, startSandbox } from './index';

// Fault injection as a client sees it on the wire (plain fetch, no SDK retries in the way), and
// what each fault did to the sandbox's state: the integration fault suite relies on exactly this.

jest.setTimeout(30_000);

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ credentialIssueDelayMs: 0 });
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.reset());
afterEach(() => {
	// Faults are not contract violations, and every queued fault was used by the test.
	expect(sandbox.contractViolations).toEqual([]);
	expect(sandbox.pendingFaults()).toEqual([]);
});

interface Answer {
	status: number;
	headers: Headers;
	text: string;
}

// Every request gives up after `timeoutMs`, as real clients do: a hang would block forever.
async function send(
	path: string,
	body: Record<string, unknown> = {},
	timeoutMs = 5_000,
): Promise<Answer> {
	const response = await fetch(`${sandbox.url}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
	});
	return { status: response.status, headers: response.headers, text: await response.text() };
}

const createUser = (name: string, timeoutMs?: number) =>
	send(
		'/acs/users/create',
		{ acs_system_id: sandbox.seed.saltoSystemId, full_name: name },
		timeoutMs,
	);

async function userNames(): Promise<string[]> {
	const { text } = await send('/acs/users/list');
	return (JSON.parse(text) as { acs_users: Array<{ full_name: string }> }).acs_users.map(
		(user) => user.full_name,
	);
}

async function failure(promise: Promise<unknown>): Promise<Error & { cause?: { code?: string } }> {
	try {
		await promise;
	} catch (error) {
		return error as Error & { cause?: { code?: string } };
	}
	throw new Error('Expected the request to fail');
}

describe('answers', () => {
	test('rate-limit: 429 with Retry-After and a Seam error body; nothing processed', async () => {
		sandbox.failNext('/acs/users/create', { kind: 'rate-limit', retryAfter: 7 });
		const answer = await createUser('Limited');
		expect(answer.status).toBe(429);
		expect(answer.headers.get('retry-after')).toBe('7');
		expect(answer.headers.get('seam-request-id')).toBeTruthy();
		expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { type: 'rate_limited' } });
		expect(await userNames()).toEqual([]);
	});

	test('rate-limit without retryAfter sends no Retry-After header', async () => {
		sandbox.failNext('/acs/systems/list', { kind: 'rate-limit' });
		const answer = await send('/acs/systems/list');
		expect(answer.status).toBe(429);
		expect(answer.headers.get('retry-after')).toBeNull();
	});

	test.each([
		[500, 'internal_server_error'],
		[503, 'service_unavailable'],
	])('server-error %i: a Seam JSON error body', async (status, type) => {
		sandbox.failNext('/acs/users/create', { kind: 'server-error', status, processed: false });
		const answer = await createUser('Unlucky');
		expect(answer.status).toBe(status);
		expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
		expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { type } });
	});

	test('html: a proxy error page, not JSON, without a Seam request id', async () => {
		sandbox.failNext('/acs/users/create', { kind: 'html', processed: false });
		const answer = await createUser('Proxied');
		expect(answer.status).toBe(502);
		expect(answer.headers.get('content-type')).toBe('text/html');
		expect(answer.headers.get('seam-request-id')).toBeNull();
		expect(answer.text).toContain('<h1>502 Bad Gateway</h1>');
	});

	test('reset: the connection is reset without an answer', async () => {
		sandbox.failNext('/acs/users/create', { kind: 'reset', processed: false });
		const error = await failure(createUser('Reset'));
		expect(error.cause?.code).toBe('ECONNRESET');
		expect(sandbox.requests.at(-1)).toMatchObject({ path: '/acs/users/create', status: 0 });
	});

	test('hang: no answer until the client gives up', async () => {
		sandbox.failNext('/acs/users/create', { kind: 'hang', processed: false });
		const error = await failure(createUser('Hung', 300));
		expect(error.name).toBe('TimeoutError');
		expect(sandbox.requests.at(-1)).toMatchObject({ path: '/acs/users/create', status: 0 });
	});

	test('faults queue per path, in order, and leave other paths alone', async () => {
		sandbox.failNext(
			'/acs/users/create',
			{ kind: 'server-error', status: 503, processed: false },
			2,
		);
		sandbox.failNext('/acs/users/create', { kind: 'html', status: 504, processed: false });
		expect(sandbox.pendingFaults()).toHaveLength(3);
		expect((await send('/acs/systems/list')).status).toBe(200);
		const statuses = [];
		for (let i = 0; i < 4; i += 1) statuses.push((await createUser(`Try ${i}`)).status);
		expect(statuses).toEqual([503, 503, 504, 200]);
		expect(await userNames()).toEqual(['Try 3']);
		expect(sandbox.requests.map((r) => [r.path, r.status])).toEqual([
			['/acs/systems/list', 200],
			['/acs/users/create', 503],
			['/acs/users/create', 503],
			['/acs/users/create', 504],
			['/acs/users/create', 200],
			['/acs/users/list', 200],
		]);
	});

	test('an unknown path or a bad count is refused; reset() drops queued faults', () => {
		expect(() => sandbox.failNext('/acs/user/create', { kind: 'rate-limit' })).toThrow(
			/no route \/acs\/user\/create/,
		);
		expect(() => sandbox.failNext('/acs/users/create', { kind: 'rate-limit' }, 0)).toThrow(
			RangeError,
		);
		sandbox.failNext('/acs/users/create', { kind: 'rate-limit' });
		sandbox.reset();
		expect(sandbox.pendingFaults()).toEqual([]);
	});
});

describe('processed or not', () => {
	const kinds: Array<(processed: boolean) => Fault> = [
		(processed) => ({ kind: 'server-error', status: 500, processed }),
		(processed) => ({ kind: 'server-error', status: 503, processed }),
		(processed) => ({ kind: 'html', processed }),
		(processed) => ({ kind: 'reset', processed }),
		(processed) => ({ kind: 'hang', processed }),
	];
	const cases = kinds.flatMap((make) => [make(true), make(false)]);

	test.each(cases.map((fault) => [JSON.stringify(fault), fault] as const))(
		'%s: the user exists only if the request was processed',
		async (_label, fault) => {
			sandbox.failNext('/acs/users/create', fault);
			// The client fails or gets an error status either way; what differs is the state.
			const answer = await createUser('Lost Answer', 500).catch(() => undefined);
			expect(answer?.status ?? 0).not.toBe(200);
			const processed = 'processed' in fault && fault.processed;
			expect(await userNames()).toEqual(processed ? ['Lost Answer'] : []);
			expect(sandbox.requests[0]).toMatchObject({
				path: '/acs/users/create',
				params: { full_name: 'Lost Answer' },
				fault,
			});
		},
	);
});
