import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assertSeamId(
	context: IExecuteFunctions,
	id: string,
	field: string,
	itemIndex: number,
): string {
	const trimmed = id.trim();
	if (trimmed === '') {
		throw new NodeOperationError(context.getNode(), `${field} is required`, {
			itemIndex,
			description: `Choose a value for "${field}" from the list, or enter its ID.`,
		});
	}
	if (!UUID.test(trimmed)) {
		throw new NodeOperationError(context.getNode(), `${field}: "${trimmed}" is not a Seam ID`, {
			itemIndex,
			description: 'Seam IDs are UUIDs, e.g. 33333333-3333-3333-3333-333333333333.',
		});
	}
	return trimmed;
}

/** Reads a resource locator (From list / By ID) and checks that it holds a Seam ID. */
export function readId(
	context: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
): string {
	const value = context.getNodeParameter(parameter, itemIndex, '', { extractValue: true }) as
		| string
		| INodeParameterResourceLocator;
	const id =
		typeof value === 'object' && value !== null ? String(value.value ?? '') : String(value ?? '');
	return assertSeamId(context, id, field, itemIndex);
}

/** Same as readId, for a locator that may be left empty. */
export function readOptionalId(
	context: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
): string | undefined {
	const value = context.getNodeParameter(parameter, itemIndex, '', {
		extractValue: true,
	}) as unknown;
	const id =
		typeof value === 'object' && value !== null
			? String((value as INodeParameterResourceLocator).value ?? '')
			: String(value ?? '');
	return id.trim() === '' ? undefined : assertSeamId(context, id, field, itemIndex);
}

/**
 * Reads a multi-select of IDs. Expressions may give an array, a comma-separated string or a
 * single ID; all are accepted.
 */
export function readIdList(
	context: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
	fallback: string[] = [],
): string[] {
	const raw = context.getNodeParameter(parameter, itemIndex, fallback) as unknown;
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
	return list
		.map((id) => String(id).trim())
		.filter((id) => id !== '')
		.map((id) => assertSeamId(context, id, field, itemIndex));
}
