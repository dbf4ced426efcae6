import { describeValue } from './describeValue';
import { InputProblem } from './inputProblem';
import { isEmpty } from './isEmpty';

/**
 * A whole number within bounds. A numeric text ("25" from a sheet) is accepted; -1, 0, 2.5 or
 * "ten" are refused rather than silently turned into another number.
 */
export function wholeNumberValue(
	value: unknown,
	field: string,
	bounds: { min: number; max: number },
	fallback: number,
): number {
	if (isEmpty(value)) return fallback;
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(value)
				? Number(value)
				: Number.NaN;
	if (!Number.isInteger(number) || number < bounds.min || number > bounds.max) {
		throw new InputProblem(
			`${field}: ${describeValue(value)} is not a whole number from ${bounds.min} to ${bounds.max}`,
			`Enter a whole number from ${bounds.min} to ${bounds.max}.`,
		);
	}
	return number;
}
