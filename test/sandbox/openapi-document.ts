import { openapi } from '@seamapi/types/connect';

// Read-only access to the parts of Seam's OpenAPI document the sandbox uses.
// The document ships with @seamapi/types, the same package the SDK's types
// come from, so the sandbox and the SDK agree on one version of the API.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Operation {
	requestBody?: { content?: { 'application/json'?: { schema?: Json } } };
	responses?: Record<string, { content?: { 'application/json'?: { schema?: Json } } }>;
}

const paths = openapi.paths as unknown as Record<string, Partial<Record<string, Operation>>>;

export const componentSchemas = (openapi.components as unknown as { schemas: Record<string, Json> })
	.schemas;

/** HTTP methods (upper case) Seam documents for a path; empty for an unknown path. */
export function documentedMethods(path: string): string[] {
	const item = paths[path];
	return item == null ? [] : Object.keys(item).map((method) => method.toUpperCase());
}

/**
 * Parameter schema of an endpoint: the JSON body of its POST variant, which
 * Seam documents for every endpoint (GET endpoints accept POST too). Query
 * strings are coerced and validated with this same schema.
 */
export function requestSchemaOf(path: string): Json | undefined {
	return paths[path]?.post?.requestBody?.content?.['application/json']?.schema;
}

export function responseSchemaOf(path: string): Json | undefined {
	return paths[path]?.post?.responses?.['200']?.content?.['application/json']?.schema;
}
