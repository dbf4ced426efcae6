/**
 * Seam misbehaving, through n8n's engine against the sandbox with injected faults:
 * - reads recover from a 429 (after its Retry-After), 5xx, a reset, a hang and a proxy's HTML
 *   page, within a bounded number of attempts;
 * - creates are retried after a 429 only (Seam processed nothing) and create exactly one object;
 *   when the answer to a create is lost (5xx, reset, hang after Seam acted), they are not
 *   retried, and the error says the object may exist and how to check, which the test then does;
 * - a Retry-After too long to wait fails at once with when to try again.
 */
import type { INodeParameters } from 'n8n-workflow';

import {
	byId,
	inDays,
	type SeamTarget,
	startSeamTarget,
	usingRealSeam,
} from '../helpers/seamTarget';
import type { Fault, Sandbox } from '../sandbox';
import { getSeedIds } from '../sandbox/seed';

const seed = getSeedIds();
const salto = byId(seed.saltoSystemId);
// Short enough that a hang costs little, long enough that a loaded machine still answers in time.
const TIMEOUT_MS = 2_500;

const describeSandbox = usingRealSeam ? describe.skip : describe;

let target: SeamTarget;
let sandbox: Sandbox;

beforeAll(async () => {
	if (usingRealSeam) return;
	target = await startSeamTarget(
		{ credentialIssueDelayMs: 0, accessMethodIssueDelayMs: 0 },
		{ transport: { timeoutMs: TIMEOUT_MS, retries: 2, maxRetryAfterMs: 60_000 } },
	);
	sandbox = target.sandbox!;
});
afterAll(async () => target?.close());
beforeEach(() => sandbox?.reset());
afterEach(() => {
	if (!sandbox) return;
	// Every injected fault was hit (a fault left over means the test proved nothing), and none
	// of them counts as a contract violation.
	expect(sandbox.pendingFaults()).toEqual([]);
	expect(sandbox.contractViolations).toEqual([]);
});

/** Requests the sandbox received for `path` since `from` (an index into sandbox.requests). */
const attempts = (path: string, from = 0) =>
	sandbox.requests.slice(from).filter((request) => request.path === path);

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
	const started = Date.now();
	const value = await run();
	return { value, ms: Date.now() - started };
}

const HOST = /http:\/\/127\.0\.0\.1:\d+/.source;

// Every way an answer goes wrong, as reads see it. For reads it does not matter whether the
// sandbox processed the request first: reading twice is harmless, so both are covered.
const readFaults: Array<[string, Fault]> = [
	['429 with Retry-After: 1', { kind: 'rate-limit', retryAfter: 1 }],
	['500 (JSON)', { kind: 'server-error', status: 500, processed: true }],
	['503 (JSON)', { kind: 'server-error', status: 503, processed: false }],
	['connection reset', { kind: 'reset', processed: true }],
	['hang until the timeout', { kind: 'hang', processed: false }],
	['HTML 502 from a proxy', { kind: 'html', status: 502, processed: false }],
];

let grantId = '';

interface ReadCase {
	name: string;
	path: string;
	prepare: () => Promise<INodeParameters>;
	check: (json: Record<string, unknown>[]) => void;
}

const reads: ReadCase[] = [
	{
		name: 'ACS System → Get',
		path: '/acs/systems/get',
		prepare: async () => ({ resource: 'acsSystem', operation: 'get', acsSystemId: salto }),
		check: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				acs_system_id: seed.saltoSystemId,
				external_type: 'salto_ks_site',
			});
		},
	},
	{
		name: 'ACS System → Get Many',
		path: '/acs/systems/list',
		prepare: async () => ({ resource: 'acsSystem', operation: 'getMany', returnAll: true }),
		check: (items) => {
			expect(items.map((system) => system.acs_system_id).sort()).toEqual(
				[seed.saltoSystemId, seed.latchSystemId].sort(),
			);
		},
	},
	{
		name: 'Access Grant → Get',
		path: '/access_grants/get',
		prepare: async () => {
			grantId = await createGrant({ fullName: 'Reading Rita' });
			return { resource: 'accessGrant', operation: 'get', accessGrantId: byId(grantId) };
		},
		check: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				access_grant_id: grantId,
				display_name: 'Access Grant for Reading Rita',
			});
		},
	},
];

