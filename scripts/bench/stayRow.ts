import type { INodeParameters } from 'n8n-workflow';

import { type BenchContext, measured } from './context';
import type { ProxiedRequest } from './latencyProxy';
import { type Booking, sdkNewStay, sdkUnchangedStay } from './staySdk';
import { spread } from './stats';
import { type BenchRow, finerTimes, ms, noise, perMinute, verdict } from './table';
import { type BenchTarget, LATENCY_MS, startBenchTarget } from './target';

// Row 9: Stay → Grant or Update Access per stay, in n8n's engine, against the SDK making the
// same requests in the same order (staySdk.ts): (a) new bookings, created (PINs issued at once),
// informational; (b) the same bookings sent again, which must find them unchanged with reads
// only, within MAX_RATIO of the SDK. One node run takes STAYS bookings as items (a PMS feed);
// the SDK handles its own bookings, one after another. The requests are counted at the proxy,
// and the node's must be the baseline's, path for path.

const STAYS = 20;
const UNIT = 'unit-101';
const MAX_RATIO = 1.1;
const READS = new Set(['list', 'get', 'get_related']);
const isWrite = (request: ProxiedRequest) => !READS.has(request.path.split('/').pop() ?? '');

const PARAMETERS: INodeParameters = {
	resource: 'stay',
	operation: 'grantAccess',
	reservationId: '={{ $json.reservationId }}',
	guestName: '={{ $json.guestName }}',
	doorsBy: 'spaceKeys',
	spaceKeys: '={{ $json.spaceKey }}',
	checkIn: '={{ $json.checkIn }}',
	checkOut: '={{ $json.checkOut }}',
};

const inDays = (days: number, hour: number) => {
	const date = new Date(Date.now() + days * 86_400_000);
	date.setUTCHours(hour, 0, 0, 0);
	return date.toISOString();
};

function bookings(who: string, round: number): Booking[] {
	return Array.from({ length: STAYS }, (_, index) => ({
		reservationId: `BENCH-${who}-${round}-${index}`,
		guestName: `Guest ${who} ${round}-${index}`,
		spaceKey: UNIT,
		checkIn: inDays(1 + (index % 5), 15),
		checkOut: inDays(3 + (index % 5), 11),
	}));
}

type Phase = 'created' | 'unchanged';

interface Sample {
	nodeMs: number;
	sdkMs: number;
	/** Per stay. */
	requests: number;
	writes: number;
	pins: number;
}

/** Runs `work`, returning its time and the requests it sent. */
async function counted(target: BenchTarget, work: () => Promise<void>) {
	const before = await target.requestCount();
	const started = performance.now();
	await work();
	const elapsed = performance.now() - started;
	return { elapsed, sent: await target.requestsSince(before) };
}

async function sample(
	context: BenchContext,
	target: BenchTarget,
	phase: Phase,
	node: Booking[],
	sdk: Booking[],
	round: number,
): Promise<Sample> {
	const runNode = () =>
		counted(target, async () => {
			const result = await context.runNode(PARAMETERS, {
				credentials: target.credentials,
				input: node.map((booking) => ({ ...booking })),
			});
			if (result.error) throw new Error(`Stay → Grant or Update Access: ${result.error.message}`);
			const statuses = result.items.map((item) => item.json.status);
			if (statuses.length !== STAYS || statuses.some((status) => status !== phase)) {
				throw new Error(`Stay (${phase}): the node answered ${statuses.join(', ')}`);
			}
		});
	const runSdk = () =>
		counted(target, async () => {
			const stay = phase === 'created' ? sdkNewStay : sdkUnchangedStay;
			for (const booking of sdk) await stay(target.seam, booking);
		});
	// Alternate which goes first, so drift (GC, JIT, a busy core) hits both alike.
	const first = round % 2 === 0 ? await runNode() : await runSdk();
	const second = round % 2 === 0 ? await runSdk() : await runNode();
	const [nodeRun, sdkRun] = round % 2 === 0 ? [first, second] : [second, first];
	const paths = (sent: ProxiedRequest[]) => sent.map((r) => r.path).join(' ');
	if (paths(nodeRun.sent) !== paths(sdkRun.sent)) {
		throw new Error(
			`Stay (${phase}): the SDK baseline no longer makes the node's requests\n  node: ${paths(nodeRun.sent)}\n  SDK:  ${paths(sdkRun.sent)}`,
		);
	}
	return {
		nodeMs: nodeRun.elapsed / STAYS,
		sdkMs: sdkRun.elapsed / STAYS,
		requests: nodeRun.sent.length / STAYS,
		writes: nodeRun.sent.filter(isWrite).length / STAYS,
		pins: nodeRun.sent.filter((r) => r.path === '/access_methods/get_related').length / STAYS,
	};
}

