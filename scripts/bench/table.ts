import type { Spread } from './stats';

// One row per measurement: the package's figure, its baseline from the same run, the ratio, the
// noise over the rounds, and the target with its verdict. Printed for the terminal and as the
// Markdown table of the README's Performance section.

export type Verdict = 'pass' | 'FAIL' | 'info' | 'n/a';

export interface BenchRow {
	/** Row number of the list, so runs compare line by line. */
	id: string;
	measure: string;
	figure: string;
	baseline: string;
	ratio: string;
	/** min–max over the rounds, of the figure that the target is about. */
	noise: string;
	target: string;
	verdict: Verdict;
	/** What the figure means for a user, in a sentence (the README's list under the table). */
	meaning?: string;
}

export function notApplicable(id: string, measure: string, why: string, target: string): BenchRow {
	return {
		id,
		measure,
		figure: why,
		baseline: '—',
		ratio: '—',
		noise: '—',
		target,
		verdict: 'n/a',
	};
}

const digits = (value: number) => (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);

export const ms = (value: number) => `${value.toFixed(digits(value))} ms`;
export const us = (value: number) => `${value.toFixed(digits(value))} µs`;
export const times = (value: number) => `${value.toFixed(2)}×`;
/** For ratios judged against a target close to 1 (1.05×): a third decimal shows which side. */
export const finerTimes = (value: number) => `${value.toFixed(3)}×`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** "min–max (n rounds)" in the unit of `format`. */
export function noise(values: Spread, format: (value: number) => string): string {
	return `${format(values.min)}–${format(values.max)} (${values.rounds} rounds)`;
}

export function verdict(passed: boolean): Verdict {
	return passed ? 'pass' : 'FAIL';
}

const HEADERS = ['#', 'Measured', 'Package', 'Baseline', 'Ratio', 'Noise (min–max)', 'Target', ''];

function cells(row: BenchRow): string[] {
	return [
		row.id,
		row.measure,
		row.figure,
		row.baseline,
		row.ratio,
		row.noise,
		row.target,
		row.verdict,
	];
}

/** For the terminal: padded columns. */
export function textTable(rows: BenchRow[]): string {
	const all = [HEADERS, ...rows.map(cells)];
	const widths = HEADERS.map((_, column) =>
		Math.max(...all.map((line) => [...line[column]].length)),
	);
	const line = (values: string[]) =>
		values.map((value, column) => value.padEnd(widths[column])).join('  ');
	return [
		line(HEADERS),
		line(widths.map((width) => '-'.repeat(width))),
		...rows.map((row) => line(cells(row))),
	].join('\n');
}

/** For the README: a Markdown table (pipes in cells escaped). */
export function markdownTable(rows: BenchRow[]): string {
	const escape = (value: string) => value.replace(/\|/g, '\\|');
	const line = (values: string[]) => `| ${values.map(escape).join(' | ')} |`;
	return [
		line(HEADERS.slice(0, -1).concat('Result')),
		line(HEADERS.map(() => '---')),
		...rows.map((row) => line(cells(row))),
	].join('\n');
}

/** The rows' meanings as a Markdown list. */
export function meanings(rows: BenchRow[]): string[] {
	return rows.filter((row) => row.meaning).map((row) => `- ${row.meaning}`);
}

/** Items a minute at `msEach` per item. */
export const perMinute = (msEach: number) => Math.round(60_000 / msEach).toLocaleString('en-US');
