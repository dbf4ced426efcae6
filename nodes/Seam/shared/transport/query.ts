import type * as SeamParams from '../../../../vendor/seam-params';

let serializer: Promise<typeof SeamParams> | undefined;

/**
 * The query string of a GET or DELETE request, as the Seam SDK writes it: Seam's own serializer
 * (arrays, dates, nulls the way Seam's API reads them), then `_strict=true`, which asks Seam to
 * refuse parameters it does not know instead of ignoring them.
 */
export async function seamQuery(parameters: Record<string, unknown> | undefined): Promise<string> {
	if (!parameters) return '';
	// Loaded with the first request: n8n reads every node's description at start-up, and nothing
	// that only requests need should load then.
	serializer ??= import('../../../../vendor/seam-params');
	const { serializeUrlSearchParams } = await serializer;
	const query = serializeUrlSearchParams(
		parameters as Parameters<typeof serializeUrlSearchParams>[0],
	);
	if (query === '') return '';
	const search = new URLSearchParams(query);
	search.set('_strict', 'true');
	return search.toString();
}
