import { describeValue } from './describeValue';
import { InputProblem, requiredProblem } from './inputProblem';
import { isEmpty } from './isEmpty';

/**
 * A text field. A number is accepted as its digits (a phone number, a reservation ID or a name
 * mapped from JSON often arrives as one); a boolean, object or list is a mapping mistake.
 */
export function textValue(value: unknown, field: string): string | undefined {
	if (isEmpty(value)) return undefined;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'bigint') return String(value);
	throw new InputProblem(
		`${field}: ${describeValue(value)} is not a text`,
		`${field} takes a text (or a number). Check the expression: it may point at the wrong part of the input.`,
	);
}

export function requiredTextValue(value: unknown, field: string): string {
	const text = textValue(value, field);
	if (text === undefined) {
		throw requiredProblem(
			field,
			`Fill in "${field}". If it comes from an expression, the expression resolved to ${describeValue(value)}.`,
		);
	}
	return text;
}
