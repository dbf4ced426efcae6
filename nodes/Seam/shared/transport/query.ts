import { serializeUrlSearchParams } from '../../../../vendor/seam-params';

/**
 * The query string of a GET or DELETE request, as the Seam SDK writes it: Seam's own serializer
 * (arrays, dates, nulls the way Seam's API reads them), then `_strict=true`, which asks Seam to
 * refuse parameters it does not know instead of ignoring them.
 */
export function seamQuery(parameters: Record<string, unknown> | undefined): string {
	if (!parameters) return '';
	const query = serializeUrlSearchParams(
		parameters as Parameters<typeof serializeUrlSearchParams>[0],
	);
	if (query === '') return '';
	const search = new URLSearchParams(query);
	search.set('_strict', 'true');
	return search.toString();
}
