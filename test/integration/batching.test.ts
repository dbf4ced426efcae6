/**
 * Request Options → Batching and Timeout, through n8n's engine against the local sandbox:
 * - with Batching, Items per Batch items run at the same time (a latency proxy in front of the
 *   sandbox counts the requests in flight), the next batch after Batch Interval, and the output is
 *   the one the node gives without Batching: same items, same order, pairedItem i for item i,
 *   whatever finished first;
 * - a failing item keeps its place with Continue On Fail; without it the run stops with the error
 *   of the first failing item in input order (as one after another would report it) and starts no
 *   batch after that one;
 * - Timeout (Seconds) bounds each request to Seam and overrides only the node's timeout (its
 *   retries stay); left out, the node's own timeout applies;
 * - bad values are refused, naming the field, before anything is sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import http from 'node:http';

import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeTypeDescription,
} from 'n8n-workflow';

import { describeValue } from '../../nodes/Seam/shared/parameters';
import { type FakeServer, startFakeServer } from '../helpers/fakeServers';
import { runSeamNode, type RunResult } from '../helpers/runNode';
import { byId, type SeamTarget, startSeamTarget, usingRealSeam } from '../helpers/seamTarget';
import type { Sandbox } from '../sandbox';
import { getSeedIds } from '../sandbox/seed';

const seed = getSeedIds();
const entrances = Object.values(seed.entrances);
// Well-formed Seam IDs that name nothing in the sandbox: Seam answers 404.
const UNKNOWN_ENTRANCE = '33333333-3333-4333-8333-333333333333';

const describeSandbox = usingRealSeam ? describe.skip : describe;

/** One request as the proxy saw it: when it arrived and when its answer had been passed on. */
interface Span {
	/** Path and query string. */
	url: string;
	body: string;
	start: number;
	end: number;
}

/**
 * An HTTP proxy in front of the sandbox that holds each request for `delayMs(n)` (n: its arrival
 * number) before passing it on, and records how many were in flight at once. The sandbox answers
 * at once, so without the delay even concurrent requests would hardly overlap.
 */
interface LatencyProxy {
	url: string;
	spans: Span[];
	maxInFlight: number;
	reset(): void;
	close(): Promise<void>;
}

async function startLatencyProxy(
	targetUrl: string,
	delayMs: (arrival: number) => number,
): Promise<LatencyProxy> {
	const spans: Span[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	let arrivals = 0;
	const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, span: Span) => {
		const upstream = http.request(
			new URL(req.url ?? '/', targetUrl),
			{ method: req.method, headers: { ...req.headers, host: new URL(targetUrl).host } },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
				answer.on('end', () => {
					span.end = Date.now();
					inFlight -= 1;
				});
			},
		);
		upstream.on('error', () => res.destroy());
		upstream.end(body);
	};
	const server: FakeServer = await startFakeServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const span: Span = {
				url: req.url ?? '/',
				body: body.toString('utf8'),
				start: Date.now(),
				end: Number.NaN,
			};
			spans.push(span);
			inFlight += 1;
			maxInFlight = Math.max(maxInFlight, inFlight);
			setTimeout(() => forward(req, res, body, span), delayMs(arrivals++));
		});
	});
	return {
		url: server.url,
		spans,
		get maxInFlight() {
			return maxInFlight;
		},
		reset() {
			spans.length = 0;
			maxInFlight = 0;
			arrivals = 0;
		},
		close: server.close,
	};
}

let target: SeamTarget;
let sandbox: Sandbox;
let proxy: LatencyProxy;

beforeAll(async () => {
	if (usingRealSeam) return;
	target = await startSeamTarget({ credentialIssueDelayMs: 0, accessMethodIssueDelayMs: 0 });
	sandbox = target.sandbox!;
	// Within each group of five arrivals the first is held longest, so later items finish first;
	// every request is held long enough (120 ms or more) that a busy machine still overlaps a batch.
	proxy = await startLatencyProxy(sandbox.url, (arrival) => 120 + 30 * (4 - (arrival % 5)));
});
afterAll(async () => {
	await proxy?.close();
	await target?.close();
});
beforeEach(() => {
	if (!sandbox) return;
	sandbox.reset();
	proxy.reset();
});
afterEach(() => {
	if (!sandbox) return;
	expect(sandbox.pendingFaults()).toEqual([]);
	expect(sandbox.contractViolations).toEqual([]);
});