/** Creates an access grant with a PIN on the Front Door Lock through the node; returns its id. */
async function createGrant(overrides: INodeParameters = {}): Promise<string> {
	const [item] = await target.ok(grantParameters(overrides));
	return String(item.json.access_grant_id);
}

function grantParameters(overrides: INodeParameters = {}): INodeParameters {
	return {
		resource: 'accessGrant',
		operation: 'create',
		grantTo: 'new',
		fullName: 'Gina Guest',
		deviceIds: [seed.devices.frontDoorLock],
		startsAt: inDays(1, 15),
		endsAt: inDays(4, 11),
		...overrides,
	};
}

describeSandbox('reads recover', () => {
	describe.each(reads)('$name', ({ path, prepare, check }) => {
		test.each(readFaults)('from one %s: retried once, same output', async (_name, fault) => {
			const parameters = await prepare();
			const from = sandbox.requests.length;
			sandbox.failNext(path, fault);
			const { value: result, ms } = await timed(() => target.run(parameters));
			expect(result.error).toBeUndefined();
			check(result.items.map((item) => item.json));
			expect(attempts(path, from).map((request) => request.status)).toEqual([
				expect.any(Number),
				200,
			]);
			expect(attempts(path, from)[0].fault).toEqual(fault);
			// Retry-After is honoured: the retry came no sooner than Seam asked.
			if (fault.kind === 'rate-limit') expect(ms).toBeGreaterThanOrEqual(1000);
		});
	});

	test('two faults in a row still recover, on the third and last attempt', async () => {
		sandbox.failNext('/acs/systems/get', { kind: 'reset', processed: false });
		sandbox.failNext('/acs/systems/get', { kind: 'server-error', status: 503, processed: false });
		const items = await target.ok({ resource: 'acsSystem', operation: 'get', acsSystemId: salto });
		expect(items[0].json.acs_system_id).toBe(seed.saltoSystemId);
		expect(attempts('/acs/systems/get').map((request) => request.status)).toEqual([0, 503, 200]);
	});

	test('retries are bounded: three failures end in a clear error after three attempts', async () => {
		sandbox.failNext('/acs/systems/get', { kind: 'html', status: 502, processed: false }, 3);
		const result = await target.run({
			resource: 'acsSystem',
			operation: 'get',
			acsSystemId: salto,
		});
		expect(result.error?.message).toBe(
			'Seam answered HTTP 502 without a Seam error body: 502 Bad Gateway 502 Bad Gateway nginx',
		);
		expect(result.error?.httpCode).toBe('502');
		expect(attempts('/acs/systems/get')).toHaveLength(3);
	});

	test('a Retry-After beyond a minute is not waited for: one attempt, when to try again', async () => {
		sandbox.failNext('/acs/systems/get', { kind: 'rate-limit', retryAfter: 3600 });
		const { value: result, ms } = await timed(() =>
			target.run({ resource: 'acsSystem', operation: 'get', acsSystemId: salto }),
		);
		expect(result.error?.message).toMatch(
			/^Seam is rate-limiting requests \(HTTP 429\) and did not carry out this one\. Try again in 60 minutes \(after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\.$/,
		);
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toMatch(/^Seam's message: Too many requests\n/);
		expect(attempts('/acs/systems/get')).toHaveLength(1);
		expect(ms).toBeLessThan(10_000);
	});
});

interface CreateCase {
	name: string;
	path: string;
	thing: string;
	check: string;
	/** Sets up what the create needs; returns the node parameters of the create. */
	prepare: () => Promise<INodeParameters>;
	/** The objects of this kind that exist now, read through the node as the error advises. */
	existing: () => Promise<Record<string, unknown>[]>;
}

let acsUserId = '';

const creates: CreateCase[] = [
	{
		name: 'ACS User → Create',
		path: '/acs/users/create',
		thing: 'the ACS user',
		check: 'ACS User → Get Many (search by name or email)',
		prepare: async () => ({
			resource: 'acsUser',
			operation: 'create',
			acsSystemId: salto,
			fullName: 'Fran Fault',
		}),
		existing: async () =>
			(
				await target.ok({
					resource: 'acsUser',
					operation: 'getMany',
					acsSystemId: salto,
					filters: { search: 'Fran Fault' },
					returnAll: true,
				})
			).map((item) => item.json),
	},
	{
		name: 'Access Grant → Create',
		path: '/access_grants/create',
		thing: 'the access grant',
		check: 'Access Grant → Get Many (or Get by Access Grant Key)',
		prepare: async () => grantParameters(),
		existing: async () =>
			(await target.ok({ resource: 'accessGrant', operation: 'getMany', returnAll: true })).map(
				(item) => item.json,
			),
	},
	{
		name: 'Credential → Create PIN Code',
		path: '/acs/credentials/create',
		thing: 'the PIN code',
		check: 'ACS Credential → Get Many for the ACS user',
		prepare: async () => {
			const [user] = await target.ok({
				resource: 'acsUser',
				operation: 'create',
				acsSystemId: byId(seed.latchSystemId),
				fullName: 'Pia Pin',
				startsAt: inDays(1, 15),
				endsAt: inDays(4, 11),
			});
			acsUserId = String(user.json.acs_user_id);
			return {
				resource: 'acsCredential',
				operation: 'create',
				acsSystemId: byId(seed.latchSystemId),
				acsUserId: byId(acsUserId),
				entranceIds: [seed.entrances.frontDoor],
				startsAt: inDays(1, 15),
				endsAt: inDays(4, 11),
			};
		},
		existing: async () =>
			(
				await target.ok({
					resource: 'acsCredential',
					operation: 'getMany',
					acsSystemId: byId(seed.latchSystemId),
					acsUserId: byId(acsUserId),
					returnAll: true,
				})
			).map((item) => item.json),
	},
];

// The answer is lost after Seam acted: the object exists, the node must not make a second one.
const lostAnswers: Array<[string, Fault, RegExp]> = [
	[
		'500 (JSON)',
		{ kind: 'server-error', status: 500, processed: true },
		/^Internal server error\. /,
	],
	[
		'503 (JSON)',
		{ kind: 'server-error', status: 503, processed: true },
		/^Seam is temporarily unavailable\. /,
	],
	[
		'HTML 502 from a proxy',
		{ kind: 'html', status: 502, processed: true },
		/^Seam answered HTTP 502 without a Seam error body: 502 Bad Gateway 502 Bad Gateway nginx\. /,
	],
	[
		'connection reset',
		{ kind: 'reset', processed: true },
		new RegExp(`^No answer from Seam at ${HOST}: the connection was reset\\. `),
	],
	[
		'hang until the timeout',
		{ kind: 'hang', processed: true },
		new RegExp(`^No answer from Seam at ${HOST}: the request timed out\\. `),
	],
];

const endingOf = (fault: Fault) =>
	fault.kind === 'hang'
		? 'before the request timed out.'
		: fault.kind === 'reset'
			? 'before the connection failed.'
			: 'before the error.';

describeSandbox('creates', () => {
	describe.each(creates)('$name', ({ path, thing, check, prepare, existing }) => {
		test('429 with Retry-After: 1 → retried once after the wait, exactly one created', async () => {
			const parameters = await prepare();
			sandbox.failNext(path, { kind: 'rate-limit', retryAfter: 1 });
			const { value: result, ms } = await timed(() => target.run(parameters));
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			expect(attempts(path).map((request) => request.status)).toEqual([429, 200]);
			expect(ms).toBeGreaterThanOrEqual(1000);
			expect(await existing()).toHaveLength(1);
		});

		test.each(lostAnswers)(
			'%s after Seam acted → not retried; the error says it may exist and how to check',
			async (_name, fault, lead) => {
				const parameters = await prepare();
				sandbox.failNext(path, fault);
				const result = await target.run(parameters);
				expect(result.items).toEqual([]);
				expect(result.error?.message).toMatch(lead);
				expect(result.error?.message).toMatch(
					new RegExp(`\\. Seam may have created ${thing} ${endingOf(fault).replace('.', '\\.')}$`),
				);
				expect(result.error?.description).toMatch(
					new RegExp(`^Check with ${escape(check)} before running again[.;]`),
				);
				if (fault.kind === 'server-error' || fault.kind === 'html') {
					expect(result.error?.httpCode).toBe(String(fault.status));
				}
				expect(attempts(path)).toHaveLength(1);
				// What the message advises: the check finds the one object Seam made.
				expect(await existing()).toHaveLength(1);
			},
		);

		test('a reset before Seam acted → still not retried (the node cannot tell), nothing created', async () => {
			const parameters = await prepare();
			sandbox.failNext(path, { kind: 'reset', processed: false });
			const result = await target.run(parameters);
			expect(result.error?.message).toMatch(/Seam may have created/);
			expect(attempts(path)).toHaveLength(1);
			expect(await existing()).toHaveLength(0);
		});

		test('a Retry-After beyond a minute → no wait, nothing created, when to try again', async () => {
			const parameters = await prepare();
			sandbox.failNext(path, { kind: 'rate-limit', retryAfter: 600 });
			const { value: result, ms } = await timed(() => target.run(parameters));
			expect(result.error?.message).toMatch(
				/^Seam is rate-limiting requests \(HTTP 429\) and did not carry out this one\. Try again in 10 minutes \(after .+Z\)\.$/,
			);
			expect(result.error?.message).not.toMatch(/may have/);
			expect(attempts(path)).toHaveLength(1);
			expect(ms).toBeLessThan(10_000);
			expect(await existing()).toHaveLength(0);
		});
	});

	test('a rate limit that outlasts the retries: three attempts, one wait each, nothing created', async () => {
		const parameters = await creates[0].prepare();
		sandbox.failNext('/acs/users/create', { kind: 'rate-limit', retryAfter: 1 }, 3);
		const result = await target.run(parameters);
		expect(result.error?.message).toMatch(
			/^Seam is rate-limiting requests .* Try again in 1 second/,
		);
		expect(attempts('/acs/users/create')).toHaveLength(3);
		expect(await creates[0].existing()).toHaveLength(0);
	});

	test('with an Access Grant Key, running again after a lost answer is safe: one grant', async () => {
		const parameters = grantParameters({ accessGrantKey: 'reservation-lost-1' });
		sandbox.failNext('/access_grants/create', { kind: 'reset', processed: true });
		const first = await target.run(parameters);
		expect(first.error?.description).toMatch(/with an Access Grant Key set, running again is safe/);

		const [again] = await target.ok(parameters);
		expect(again.json).toMatchObject({
			access_grant_key: 'reservation-lost-1',
			reused_existing_grant: true,
		});
		expect(attempts('/access_grants/create')).toHaveLength(1);
		const grants = await target.ok({
			resource: 'accessGrant',
			operation: 'getMany',
			returnAll: true,
		});
		expect(grants.map((item) => item.json.access_grant_key)).toEqual(['reservation-lost-1']);
	});

	test('with continueOnFail the error item carries the warning and the check', async () => {
		const parameters = await creates[0].prepare();
		sandbox.failNext('/acs/users/create', { kind: 'server-error', status: 503, processed: true });
		const result = await target.run(parameters, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			error: {
				message:
					'Seam is temporarily unavailable. Seam may have created the ACS user before the error.',
				description: expect.stringMatching(
					/^Check with ACS User → Get Many \(search by name or email\) before running again\.\nSeam error type: service_unavailable · HTTP status: 503 · Seam request ID: [0-9a-f-]{36}$/,
				),
				httpCode: '503',
				retryable: true,
			},
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
