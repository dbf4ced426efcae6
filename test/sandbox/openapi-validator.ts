import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { componentSchemas, type Json, requestSchemaOf, responseSchemaOf } from './openapi-document';

// The sandbox is only trustworthy if what it says matches what Seam documents,
// so every request and every 200 body is checked against the same OpenAPI
// document the SDK is generated from.

type Schema = { [key: string]: Json };

export interface ParamIssue {
	/** Top-level parameter name, or '_errors' when the problem is not tied to one. */
	param: string;
	message: string;
}

// Each component schema is registered under its own id so Ajv compiles it once
// and shares it between every endpoint that references it.
const COMPONENT_ID_PREFIX = 'https://sandbox.invalid/seam/components/';
const COMPONENT_REF_PREFIX = '#/components/schemas/';

// Keywords whose value is a map of name -> schema (the names are data, not keywords).
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions']);
// Keywords whose value is a single schema.
const SCHEMA_KEYWORDS = new Set([
	'items',
	'additionalProperties',
	'not',
	'propertyNames',
	'contains',
]);
// Keywords whose value is a list of schemas.
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf']);

const isObject = (value: unknown): value is Schema =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Turns one OpenAPI schema node into something Ajv (draft-07) reads the way
 * Seam's server does:
 * - `nullable: true` (OpenAPI 3.0) becomes an explicit null alternative;
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` (3.0 style) become the numeric
 *   draft-07 form, numeric ones (3.1 style) are kept;
 * - `oneOf` becomes `anyOf`: the document is generated from Zod unions, which
 *   accept the first matching branch, and several unions have overlapping
 *   branches (e.g. /acs/credentials/list ends with an empty object branch), so a
 *   literal "exactly one" check would reject requests Seam accepts;
 * - tagged unions (`discriminator`) become if/then chains, see discriminatedUnion;
 * - component `$ref`s point at the separately registered component schemas;
 * - descriptions and vendor extensions are dropped (no meaning for validation).
 */
export function normalizeSchema(node: Json): Json {
	if (Array.isArray(node)) return node.map(normalizeSchema);
	if (!isObject(node)) return node;

	const out: Schema = {};
	for (const [key, value] of Object.entries(node)) {
		if (
			key === 'description' ||
			key === 'discriminator' ||
			key === 'nullable' ||
			key.startsWith('x-')
		) {
			continue;
		}
		if (key === '$ref' && typeof value === 'string') {
			out.$ref = value.startsWith(COMPONENT_REF_PREFIX)
				? `${COMPONENT_ID_PREFIX}${value.slice(COMPONENT_REF_PREFIX.length)}`
				: value;
		} else if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) {
			out[key] = Object.fromEntries(
				Object.entries(value).map(([name, sub]) => [name, normalizeSchema(sub)]),
			);
		} else if (SCHEMA_KEYWORDS.has(key) && isObject(value)) {
			out[key] = normalizeSchema(value);
		} else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
			out[key === 'oneOf' ? 'anyOf' : key] = value.map(normalizeSchema);
		} else {
			out[key] = value;
		}
	}

	normalizeExclusiveBound(out, 'exclusiveMinimum', 'minimum');
	normalizeExclusiveBound(out, 'exclusiveMaximum', 'maximum');

	const discriminated = discriminatedUnion(node, out);
	const result = discriminated ?? out;
	if (node.nullable === true) return allowNull(result);
	return result;
}

/**
 * A tagged union (e.g. `event` by `event_type`, warnings by `warning_code`)
 * becomes a chain of if/then: the value is checked only against the branch its
 * tag selects, so a mismatch is reported as that branch's missing or wrong
 * fields instead of a hundred "did not match branch N" errors.
 */
function discriminatedUnion(original: Schema, normalized: Schema): Schema | null {
	const discriminator = original.discriminator;
	const branches = normalized.anyOf;
	if (
		!isObject(discriminator) ||
		typeof discriminator.propertyName !== 'string' ||
		!Array.isArray(branches)
	) {
		return null;
	}
	const tag = discriminator.propertyName;
	const tagValues: Json[] = [];
	const cases: Schema[] = [];
	for (const branch of branches) {
		const tagSchema =
			isObject(branch) && isObject(branch.properties) ? branch.properties[tag] : undefined;
		if (!isObject(tagSchema) || !Array.isArray(tagSchema.enum)) return null;
		tagValues.push(...tagSchema.enum);
		cases.push({
			if: { properties: { [tag]: { enum: tagSchema.enum } }, required: [tag] },
			then: branch,
		});
	}
	const rest: Schema = { ...normalized };
	delete rest.anyOf;
	return {
		...rest,
		type: 'object',
		required: [tag],
		properties: { [tag]: { enum: tagValues } },
		allOf: cases,
	};
}

function normalizeExclusiveBound(schema: Schema, exclusiveKey: string, inclusiveKey: string): void {
	const flag = schema[exclusiveKey];
	if (typeof flag !== 'boolean') return;
	if (flag && typeof schema[inclusiveKey] === 'number') {
		schema[exclusiveKey] = schema[inclusiveKey];
		delete schema[inclusiveKey];
	} else {
		delete schema[exclusiveKey];
	}
}

function allowNull(schema: Schema): Schema {
	const { type } = schema;
	if (typeof type === 'string') {
		const widened: Schema = { ...schema, type: [type, 'null'] };
		if (Array.isArray(schema.enum) && !schema.enum.includes(null))
			widened.enum = [...schema.enum, null];
		return widened;
	}
	return { anyOf: [{ type: 'null' }, schema] };
}

function createAjv(): Ajv {
	const ajv = new Ajv({ strict: false, allErrors: true, inlineRefs: false });
	addFormats(ajv);
	// Zod's OpenAPI output tags numbers with this descriptive format; it constrains nothing.
	ajv.addFormat('float', true);
	for (const [name, schema] of Object.entries(componentSchemas)) {
		ajv.addSchema({ ...(normalizeSchema(schema) as Schema), $id: `${COMPONENT_ID_PREFIX}${name}` });
	}
	return ajv;
}

export class ContractValidator {
	private readonly ajv = createAjv();
	private readonly compiled = new Map<string, ValidateFunction | null>();

	/** Compiles the validators of these paths now rather than on their first request. */
	warmUp(paths: Iterable<string>): void {
		for (const path of paths) {
			this.requestValidator(path);
			this.responseValidator(path);
		}
	}

	validateRequest(path: string, params: Record<string, unknown>): ParamIssue[] {
		const validate = this.requestValidator(path);
		if (validate == null || validate(params)) return [];
		return toParamIssues(validate.errors ?? []);
	}

	/** Returns a readable description of the mismatch, or null when the body conforms. */
	validateResponse(path: string, body: unknown): string | null {
		const validate = this.responseValidator(path);
		if (validate == null) return `No documented 200 response schema for ${path}`;
		if (validate(body)) return null;
		return describeErrors(validate.errors ?? []);
	}

	/** Checks a value against one component schema, e.g. ('event', …); null when it conforms. */
	validateComponent(name: string, value: unknown): string | null {
		const validate = this.compile(`component ${name}`, () =>
			name in componentSchemas ? { $ref: `${COMPONENT_REF_PREFIX}${name}` } : undefined,
		);
		if (validate == null) return `No component schema named ${name}`;
		if (validate(value)) return null;
		return describeErrors(validate.errors ?? []);
	}

	private requestValidator(path: string) {
		return this.compile(`request ${path}`, () => requestSchemaOf(path));
	}

	private responseValidator(path: string) {
		return this.compile(`response ${path}`, () => responseSchemaOf(path));
	}

	private compile(key: string, schemaOf: () => Json | undefined): ValidateFunction | null {
		if (!this.compiled.has(key)) {
			const schema = schemaOf();
			this.compiled.set(
				key,
				schema == null ? null : this.ajv.compile(normalizeSchema(schema) as Schema),
			);
		}
		return this.compiled.get(key) ?? null;
	}
}

function toParamIssues(errors: ErrorObject[]): ParamIssue[] {
	const issues: ParamIssue[] = [];
	const seen = new Set<string>();
	for (const error of errors) {
		// Branch-level noise from anyOf: the concrete errors of the branches say more.
		if (isBranchNoise(error, errors)) continue;
		const segments = error.instancePath.split('/').filter(Boolean);
		let param = segments[0];
		let message = error.message ?? 'is invalid';
		if (error.keyword === 'required') {
			const missing = String((error.params as { missingProperty?: string }).missingProperty);
			if (param == null) param = missing;
			message = segments.length === 0 ? 'Required' : `${missing} is required`;
		} else if (error.keyword === 'additionalProperties') {
			message = `unknown property ${String((error.params as { additionalProperty?: string }).additionalProperty)}`;
		} else if (segments.length > 1) {
			message = `${segments.slice(1).join('.')} ${message}`;
		}
		const name = param ?? '_errors';
		const dedupeKey = `${name}\u0000${message}`;
		if (seen.has(dedupeKey)) continue;
		seen.add(dedupeKey);
		issues.push({ param: name, message });
	}
	return issues;
}

// "must match a schema in anyOf" / "must match then schema" only repeat what
// the branch-level errors next to them say more precisely.
const isBranchNoise = (error: ErrorObject, all: ErrorObject[]): boolean =>
	(error.keyword === 'anyOf' || error.keyword === 'if') && all.length > 1;

function describeErrors(errors: ErrorObject[]): string {
	const lines = errors
		.filter((error) => !isBranchNoise(error, errors))
		.map(
			(error) =>
				`${error.instancePath || '(root)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
		);
	const unique = [...new Set(lines)];
	const shown = unique.slice(0, 20);
	if (unique.length > shown.length) shown.push(`… and ${unique.length - shown.length} more`);
	return shown.join('; ');
}
