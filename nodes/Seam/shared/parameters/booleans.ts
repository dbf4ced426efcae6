import { describeValue } from './describeValue';
import { InputProblem } from './inputProblem';
import { isEmpty } from './isEmpty';

/** A switch. "true"/"false" from a sheet or a query string mean what they say; nothing else does. */
export function booleanValue(value: unknown, field: string, fallback: boolean): boolean {
	if (isEmpty(value)) return fallback;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') {
		const word = value.trim().toLowerCase();
		if (word === 'true') return true;
		if (word === 'false') return false;
	}
	throw new InputProblem(
		`${field}: ${describeValue(value)} is not true or false`,
		`${field} is a switch: turn it on or off, or give true or false.`,
	);
}
