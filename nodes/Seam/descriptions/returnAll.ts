import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ReturnLimit } from '../helpers/paginate';

export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export function readReturnLimit(context: IExecuteFunctions, itemIndex: number): ReturnLimit {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (context.getNodeParameter('limit', itemIndex, 50) as number);
	return { returnAll, limit };
}
