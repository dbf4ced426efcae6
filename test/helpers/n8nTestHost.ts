/**
 * What n8n's host process gives the engine, for tests that run this package's nodes inside
 * n8n-core: the node types it knows (this package's three nodes) and a credentials helper that
 * hands out the decrypted Seam credential.
 */
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeCredentialsDetails,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { SeamApi } from '../../credentials/SeamApi.credentials';
import type { CursorSettings } from '../../nodes/Seam/polling/eventCursor';
import { Seam } from '../../nodes/Seam/Seam.node';
import { SeamPollingTrigger } from '../../nodes/Seam/SeamPollingTrigger.node';
import { SeamTrigger } from '../../nodes/Seam/SeamTrigger.node';
import type { TransportSettings } from '../../nodes/Seam/shared/transport/client';

export const SEAM_NODE_TYPE = 'n8n-nodes-seam.seam';
export const WEBHOOK_TRIGGER_TYPE = 'n8n-nodes-seam.seamTrigger';
export const POLLING_TRIGGER_TYPE = 'n8n-nodes-seam.seamPollingTrigger';

export interface SeamCredentials {
	apiKey: string;
	apiUrl: string;
}

/**
 * Settings the nodes are built with, instead of the defaults n8n's no-argument construction
 * gives: `transport` for the Seam node and the polling trigger (a short timeout, no retries),
 * `poll` for the polling trigger (small pages and budgets). The webhook trigger takes none.
 */
export interface NodeSettings {
	transport?: Partial<TransportSettings>;
	poll?: Partial<CursorSettings>;
}

/** This package's node types; tests may register a throwaway type in `types`. */
export class PackageNodeTypes implements INodeTypes {
	readonly types: Record<string, INodeType>;

	constructor({ transport, poll }: NodeSettings = {}) {
		this.types = {
			[SEAM_NODE_TYPE]: new Seam({ transport }),
			[WEBHOOK_TRIGGER_TYPE]: new SeamTrigger(),
			[POLLING_TRIGGER_TYPE]: new SeamPollingTrigger({ poll, transport }),
		};
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getKnownTypes() {
		return {};
	}
}

export class SeamCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	/**
	 * What n8n's own credentials helper does with a generic `authenticate` block: the credential's
	 * headers, their `{{$credentials.<name>}}` expressions resolved, added to the request. It
	 * reads the block from the credential class, so a wrong block fails the tests.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		type: string,
		request: IHttpRequestOptions,
	) {
		const credential = new SeamApi();
		if (type !== credential.name) throw new Error(`Unexpected credential type ${type}`);
		const headers = credential.authenticate.properties.headers ?? {};
		const resolved = Object.fromEntries(
			Object.entries(headers).map(([name, value]) => [
				name,
				String(value)
					.replace(/^=/, '')
					.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_m, key: string) =>
						String(credentials[key] ?? ''),
					),
			]),
		);
		return { ...request, headers: { ...(request.headers ?? {}), ...resolved } };
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, _type: string): Promise<never> {
		throw new Error('not used by the Seam nodes');
	}

	async getDecrypted(
		_data: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	) {
		if (type !== new SeamApi().name) throw new Error(`Unexpected credential type ${type}`);
		return this.credentials;
	}

	async updateCredentials() {}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return new SeamApi().properties;
	}
}
