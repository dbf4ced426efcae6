import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { SeamApi } from '../shared/transport/client';

/** How an operation appears in the Operation list; its value is its name in the resource's index. */
export interface OperationOption {
	name: string;
	description: string;
	/** The sentence n8n shows in the nodes panel and gives AI agents as the tool's action. */
	action: string;
}

/** One `<operation>.operation.ts` file: its entry in the list, its form fields and what it does for one item. */
export interface SeamOperation {
	option: OperationOption;
	/** Shown only for this resource and operation: the registry adds the display conditions. */
	properties: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		api: SeamApi,
	): Promise<IDataObject | IDataObject[]>;
	/**
	 * For an operation whose input items are one list together (Sync Stays from input items):
	 * whether this run takes them all at once (read from the first item's parameters), and the
	 * run itself, which gives each output item its pairedItem.
	 */
	runsOnce?(this: IExecuteFunctions): boolean;
	executeOnce?(this: IExecuteFunctions, api: SeamApi): Promise<INodeExecutionData[]>;
}

/** A resource's `index.ts`: one `export * as <operation> from './<operation>.operation'` per line. */
export type SeamOperations = Record<string, SeamOperation>;
