import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Reads an optional custom PIN: digits only, within the length the caller allows. */
export function readPinCode(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
	length: { min: number; max: number } = { min: 4, max: 12 },
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const code = String(value).trim();
	if (!/^\d+$/.test(code)) {
		throw new NodeOperationError(context.getNode(), `${field} must contain digits only`, {
			itemIndex,
			description: `"${code}" contains other characters than 0-9.`,
		});
	}
	if (code.length < length.min || code.length > length.max) {
		throw new NodeOperationError(
			context.getNode(),
			`${field} must have ${length.min} to ${length.max} digits`,
			{ itemIndex, description: `"${code}" has ${code.length} digits.` },
		);
	}
	return code;
}
