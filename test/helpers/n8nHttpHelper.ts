/**
 * n8n's HTTP helper as n8n 2.41 carries it out (`httpRequestWithAuthentication` in n8n-core):
 * the credential's `authenticate` block applied, the request sent by n8n's outbound HTTP client,
 * and any failure rethrown as a NodeApiError wrapping the client's error. For unit tests that
 * need the transport's requests without a whole workflow run.
 */
import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type { IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { SeamContext } from '../../nodes/Seam/shared/transport/sendViaN8n';
import { SeamCredentialsHelper } from './n8nTestHost';

export const TEST_NODE: INode = {
	id: 'n',
	name: 'Seam',
	type: 'n8n-nodes-seam.seam',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Sends one request the way the helper does, without catching anything. */
export async function sendAsN8n(apiKey: string, options: IHttpRequestOptions): Promise<unknown> {
	const credentials = { apiKey, apiUrl: '' };
	const authenticated = await new SeamCredentialsHelper(credentials).authenticate(
		credentials,
		'seamApi',
		options,
	);
	// n8n-core pins its own n8n-workflow; the options are the same shape.
	return await Container.get(OutboundHttp)
		.requests()
		.request(authenticated as Parameters<ReturnType<OutboundHttp['requests']>['request']>[0]);
}

/** A node context whose only capability is n8n's HTTP helper with the Seam credential. */
export function n8nHttpContext(apiKey: string): SeamContext {
	const helpers = {
		async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions) {
			try {
				return await sendAsN8n(apiKey, options);
			} catch (error) {
				throw new NodeApiError(TEST_NODE, error as never);
			}
		},
	};
	return { getNode: () => TEST_NODE, helpers } as unknown as SeamContext;
}
