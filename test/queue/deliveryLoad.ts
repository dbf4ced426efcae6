import type { N8nInstance } from '../harness/n8nInstance';
import {
	newDelivery,
	percentile,
	sendDeliveries,
	type Attempt,
	type Delivery,
	type DeliveryResult,
} from './deliveries';
import { allExecutions, firstItemOf, waitForFinishedExecutions } from './executions';

// One load run against a Seam Trigger workflow: signed deliveries many at a time, some repeated,
// then Svix's retries; checks that every event ran exactly once and measures how fast. The same
// run works on a queue-mode cluster (deliveries to the webhook processor, executions on workers)
// and on a single n8n, so the two figures can stand side by side.

/** What the Seam Trigger answers a delivery it has already run. */
export const REPEAT = JSON.stringify({ received: true, ignored: 'duplicate' });
/** Svix retries a delivery 5 s after a failed attempt first (then after 5 min, 30 min, …). */
export const SVIX_RETRIES_MS = [5000, 5000, 5000, 5000];

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LoadTarget {
	/** The n8n whose public API lists the executions (main, in queue mode). */
	n8n: N8nInstance;
	/** The Seam Trigger's production URL (on the webhook processor, in queue mode). */
	url: string;
	/** The registered webhook's signing secret. */
	secret: string;
	workflowId: string;
	/** Executions of the workflow before this run. */
	executionsBefore: number;
	/** Workers whose logs say which ran what (queue mode). */
	workers?: Array<{ name: string; output(): string }>;
}

export interface LoadFigures {
	count: number;
	/** Deliveries answered 200 per second (repeats included), and executions finished per second. */
	acceptedPerSecond: number;
	executedPerSecond: number;
	/** A delivery's first attempt → its execution's end (ms). */
	latencyP50: number;
	latencyP95: number;
	/** One attempt's answer time (ms). */
	answerP50: number;
	answerP95: number;
	/** Attempts answered with anything but 200, retried like Svix. */
	refused: Attempt[];
	perWorker: Array<{ name: string; ran: number }>;
}

/**
 * Sends `count` new deliveries, every tenth of them twice at the same moment (a proxy's repeat),
 * each retried like Svix until it gets a 2xx; then Svix's retries after an answer it did not get
 * (same message id, signed again): all of them for a small batch, every tenth of a large one.
 * Checks that every new event gave exactly one successful execution, whose trigger output is the
 * event, and that no repeat ran; logs and returns the figures.
 */
export async function deliverAndCountRuns(
	target: LoadTarget,
	count: number,
	options: { concurrency: number; log: (message: string) => void },
): Promise<LoadFigures & { fresh: Delivery[] }> {
	const fresh = Array.from({ length: count }, () => newDelivery());
	const batch: Delivery[] = fresh.flatMap((delivery, index) =>
		index % 10 === 0 ? [delivery, delivery] : [delivery],
	);
	const send = (deliveries: Delivery[]) =>
		sendDeliveries(target.url, target.secret, deliveries, {
			concurrency: options.concurrency,
			retryDelaysMs: SVIX_RETRIES_MS,
		});

	const started = Date.now();
	const results = await send(batch);
	const acceptedIn = Date.now() - started;
	const refused = results.flatMap((result) => result.attempts).filter((a) => a.status !== 200);
	expect(
		results.filter((result) => result.status !== 200).map((r) => `${r.status} ${r.text}`),
	).toEqual([]);
	// Of each delivery, exactly one answer started a run; a copy was answered as a repeat.
	const byMessage = new Map<string, DeliveryResult[]>();
	for (const result of results) {
		const id = result.delivery.messageId;
		byMessage.set(id, [...(byMessage.get(id) ?? []), result]);
	}
	for (const copies of byMessage.values()) {
		expect(copies.filter((copy) => copy.text !== REPEAT)).toHaveLength(1);
	}

	const expected = target.executionsBefore + count;
	const executions = await waitForFinishedExecutions(target.n8n, target.workflowId, expected, {
		timeoutMs: 10 * MINUTE,
	});
	const executedIn = Date.now() - started;
	expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
	expect(executions).toHaveLength(expected);

	const retried = count <= 50 ? fresh : fresh.filter((_, index) => index % 10 === 5);
	const retries = await send(retried);
	expect(
		retries.filter((result) => result.text !== REPEAT).map((r) => `${r.status} ${r.text}`),
	).toEqual([]);
	await sleep(5000);
	const withData = await allExecutions(target.n8n, target.workflowId, { includeData: true });
	expect(withData).toHaveLength(expected);

	// Each new event ran exactly once, and what ran is what was sent.
	const ran = new Map<string, (typeof withData)[number]>();
	for (const execution of withData) {
		const eventId = String(firstItemOf(execution, 'Seam Trigger')?.event_id);
		expect(ran.has(eventId)).toBe(false);
		ran.set(eventId, execution);
	}
	for (const delivery of fresh) {
		expect(firstItemOf(ran.get(delivery.event.event_id) ?? {}, 'Seam Trigger')).toEqual(
			delivery.event,
		);
	}

	// Figures: a delivery's first attempt → its execution stopped.
	const firstSent = new Map<string, number>();
	for (const result of results) {
		const eventId = result.delivery.event.event_id;
		firstSent.set(eventId, Math.min(firstSent.get(eventId) ?? Infinity, result.firstSentAt));
	}
	const latencies = fresh.map((delivery) => {
		const execution = ran.get(delivery.event.event_id)!;
		return Date.parse(execution.stoppedAt as string) - firstSent.get(delivery.event.event_id)!;
	});
	const answerTimes = results
		.flatMap((result) => result.attempts)
		.map((a) => a.answeredAt - a.sentAt);
	const perWorker = (target.workers ?? []).map((worker) => ({
		name: worker.name,
		ran: fresh.filter((delivery) =>
			worker
				.output()
				.includes(`Worker finished execution ${ran.get(delivery.event.event_id)!.id} `),
		).length,
	}));
	const figures: LoadFigures = {
		count,
		acceptedPerSecond: (batch.length * 1000) / acceptedIn,
		executedPerSecond: (count * 1000) / executedIn,
		latencyP50: percentile(latencies, 50),
		latencyP95: percentile(latencies, 95),
		answerP50: percentile(answerTimes, 50),
		answerP95: percentile(answerTimes, 95),
		refused,
		perWorker,
	};
	const refusals = [...new Set(refused.map((a) => `${a.status} ${a.text.slice(0, 60)}`))];
	options.log(
		`${count} deliveries (+${batch.length - count} repeated at once, +${retried.length} retried later), ${options.concurrency} at a time: ` +
			`all answered 200 after ${(acceptedIn / 1000).toFixed(1)} s (${figures.acceptedPerSecond.toFixed(1)} deliveries/s; ` +
			`answer p50 ${figures.answerP50} ms, p95 ${figures.answerP95} ms; ` +
			`${refused.length} attempts refused first and retried${refusals.length ? `: ${refusals.join(' | ')}` : ''}); ` +
			`all executed after ${(executedIn / 1000).toFixed(1)} s (${figures.executedPerSecond.toFixed(1)} executions/s); ` +
			`first attempt → execution end p50 ${figures.latencyP50} ms, p95 ${figures.latencyP95} ms` +
			(perWorker.length
				? `; ${perWorker.map((worker) => `${worker.name} ran ${worker.ran}`).join(', ')}`
				: ''),
	);
	return { ...figures, fresh };
}
