import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './actions/registry';
import { DEFAULT_RESOURCE, resources } from './actions/resources';
import { router } from './actions/router';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';
import { DEFAULT_TRANSPORT_SETTINGS, type TransportSettings } from './shared/transport/client';

/** How the node talks to Seam; whatever is left out keeps its default. */
export interface SeamNodeSettings {
	transport?: Partial<TransportSettings>;
}

export class Seam implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Seam',
		name: 'seam',
		icon: { light: 'file:../../icons/seam.svg', dark: 'file:../../icons/seam.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Give guests door PINs for their stays, and issue and revoke door access with Seam: access grants, ACS users, access groups, PIN codes and entrances',
		defaults: { name: 'Seam' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'seamApi', required: true }],
		properties: nodeProperties(resources, DEFAULT_RESOURCE),
	};

	methods = { listSearch, loadOptions };

	// n8n calls execute with its execution context as `this`, not this node, so the settings
	// reach it through the closure made in the constructor.
	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	/** n8n builds the node without settings: the defaults apply. */
	constructor(settings: SeamNodeSettings = {}) {
		const transport = Object.freeze({ ...DEFAULT_TRANSPORT_SETTINGS, ...settings.transport });
		this.execute = async function (this: IExecuteFunctions) {
			return await router.call(this, transport);
		};
	}
}
