import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/descriptions/requestOptions';
import type { SeamOperation, SeamOperations } from './node.type';

export interface SeamResource {
	value: string;
	name: string;
	operations: SeamOperations;
	defaultOperation: string;
}

// n8n lists options alphabetically; sorting here keeps every list in that order as operations
// are added, without anyone having to place them by hand.
const byName = (a: { name: string }, b: { name: string }) =>
	a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

function operationProperty(resource: SeamResource): INodeProperties {
	const { defaultOperation } = resource;
	const options: INodePropertyOptions[] = Object.entries(resource.operations)
		.map(([value, { option }]) => ({ ...option, value }))
		.sort(byName);
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: defaultOperation,
	};
}

/**
 * The node's form: the Resource list, then per resource its Operation list and each operation's
 * fields, then the Request Options every operation shares (batching, timeout; read by the router).
 */
export function nodeProperties(
	resources: SeamResource[],
	defaultResource: string,
): INodeProperties[] {
	const resourceProperty: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ name, value }) => ({ name, value })).sort(byName),
		default: defaultResource,
	};
	return [
		resourceProperty,
		...resources.flatMap((resource) => [
			operationProperty(resource),
			...Object.entries(resource.operations).flatMap(([operation, { properties }]) =>
				updateDisplayOptions(
					{ show: { resource: [resource.value], operation: [operation] } },
					properties,
				),
			),
		]),
		requestOptionsProperty,
	];
}

/** The handler for a resource and operation, or undefined when the pair is not known. */
export function findOperation(
	resources: SeamResource[],
	resource: string,
	operation: string,
): SeamOperation | undefined {
	const operations = resources.find((r) => r.value === resource)?.operations;
	return operations && Object.prototype.hasOwnProperty.call(operations, operation)
		? operations[operation]
		: undefined;
}
