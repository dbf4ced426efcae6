import { invalidInput } from './errors';

// Turns an HTTP request into one parameter object, the way Seam reads it:
// GET/DELETE send the query string written by @seamapi/url-search-params-serializer
// (arrays as repeated keys, `key=` for an empty array or null, nested objects
// as dotted keys), POST/PUT/PATCH send JSON. Query values are strings on the
// wire, so they are coerced using the endpoint's documented parameter schema.

type SchemaNode = { [key: string]: unknown };

const isObject = (value: unknown): value is SchemaNode =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

// A raw query tree: leaves hold every value sent for a key, branches come from dotted keys.
type RawQuery = { [key: string]: string[] | RawQuery };

export function parseQuery(search: URLSearchParams, schema: unknown): Record<string, unknown> {
	const tree: RawQuery = {};
	for (const key of new Set(search.keys())) {
		const path = key.split('.');
		let node = tree;
		for (const segment of path.slice(0, -1)) {
			const next = node[segment];
			if (Array.isArray(next) || next == null) node[segment] = {};
			node = node[segment] as RawQuery;
		}
		node[path[path.length - 1]] = search.getAll(key);
	}
	return coerceObject(tree, schema);
}

export function parseJsonBody(raw: string): Record<string, unknown> {
	if (raw.trim() === '') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		throw invalidInput({ _errors: 'Request body is not valid JSON' });
	}
	if (!isObject(parsed)) throw invalidInput({ _errors: 'Request body must be a JSON object' });
	return parsed;
}

function coerceObject(tree: RawQuery, schema: unknown): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, raw] of Object.entries(tree)) {
		const propertySchema = findPropertySchema(schema, key);
		out[key] = Array.isArray(raw)
			? coerceLeaf(raw, propertySchema)
			: coerceObject(raw, propertySchema);
	}
	return out;
}

function coerceLeaf(values: string[], schema: unknown): unknown {
	const types = typesOf(schema);
	if (types.has('array')) {
		// The serializer writes an empty array as a single `key=`.
		if (values.length === 1 && values[0] === '') return [];
		const itemSchema = isObject(schema) ? collectSubschema(schema, 'items') : undefined;
		return values.map((value) => coerceScalar(value, itemSchema));
	}
	// A repeated key for a scalar is passed through as a list so validation rejects it.
	if (values.length > 1) return values.map((value) => coerceScalar(value, schema));
	return coerceScalar(values[0], schema);
}

function coerceScalar(value: string, schema: unknown): unknown {
	const types = typesOf(schema);
	// The serializer writes null as `key=`; an empty string is never sent (it is skipped).
	if (value === '' && (types.has('null') || isNullable(schema))) return null;
	if (
		(types.has('integer') || types.has('number')) &&
		/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)
	) {
		return Number(value);
	}
	if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
	return value;
}

/** Schema of property `name` of an object schema, looking through allOf/anyOf/oneOf. */
function findPropertySchema(schema: unknown, name: string): unknown {
	if (!isObject(schema)) return undefined;
	if (isObject(schema.properties) && name in schema.properties) return schema.properties[name];
	for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
		const branches = schema[keyword];
		if (!Array.isArray(branches)) continue;
		for (const branch of branches) {
			const found = findPropertySchema(branch, name);
			if (found !== undefined) return found;
		}
	}
	return undefined;
}

function collectSubschema(schema: SchemaNode, keyword: string): unknown {
	if (schema[keyword] !== undefined) return schema[keyword];
	for (const branch of [...asArray(schema.anyOf), ...asArray(schema.oneOf)]) {
		if (isObject(branch) && branch[keyword] !== undefined) return branch[keyword];
	}
	return undefined;
}

function typesOf(schema: unknown): Set<string> {
	const types = new Set<string>();
	if (!isObject(schema)) return types;
	const { type } = schema;
	if (typeof type === 'string') types.add(type);
	if (Array.isArray(type)) for (const t of type) if (typeof t === 'string') types.add(t);
	for (const branch of [
		...asArray(schema.anyOf),
		...asArray(schema.oneOf),
		...asArray(schema.allOf),
	]) {
		for (const t of typesOf(branch)) types.add(t);
	}
	return types;
}

const isNullable = (schema: unknown): boolean => isObject(schema) && schema.nullable === true;

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