/** Runs the node through the latency proxy. */
const viaProxy = (
	parameters: INodeParameters,
	input: IDataObject[],
	continueOnFail = false,
): Promise<RunResult> =>
	runSeamNode(parameters, {
		credentials: { apiKey: target.apiKey, apiUrl: proxy.url },
		input,
		continueOnFail,
	});

const getEntrance = (requestOptions?: INodeParameters): INodeParameters => ({
	resource: 'entrance',
	operation: 'get',
	entranceId: byId('={{ $json.entranceId }}'),
	...(requestOptions ? { requestOptions } : {}),
});
const batching = (
	batchSize: number | string,
	batchInterval: number | string = 0,
): INodeParameters => ({
	batching: { batch: { batchSize, batchInterval } },
});

/** Twenty items naming the seeded entrances in turn; `unknown` items name no entrance. */
const entranceItems = (count: number, unknown: Record<number, string> = {}) =>
	Array.from({ length: count }, (_, i) => ({
		entranceId: unknown[i] ?? entrances[i % entrances.length],
	}));

const pairedItems = (items: INodeExecutionData[]) => items.map((item) => item.pairedItem);
/** The entrance a request asked for, in its query (GET) or its JSON body (POST). */
const entranceOf = (span: Span): string | undefined =>
	new URL(span.url, 'http://proxy').searchParams.get('acs_entrance_id') ??
	(JSON.parse(span.body || '{}') as { acs_entrance_id?: string }).acs_entrance_id;
const entranceIdsSent = () => proxy.spans.map(entranceOf);

