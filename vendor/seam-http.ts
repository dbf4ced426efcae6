// Build entry for the Seam SDK. `gulp build` replaces the compiled dist/vendor/seam-http.js with an
// esbuild bundle of this file, so the published package carries the SDK without runtime
// dependencies (n8n's community-node rules forbid them). Import it only through
// nodes/Seam/shared/transport/sdk.ts, which loads it lazily.
export {
	SeamHttp,
	isSeamHttpApiError,
	isSeamHttpInvalidInputError,
	isSeamHttpUnauthorizedError,
} from '@seamapi/http';
export type { SeamHttpApiError, SeamHttpInvalidInputError } from '@seamapi/http';
