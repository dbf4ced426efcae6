import { sleep } from 'n8n-workflow';

import type { Batching } from '../shared/descriptions/requestOptions';

/** Without the Batching option: one item after another, as the node has always run. */
export const ONE_AFTER_ANOTHER: Readonly<Batching> = Object.freeze({
	itemsPerBatch: 1,
	intervalMs: 0,
});

/** What running one item gave: its result, or what it threw. */
export type ItemOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface RunItemsOptions {
	batches?: Readonly<Batching>;
	/**
	 * Without Continue On Fail the run ends at a failure: no batch starts after one in which an
	 * item failed. The items of that batch were already started together, so they all finish
	 * (none is abandoned halfway through a write) before the caller reports the failure.
	 */
	stopAfterFailure: boolean;
	/** How to pause between batches (tests may pass their own). */
	pause?: (ms: number) => Promise<unknown>;
}

async function settle<T>(run: (itemIndex: number) => Promise<T>, itemIndex: number) {
	try {
		return { ok: true, value: await run(itemIndex) } as const;
	} catch (error) {
		return { ok: false, error } as const;
	}
}

/**
 * Runs `run` for items 0 … count - 1 in batches of `itemsPerBatch` items at the same time; a
 * batch starts once the previous one has finished and `intervalMs` has passed. Outcomes come back
 * in item order, whatever finished first: outcome i is item i's. When it stopped after a failure,
 * the outcomes end with that batch.
 */
export async function runItems<T>(
	count: number,
	run: (itemIndex: number) => Promise<T>,
	{ batches = ONE_AFTER_ANOTHER, stopAfterFailure, pause = sleep }: RunItemsOptions,
): Promise<Array<ItemOutcome<T>>> {
	const size = Math.max(1, Math.floor(batches.itemsPerBatch));
	const outcomes: Array<ItemOutcome<T>> = [];
	for (let start = 0; start < count; start += size) {
		if (start > 0 && batches.intervalMs > 0) await pause(batches.intervalMs);
		const indexes = Array.from({ length: Math.min(size, count - start) }, (_, k) => start + k);
		const batch = await Promise.all(indexes.map(async (itemIndex) => await settle(run, itemIndex)));
		outcomes.push(...batch);
		if (stopAfterFailure && batch.some((outcome) => !outcome.ok)) break;
	}
	return outcomes;
}
