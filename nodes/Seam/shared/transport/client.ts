import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { endpointOf, SEAM_CREDENTIAL_NAME, type SeamApiCredentials } from './credentials';
import { toNodeError } from './errors';
import { type Redactor, secretRedactor } from './redact';
import { type RetrySettings, seamRetryOptions } from './retryPolicy';
import { loadSeamSdk, type SeamClient } from './sdk';

type SeamContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IPollFunctions;

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
	const endpoint = endpointOf(credentials);
	const apiKey = credentials.apiKey;
	let seam: SeamClient | undefined;

	const client = async (): Promise<SeamClient> => {
		if (!seam) {
			const { SeamHttp } = await loadSeamSdk();
			// `endpoint` is always passed so that SEAM_ENDPOINT / SEAM_API_URL in the n8n host's
			// environment cannot redirect requests (and the API key) elsewhere.
			seam = SeamHttp.fromApiKey(apiKey, {
				endpoint,
				timeout: settings.timeoutMs,
				axiosRetryOptions: seamRetryOptions(settings),
			});
		}
		return seam;
	};

	return {
		endpoint,
		redact: secretRedactor(apiKey),
		async call(request, itemIndex) {
			try {
				return await request(await client());
			} catch (error) {
				throw toNodeError(context.getNode(), error, { endpoint, apiKey, itemIndex });
			}
		},
	};
}