describeSandbox('Batching', () => {
	test('20 items, 5 at a time: the same output in the same order as one after another, and 5 requests in flight', async () => {
		const input = entranceItems(20);

		const oneByOne = await viaProxy(getEntrance(), input);
		expect(oneByOne.error).toBeUndefined();
		expect(proxy.maxInFlight).toBe(1);

		proxy.reset();
		const batched = await viaProxy(getEntrance(batching(5)), input);
		expect(batched.error).toBeUndefined();
		expect(proxy.maxInFlight).toBe(5);

		expect(batched.items.map((item) => item.json)).toEqual(oneByOne.items.map((item) => item.json));
		expect(pairedItems(batched.items)).toEqual(input.map((_, i) => ({ item: i })));
		expect(batched.items.map((item) => item.json.acs_entrance_id)).toEqual(
			input.map((item) => item.entranceId),
		);
		// The proxy held the first of each five longest, so answers came back out of input order:
		// the order above is the node's doing, not the network's.
		const finished = [...proxy.spans].sort((a, b) => a.end - b.end);
		expect(finished.map(entranceOf)).not.toEqual(entranceIdsSent());
	});

	test('Items per Batch 1 with a Batch Interval runs one item after another with the pause', async () => {
		const input = entranceItems(3);
		const items = await viaProxy(getEntrance(batching(1, 250)), input);
		expect(items.error).toBeUndefined();
		expect(proxy.maxInFlight).toBe(1);
		const [first, second, third] = proxy.spans;
		expect(second.start - first.end).toBeGreaterThanOrEqual(240);
		expect(third.start - second.end).toBeGreaterThanOrEqual(240);
	});

	test('Batch Interval: the next batch starts after the whole batch has finished and the pause', async () => {
		const input = entranceItems(10);
		const { error } = await viaProxy(getEntrance(batching(5, 300)), input);
		expect(error).toBeUndefined();
		const spans = [...proxy.spans].sort((a, b) => a.start - b.start);
		const firstBatch = spans.slice(0, 5);
		const secondBatch = spans.slice(5);
		const firstBatchDone = Math.max(...firstBatch.map((span) => span.end));
		const secondBatchStart = Math.min(...secondBatch.map((span) => span.start));
		expect(secondBatchStart - firstBatchDone).toBeGreaterThanOrEqual(290);
		expect(proxy.maxInFlight).toBe(5);
	});

	test('failing items in the middle keep their place with Continue On Fail', async () => {
		// Item 7 fails at Seam (404), item 12 in the node itself (not a Seam ID), before its batch
		// neighbours have their answers.
		const input = entranceItems(20, { 7: UNKNOWN_ENTRANCE, 12: 'front-door' });
		const oneByOne = await viaProxy(getEntrance(), input, true);
		proxy.reset();
		const batched = await viaProxy(getEntrance(batching(5)), input, true);

		for (const run of [oneByOne, batched]) {
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(20);
			expect(pairedItems(run.items)).toEqual(input.map((_, i) => ({ item: i })));
			expect(run.items[7].json).toMatchObject({
				error: { message: expect.any(String), httpCode: '404' },
			});
			expect((run.items[12].json.error as IDataObject).message).toBe(
				'Entrance: "front-door" is not a Seam ID',
			);
			run.items.forEach((item, i) => {
				if (i !== 7 && i !== 12) expect(item.json.acs_entrance_id).toBe(input[i].entranceId);
			});
		}
		expect((batched.items[7].json.error as IDataObject).message).toBe(
			(oneByOne.items[7].json.error as IDataObject).message,
		);
		expect(proxy.maxInFlight).toBe(5);
	});

	test('without Continue On Fail: the first failing item in input order stops the run, and no later batch starts', async () => {
		// Item 6 fails at Seam (404, after the proxy's delay); item 8 is refused at once by the
		// node (not a Seam ID), so it fails first in time. The run reports item 6, as one after
		// another would.
		const input = entranceItems(20, { 6: UNKNOWN_ENTRANCE, 8: 'front-door' });

		const oneByOne = await viaProxy(getEntrance(), input);
		expect(oneByOne.items).toEqual([]);
		expect(entranceIdsSent()).toEqual(input.slice(0, 7).map((item) => item.entranceId));

		proxy.reset();
		const batched = await viaProxy(getEntrance(batching(5)), input);
		expect(batched.items).toEqual([]);
		expect(batched.error?.message).toBe(oneByOne.error?.message);
		expect(batched.error?.message).not.toMatch(/front-door/);
		expect((batched.error as { httpCode?: string }).httpCode).toBe('404');
		// Batches 1 and 2 (items 0–9) ran in full, item 8 without a request; items 10–19 never started.
		expect(entranceIdsSent().sort()).toEqual(
			input
				.slice(0, 10)
				.filter((_, i) => i !== 8)
				.map((item) => item.entranceId)
				.sort(),
		);
	});
});

describeSandbox('Timeout (Seconds)', () => {
	const ENTRANCE_GET = '/acs/entrances/get';
	const lobby = { resource: 'entrance', operation: 'get', entranceId: byId(seed.entrances.lobby) };

	async function timed(run: () => Promise<RunResult>) {
		const started = Date.now();
		const result = await run();
		return { result, ms: Date.now() - started };
	}

	test('1 s against a hanging Seam fails with the timeout error, though the node waits 30 s; its retries stay', async () => {
		sandbox.failNext(ENTRANCE_GET, { kind: 'hang', processed: false }, 2);
		const { result, ms } = await timed(() =>
			target.run({ ...lobby, requestOptions: { timeout: 1 } }, { transport: { retries: 1 } }),
		);
		expect(result.items).toEqual([]);
		expect(result.error?.message).toMatch(/^No answer from Seam at .*: the request timed out/);
		// Two attempts of about a second each: the node's retry setting still applies.
		expect(sandbox.requests.filter((request) => request.path === ENTRANCE_GET)).toHaveLength(2);
		expect(ms).toBeGreaterThanOrEqual(1_900);
		expect(ms).toBeLessThan(15_000);
	});

	test("left out, the node's own timeout applies", async () => {
		sandbox.failNext(ENTRANCE_GET, { kind: 'hang', processed: false });
		const { result, ms } = await timed(() =>
			target.run(lobby, { transport: { retries: 0, timeoutMs: 1_000 } }),
		);
		expect(result.error?.message).toMatch(/the request timed out/);
		expect(ms).toBeLessThan(15_000);
	});

	test('read for each item: an expression may give items different timeouts', async () => {
		sandbox.failNext(ENTRANCE_GET, { kind: 'hang', processed: false });
		const { result } = await timed(() =>
			target.run(
				{ ...lobby, requestOptions: { timeout: '={{ $json.timeout }}' } },
				{
					input: [{ timeout: 1 }, { timeout: '20' }],
					continueOnFail: true,
					transport: { retries: 0 },
				},
			),
		);
		expect(result.items).toHaveLength(2);
		expect((result.items[0].json.error as IDataObject).message).toMatch(/the request timed out/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[1].json.acs_entrance_id).toBe(seed.entrances.lobby);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
	});
});

