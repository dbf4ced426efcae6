import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export function readRequiredString(
	context: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
): string {
	const value = String(context.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
	if (value === '') {
		throw new NodeOperationError(context.getNode(), `${field} is required`, {
			itemIndex,
			description: `Fill in "${field}".`,
		});
	}
	return value;
}
