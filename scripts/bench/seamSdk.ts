import type { SeamHttp as SeamHttpClass } from '@seamapi/http';

// The baseline client: Seam's own SDK, straight from node_modules. @seamapi/http ships only ES
// modules; ts-node compiles `import()` to `require()`, so the import is made by Node itself.

export type SeamHttp = SeamHttpClass;

const nativeImport = new Function('specifier', 'return import(specifier)') as <T>(
	specifier: string,
) => Promise<T>;

export async function seamSdk(apiUrl: string, apiKey: string): Promise<SeamHttp> {
	const { SeamHttp } = await nativeImport<typeof import('@seamapi/http')>('@seamapi/http');
	return SeamHttp.fromApiKey(apiKey, { endpoint: apiUrl });
}
