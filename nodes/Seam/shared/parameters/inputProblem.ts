/**
 * A form value the node cannot use. Raised by the pure readers in this folder and turned into a
 * NodeOperationError (with the item index) by the form reader, before any request leaves.
 */
export class InputProblem extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'InputProblem';
	}
}

/** `<Field> is required`: the field was left empty or its expression resolved to nothing. */
export function requiredProblem(field: string, hint: string): InputProblem {
	return new InputProblem(`${field} is required`, hint);
}
