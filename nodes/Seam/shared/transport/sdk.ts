import type { SeamHttp } from '@seamapi/http';

import type { SeamRoutesClient } from './seamRoutes';

/**
 * What the operations call: the Seam SDK's own interface (its parameter and answer types), for
 * the methods in seamRoutes.ts, plus the SDK's paginator. The calls are carried out by
 * seamRequest.ts over n8n's HTTP helper, not by the SDK.
 */
export type SeamClient = SeamRoutesClient & Pick<SeamHttp, 'createPaginator'>;

/** The parameters object of an SDK method, e.g. SeamParams<SeamClient['acs']['users']['create']>. */
export type SeamParams<F> = F extends (parameters: infer P, ...rest: never[]) => unknown
	? NonNullable<P>
	: never;
