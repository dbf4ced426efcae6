import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { endpointOf, SEAM_CREDENTIAL_NAME, type SeamApiCredentials } from './credentials';
import { toNodeError } from './errors';
import { type Redactor, secretRedactor } from './redact';
import { RateLimitPause } from './rateLimitPause';
import type { RetrySettings } from './retryPolicy';
import { buildSeamClient } from './seamRequest';
import type { SeamClient } from './sdk';
import { type SeamContext, sendViaN8n } from './sendViaN8n';

/** How a connection talks to Seam; retryPolicy.ts says which failures are retried. */
export interface TransportSettings extends RetrySettings {
	/** Timeout of each attempt (ms). */
	timeoutMs: number;
}

/**
 * A workflow waits up to 30 s for each attempt, retries twice, and waits for a Retry-After of up
 * to a minute. Frozen, since every connection made without settings of its own shares it.
 */
export const DEFAULT_TRANSPORT_SETTINGS: Readonly<TransportSettings> = Object.freeze({
	timeoutMs: 30_000,
	retries: 2,
	maxRetryAfterMs: 60_000,
});

/**
 * The one door to Seam. Every call goes through `call`, which turns whatever the SDK throws into a
 * clean n8n error before it can reach a log line or an output item.
 */
export interface SeamApi {
	readonly endpoint: string;
	/** Removes the API key from text that may leave the node (an error built outside `call`). */
	readonly redact: Redactor;
	call<T>(request: (seam: SeamClient) => PromiseLike<T>, itemIndex?: number): Promise<T>;
}

export async function connectToSeam(
	context: SeamContext,
	settings: Readonly<TransportSettings> = DEFAULT_TRANSPORT_SETTINGS,
): Promise<SeamApi> {
	const credentials = await context.getCredentials<SeamApiCredentials>(SEAM_CREDENTIAL_NAME);
	// Requests go to the credential's API URL only, whatever the n8n host's environment says.
	const endpoint = endpointOf(credentials);
	const apiKey = credentials.apiKey;
	// One pause per connection: a run's items share Seam's rate limit.
	const seam = buildSeamClient(
		sendViaN8n(
			context,
			endpoint,
			settings,
			new RateLimitPause(),
			credentials as unknown as ICredentialDataDecryptedObject,
		),
	) as unknown as SeamClient;

	return {
		endpoint,
		redact: secretRedactor(apiKey),
		async call(request, itemIndex) {
			try {
				return await request(seam);
			} catch (error) {
				throw toNodeError(context.getNode(), error, { endpoint, apiKey, itemIndex });
			}
		},
	};
}