interface Phases {
	created: Sample;
	unchanged: Sample;
}

/** One round: new bookings for the node and for the SDK, then the same bookings again. */
async function round(context: BenchContext, target: BenchTarget, index: number): Promise<Phases> {
	await target.reset();
	const node = bookings('node', index);
	const sdk = bookings('sdk', index);
	return {
		created: await sample(context, target, 'created', node, sdk, index),
		unchanged: await sample(context, target, 'unchanged', node, sdk, index),
	};
}

function row(samples: Sample[], phase: Phase): BenchRow {
	const node = spread(samples.map((s) => s.nodeMs));
	const sdk = spread(samples.map((s) => s.sdkMs));
	const ratio = spread(samples.map((s) => s.nodeMs / s.sdkMs));
	const requests = spread(samples.map((s) => s.requests));
	const writes = spread(samples.map((s) => s.writes));
	const perStay = (value: number) => Number(value.toFixed(2));
	const reads = perStay(requests.median - writes.median);
	const pins = perStay(spread(samples.map((s) => s.pins)).median);
	// The most writes any round made: for a re-sent booking, one is a miss.
	const wrote = perStay(writes.max);
	const counts = `${perStay(requests.median)} req/stay: ${reads} reads, ${wrote} write${wrote === 1 ? '' : 's'}`;
	const added = ms(node.median - sdk.median);
	const common = {
		id: '9',
		figure: `${ms(node.median)}, ${counts}`,
		baseline: `SDK ${ms(sdk.median)}, same requests`,
		ratio: finerTimes(ratio.median),
		noise: noise(ratio, finerTimes),
	};
	if (phase === 'created') {
		return {
			...common,
			measure: `Stay → Grant or Update Access, new booking on ${UNIT}, per stay (${STAYS} a run, PINs issued at once)`,
			target: 'informational',
			verdict: 'info',
			meaning: `A new booking (Stay → Grant or Update Access on a unit with ${pins} PINs, issued at once here) takes ${ms(node.median)} and ${perStay(requests.median)} requests, ${wrote} of them a write: one after another, about ${perMinute(node.median)} bookings a minute from one workflow at ${LATENCY_MS} ms from Seam; the node adds ${added} a stay to Seam's own SDK making the same requests.`,
		};
	}
	return {
		...common,
		measure: `Stay → Grant or Update Access, same booking re-sent (unchanged), per stay (${STAYS} a run)`,
		target: `≤ ${MAX_RATIO.toFixed(2)}× the SDK, 0 writes`,
		verdict: verdict(ratio.median <= MAX_RATIO && writes.max === 0),
		meaning: `A booking re-sent by the PMS costs ${reads} reads and ${wrote === 0 ? 'no write' : `${wrote} writes (it should make none)`}: ${ms(node.median)} a stay, about ${perMinute(node.median)} a minute from one workflow, ${finerTimes(ratio.median)} Seam's own SDK making the same reads${wrote === 0 ? '; nothing on the locks changes' : ''}.`,
	};
}

export async function stayRows(context: BenchContext): Promise<BenchRow[]> {
	const target = await startBenchTarget({ accessMethodIssueDelayMs: 0 });
	try {
		// One unmeasured round: the engine, the SDK and the connections warm up.
		await measured(context, () => round(context, target, -1));
		const samples: Phases[] = [];
		for (let index = 0; index < context.rounds; index++) {
			samples.push(await measured(context, () => round(context, target, index)));
			context.progress(`stays: round ${index + 1}/${context.rounds}`);
		}
		return [
			row(
				samples.map((s) => s.created),
				'created',
			),
			row(
				samples.map((s) => s.unchanged),
				'unchanged',
			),
		];
	} finally {
		await target.close();
	}
}
