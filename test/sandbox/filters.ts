// Small predicates shared by list endpoints.

/** Seam's `search` parameter: case-insensitive substring match on any of the fields. */
export function matchesSearch(
	search: string | undefined,
	...fields: Array<string | null | undefined>
): boolean {
	if (search == null) return true;
	const needle = search.toLowerCase();
	return fields.some((field) => field != null && field.toLowerCase().includes(needle));
}

/** Seam's `created_before` parameter. */
export function createdBefore(createdAt: string, createdBeforeParam: string | undefined): boolean {
	return createdBeforeParam == null || Date.parse(createdAt) < Date.parse(createdBeforeParam);
}
