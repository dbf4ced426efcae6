import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SeamApi } from '../transport/client';

/** One `<operation>.operation.ts` file: its form fields and what it does for one input item. */
export interface SeamOperation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		api: SeamApi,
	): Promise<IDataObject | IDataObject[]>;
}

export interface SeamResource {
	description: INodeProperties[];
	operations: Record<string, SeamOperation>;
}
