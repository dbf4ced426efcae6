import type * as SeamSdk from '../../../../vendor/seam-http';

export type SeamSdkModule = typeof SeamSdk;
export type SeamClient = InstanceType<SeamSdkModule['SeamHttp']>;

let sdk: Promise<SeamSdkModule> | undefined;

/**
 * The bundled SDK costs ~70 ms to require; n8n reads every node's description at start-up, so the
 * SDK is only loaded by the first execute() or list search that needs it.
 */
export async function loadSeamSdk(): Promise<SeamSdkModule> {
	if (!sdk) sdk = import('../../../../vendor/seam-http');
	return await sdk;
}

/** The parameters object of an SDK method, e.g. SeamParams<SeamClient['acs']['users']['create']>. */
export type SeamParams<F> = F extends (parameters: infer P, ...rest: never[]) => unknown
	? NonNullable<P>
	: never;
