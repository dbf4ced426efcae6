import type { IDataObject } from 'n8n-workflow';

import { type BenchContext, measured } from './context';
import { spread } from './stats';
import { type BenchRow, ms, noise, perMinute, verdict } from './table';
import { startBenchTarget } from './target';

// Row 7: Access Grant → Create with "Wait Until Issued", when Seam issues the PIN quickly
// (the sandbox issues 300 ms after creating). What the wait adds is how long after the issue the
// node saw it: the end of the access-method read that found everything issued, minus the moment
// the sandbox issued (its `issued_at`). One read after the issue is unavoidable (a round trip
// through the latency proxy); everything beyond that is the pause between reads.

const ISSUE_DELAY_MS = 300;
const MAX_ADDED_MS = 100;
const LIST_PATH = '/access_methods/list';

const inDays = (days: number, hour: number) => {
	const date = new Date(Date.now() + days * 86_400_000);
	date.setUTCHours(hour, 0, 0, 0);
	return date.toISOString();
};

interface Sample {
	/** From the grant's creation to the end of the read that saw it issued. */
	seenMs: number;
	/** From the grant's creation to the issue, as the sandbox recorded it. */
	issuedMs: number;
	reads: number;
	/** The whole node run, and every request it sent. */
	runMs: number;
	requests: number;
}

export async function waitIssuedRow(context: BenchContext): Promise<BenchRow> {
	const target = await startBenchTarget({ accessMethodIssueDelayMs: ISSUE_DELAY_MS });
	try {
		const frontDoorLock = target.seed.devices.frontDoorLock;
		const run = async (round: number): Promise<Sample> => {
			const before = await target.requestCount();
			const started = performance.now();
			const result = await context.runNode(
				{
					resource: 'accessGrant',
					operation: 'create',
					grantTo: 'new',
					fullName: `Wait ${round}`,
					startsAt: inDays(1, 15),
					endsAt: inDays(3, 11),
					deviceIds: [frontDoorLock],
				},
				{ credentials: target.credentials },
			);
			const runMs = performance.now() - started;
			if (result.error) throw new Error(`Access Grant → Create: ${result.error.message}`);
			const grant = result.items[0].json;
			const methods = grant.access_methods as IDataObject[];
			const created = Date.parse(String(grant.created_at));
			const issued = Math.max(...methods.map((method) => Date.parse(String(method.issued_at))));
			const sent = await target.requestsSince(before);
			const reads = sent.filter((r) => r.path === LIST_PATH);
			const seen = reads[reads.length - 1].answeredAt;
			if (!Number.isFinite(issued) || !Number.isFinite(created)) {
				throw new Error('Access Grant → Create: no created_at / issued_at in the output');
			}
			return {
				seenMs: seen - created,
				issuedMs: issued - created,
				reads: reads.length,
				runMs,
				requests: sent.length,
			};
		};
		await measured(context, () => run(-1));
		const samples: Sample[] = [];
		for (let round = 0; round < context.rounds; round++) {
			samples.push(await measured(context, () => run(round)));
			context.progress(`wait until issued: round ${round + 1}/${context.rounds}`);
		}
		const added = spread(samples.map((s) => s.seenMs - s.issuedMs));
		const reads = spread(samples.map((s) => s.reads));
		const runMs = spread(samples.map((s) => s.runMs)).median;
		const requests = spread(samples.map((s) => s.requests)).median;
		return {
			id: '7',
			measure: `Access Grant → Create, Wait Until Issued, PIN issued after ${ISSUE_DELAY_MS} ms`,
			figure: `seen ${ms(spread(samples.map((s) => s.seenMs)).median)} after creation, ${reads.median} reads`,
			baseline: `issued ${ms(spread(samples.map((s) => s.issuedMs)).median)} after creation`,
			ratio: `+${ms(added.median)}`,
			noise: noise(added, ms),
			target: `≤ ${MAX_ADDED_MS} ms added`,
			verdict: verdict(added.median <= MAX_ADDED_MS),
			meaning: `A reservation (Access Grant → Create with a PIN on one lock, waiting until it is issued, ${ISSUE_DELAY_MS} ms here) takes ${ms(runMs)} and ${requests} requests: one after another, about ${perMinute(runMs)} reservations a minute from one workflow; the wait sees the PIN ${ms(added.median)} after Seam issued it.`,
		};
	} finally {
		await target.close();
	}
}
