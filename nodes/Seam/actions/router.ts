import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { connectToSeam, type SeamApi, type TransportSettings } from '../shared/transport/client';
import { findOperation } from './registry';
import { resources } from './resources';

function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const description = (error as NodeApiError).description;
	if (description) json.description = description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Errors from Seam are cleaned in the transport; errors the node raises itself may quote form
 * values, and a key pasted into a field must not reach the execution log either.
 */
function withoutSecret<E extends NodeApiError | NodeOperationError>(error: E, api: SeamApi): E {
	error.message = api.redact(error.message);
	if (typeof error.description === 'string') error.description = api.redact(error.description);
	return error;
}

export async function router(
	this: IExecuteFunctions,
	transport: Readonly<TransportSettings>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	const api = await connectToSeam(this, transport);

	for (let i = 0; i < items.length; i++) {
		const resource = this.getNodeParameter('resource', i) as string;
		const operation = this.getNodeParameter('operation', i) as string;
		const handler = findOperation(resources, resource, operation);
		try {
			if (!handler) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" is not known for "${resource}"`,
					{ itemIndex: i },
				);
			}
			const result = await handler.execute.call(this, i, api);
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: i },
				}),
			);
		} catch (caught) {
			const error = withoutSecret(
				caught instanceof NodeApiError || caught instanceof NodeOperationError
					? caught
					: new NodeOperationError(this.getNode(), (caught as Error).message ?? String(caught), {
							itemIndex: i,
						}),
				api,
			);
			if (this.continueOnFail()) {
				returnData.push(errorItem(error, i));
				continue;
			}
			throw error;
		}
	}
	return [returnData];
}
