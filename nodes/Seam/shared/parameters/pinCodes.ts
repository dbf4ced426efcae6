import { describeValue } from './describeValue';
import { InputProblem } from './inputProblem';
import { isEmpty } from './isEmpty';

/**
 * A custom PIN: digits only, within the length the provider allows. A number is accepted (a
 * sheet turns "4821" into 4821), but a number cannot keep leading zeros, so such a PIN must
 * arrive as text.
 */
export function pinCodeValue(
	value: unknown,
	field: string,
	length: { min: number; max: number },
): string | undefined {
	if (isEmpty(value)) return undefined;
	let code: string;
	if (typeof value === 'string') code = value.trim();
	else if (typeof value === 'number' && Number.isInteger(value) && value >= 0) code = String(value);
	else {
		throw new InputProblem(
			`${field}: ${describeValue(value)} is not a PIN code`,
			`A PIN code is ${length.min} to ${length.max} digits, e.g. "4821".`,
		);
	}
	if (!/^\d+$/.test(code)) {
		throw new InputProblem(
			`${field} must contain digits only`,
			`It arrived as ${describeValue(value)}, which contains other characters than 0-9.`,
		);
	}
	if (code.length < length.min || code.length > length.max) {
		throw new InputProblem(
			`${field} must have ${length.min} to ${length.max} digits`,
			`It arrived as ${describeValue(value)}, which has ${code.length} digits.`,
		);
	}
	return code;
}
