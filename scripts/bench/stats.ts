// Numbers over repeat rounds: the median is what the table reports, min–max is the noise.

export interface Spread {
	median: number;
	min: number;
	max: number;
	rounds: number;
}

export function spread(values: number[]): Spread {
	if (values.length === 0) throw new Error('spread of no values');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median =
		sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], rounds: values.length };
}

/** Milliseconds since an arbitrary origin, sub-millisecond precision. */
export const now = (): number => performance.now();

/** How long `work` takes, in milliseconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
	const started = now();
	await work();
	return now() - started;
}

/** Rounds from BENCH_ROUNDS (default 5); a typo is an error, not a silent default. */
export function benchRounds(): number {
	const raw = process.env.BENCH_ROUNDS;
	if (raw === undefined || raw === '') return 5;
	const rounds = Number(raw);
	if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100) {
		throw new Error(`BENCH_ROUNDS=${raw}: give a whole number from 1 to 100`);
	}
	return rounds;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
