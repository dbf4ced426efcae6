// Build entry for Seam's query-string serializer (@seamapi/url-search-params-serializer, the one
// the Seam SDK uses). `gulp build` replaces the compiled dist/vendor/seam-params.js with an
// esbuild bundle of this file, so the package has no runtime dependencies. Import it only through
// nodes/Seam/shared/transport/query.ts.
export { serializeUrlSearchParams } from '@seamapi/url-search-params-serializer';
