import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { SEAM_CREDENTIAL_NAME } from './credentials';
import { readFailure, readNetworkFailure } from './failure';
import { seamQuery } from './query';
import { RateLimitPause } from './rateLimitPause';
import { type RequestOutcome, SeamRequestError } from './requestError';
import { retryAfterMs } from './retryAfter';
import { retryDelayMs, type RetrySettings, shouldRetry } from './retryPolicy';
import type { SendToSeam } from './seamRequest';

export type SeamContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions;

export interface SendSettings extends RetrySettings {
	timeoutMs: number;
}

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

function lowerCaseKeys(headers: unknown): Record<string, unknown> {
	if (!headers || typeof headers !== 'object') return {};
	return Object.fromEntries(
		Object.entries(headers as Record<string, unknown>).map(([name, value]) => [
			name.toLowerCase(),
			value,
		]),
	);
}

function parsedBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
}

/**
 * Sends Seam requests through n8n's HTTP helper with the `seamApi` credential, so n8n adds the
 * API key (the credential's `authenticate` block) and applies its proxy and request settings.
 * This is where retries happen: reads on 429, 5xx and network failures with backoff, writes only
 * on 429 (see retryPolicy.ts), always honouring Retry-After.
 */
export function sendViaN8n(
	context: SeamContext,
	endpoint: string,
	settings: Readonly<SendSettings>,
	pause: RateLimitPause = new RateLimitPause(),
	credentials?: ICredentialDataDecryptedObject,
): SendToSeam {
	// The credential read when the connection was made: without it n8n reads (and decrypts) it
	// again for every request.
	const credentialOptions: IAdditionalCredentialOptions | undefined = credentials
		? {
				credentialsDecrypted: {
					id: SEAM_CREDENTIAL_NAME,
					name: SEAM_CREDENTIAL_NAME,
					type: SEAM_CREDENTIAL_NAME,
					data: credentials,
				},
			}
		: undefined;
	return async (route, parameters) => {
		const query = route.carrier === 'query' ? await seamQuery(parameters) : '';
		const options: IHttpRequestOptions = {
			method: route.method,
			url: `${endpoint}${route.path}${query ? `?${query}` : ''}`,
			json: true,
			timeout: settings.timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		if (route.carrier === 'body' && parameters !== undefined) options.body = parameters;

		for (let attempt = 0; ; attempt++) {
			await pause.wait();
			let outcome: RequestOutcome;
			try {
				const response = (await context.helpers.httpRequestWithAuthentication.call(
					context,
					SEAM_CREDENTIAL_NAME,
					{ ...options },
					credentialOptions,
				)) as FullResponse;
				const body = parsedBody(response.body);
				if (response.statusCode < 400) return (body ?? {}) as Record<string, unknown>;
				outcome = {
					status: response.statusCode,
					headers: lowerCaseKeys(response.headers),
					body,
					codes: [],
					timedOut: false,
				};
			} catch (error) {
				outcome = readNetworkFailure(error);
			}
			const failure = new SeamRequestError(route.method, route.path, outcome);
			const facts = readFailure(failure);
			if (attempt >= settings.retries || !shouldRetry(facts, settings)) throw failure;
			const asked = retryAfterMs(facts.headers);
			if (facts.kind === 'rate-limited' && asked !== undefined) pause.until(Date.now() + asked);
			await sleep(retryDelayMs(attempt + 1, facts));
		}
	};
}