describeSandbox('bad Request Options are refused before anything is sent', () => {
	const e = (value: unknown) => `={{ ${JSON.stringify(value)} }}`;
	const lobby = { resource: 'entrance', operation: 'get', entranceId: byId(seed.entrances.lobby) };
	const notWhole = (field: string, value: unknown, min: number, max: number) =>
		`${field}: ${describeValue(value)} is not a whole number from ${min} to ${max}`;

	test.each([
		['Items per Batch', batching(e(0)), notWhole('Items per Batch', 0, 1, 100)],
		['Items per Batch', batching(e(101)), notWhole('Items per Batch', 101, 1, 100)],
		['Items per Batch', batching(e(2.5)), notWhole('Items per Batch', 2.5, 1, 100)],
		['Items per Batch', batching(e('five')), notWhole('Items per Batch', 'five', 1, 100)],
		['Items per Batch', batching(e(true)), notWhole('Items per Batch', true, 1, 100)],
		['Batch Interval (ms)', batching(5, e(-1)), notWhole('Batch Interval (ms)', -1, 0, 300000)],
		[
			'Batch Interval (ms)',
			batching(5, e('soon')),
			notWhole('Batch Interval (ms)', 'soon', 0, 300000),
		],
		['Timeout (Seconds)', { timeout: e(0) }, notWhole('Timeout (Seconds)', 0, 1, 300)],
		['Timeout (Seconds)', { timeout: e(301) }, notWhole('Timeout (Seconds)', 301, 1, 300)],
		['Timeout (Seconds)', { timeout: e(1.5) }, notWhole('Timeout (Seconds)', 1.5, 1, 300)],
	])('%s ← %j', async (_field, requestOptions, message) => {
		const stopped = await target.run({ ...lobby, requestOptions });
		expect(stopped.items).toEqual([]);
		expect(stopped.error?.message).toBe(message);
		expect(sandbox.requests).toEqual([]);
	});

	test('a bad Batching stops the run even with Continue On Fail: it is the whole run, not an item', async () => {
		const continued = await target.run(
			{ ...lobby, requestOptions: batching(e(0)) },
			{ input: [{}, {}], continueOnFail: true },
		);
		expect(continued.error?.message).toBe(notWhole('Items per Batch', 0, 1, 100));
		expect(sandbox.requests).toEqual([]);
	});

	test('numbers as text are accepted ("5" items per batch, "0" ms, "20" seconds)', async () => {
		const items = await target.ok({
			...lobby,
			requestOptions: { ...batching(e('5'), e('0')), timeout: e('20') },
		});
		expect(items.map((item) => item.json.acs_entrance_id)).toEqual([seed.entrances.lobby]);
	});
});

describe('the Request Options property', () => {
	test('comes last, shown for every resource and operation, with Batching and Timeout', async () => {
		const { Seam } = await import('../../nodes/Seam/Seam.node');
		const { properties } = (new Seam() as { description: INodeTypeDescription }).description;
		const last = properties[properties.length - 1];
		expect(last).toMatchObject({ name: 'requestOptions', type: 'collection', default: {} });
		expect(last.displayOptions).toBeUndefined();
		expect(last.options?.map((option) => option.name)).toEqual(['batching', 'timeout']);
		expect(properties.filter((property) => property.name === 'requestOptions')).toHaveLength(1);
	});
});
