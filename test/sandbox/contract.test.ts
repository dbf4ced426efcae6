import { startSandbox } from './index';
import { requestSchemaOf } from './openapi-document';
import { ContractValidator, normalizeSchema } from './openapi-validator';
import { parseQuery } from './params';

// The contract checks are what make the sandbox trustworthy, so they are
// tested on their own: a sandbox bug must not be able to hide behind a
// validator that accepts everything.

jest.setTimeout(30_000);

describe('normalizeSchema', () => {
	test('nullable, boolean exclusiveMinimum, oneOf and component refs', () => {
		expect(normalizeSchema({ type: 'string', nullable: true, description: 'x' })).toEqual({
			type: ['string', 'null'],
		});
		expect(normalizeSchema({ enum: ['a'], type: 'string', nullable: true })).toEqual({
			enum: ['a', null],
			type: ['string', 'null'],
		});
		expect(normalizeSchema({ type: 'integer', minimum: 0, exclusiveMinimum: true })).toEqual({
			type: 'integer',
			exclusiveMinimum: 0,
		});
		expect(normalizeSchema({ type: 'number', exclusiveMaximum: 10 })).toEqual({
			type: 'number',
			exclusiveMaximum: 10,
		});
		expect(normalizeSchema({ oneOf: [{ type: 'string' }, { type: 'number' }] })).toEqual({
			anyOf: [{ type: 'string' }, { type: 'number' }],
		});
		const ref = normalizeSchema({ $ref: '#/components/schemas/acs_user' }) as { $ref: string };
		expect(ref.$ref).toMatch(/acs_user$/);
		// Property names are data, even when they look like keywords.
		expect(normalizeSchema({ properties: { nullable: { type: 'boolean' } } })).toEqual({
			properties: { nullable: { type: 'boolean' } },
		});
	});
});

describe('ContractValidator', () => {
	const validator = new ContractValidator();

	test('rejects a response that lacks required fields', () => {
		expect(validator.validateResponse('/acs/users/get', { acs_user: {}, ok: true })).toMatch(
			/acs_user_id/,
		);
		expect(validator.validateResponse('/acs/users/delete', { ok: true })).toBeNull();
	});

	test('reports only the selected branch of a tagged union', () => {
		const message = validator.validateResponse('/events/get', {
			ok: true,
			event: { event_type: 'acs_user.created' },
		});
		expect(message).toMatch(/acs_user_id/);
		expect(message).not.toMatch(/access_code_id/);
	});

	test('accepts requests that match one of several overlapping union branches', () => {
		expect(
			validator.validateRequest('/acs/credentials/list', {
				acs_user_id: '6a5d9697-3cc4-436a-8165-4375ff424870',
			}),
		).toEqual([]);
		expect(
			validator.validateRequest('/events/list', {
				between: ['2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z'],
			}),
		).toEqual([]);
	});

	test('names the offending parameters', () => {
		const issues = validator.validateRequest('/acs/users/create', {
			acs_system_id: 'nope',
			limit: 1,
		});
		expect(issues.map((issue) => issue.param).sort()).toEqual(['acs_system_id', 'full_name']);
	});
});

describe('parseQuery', () => {
	const parse = (query: string, path: string) =>
		parseQuery(new URLSearchParams(query), requestSchemaOf(path));

	test('coerces values with the documented parameter schema', () => {
		expect(parse('limit=5&page_cursor=abc', '/acs/users/list')).toEqual({
			limit: 5,
			page_cursor: 'abc',
		});
		expect(
			parse('event_types=acs_user.created&event_types=acs_user.deleted&limit=3', '/events/list'),
		).toEqual({
			event_types: ['acs_user.created', 'acs_user.deleted'],
			limit: 3,
		});
		expect(parse('event_types=acs_user.created', '/events/list')).toEqual({
			event_types: ['acs_user.created'],
		});
		expect(parse('acs_entrance_ids=', '/acs/entrances/list')).toEqual({ acs_entrance_ids: [] });
		expect(parse('page_cursor=', '/acs/users/list')).toEqual({ page_cursor: null });
		expect(parse('is_multi_phone_sync_credential=true', '/acs/credentials/list')).toEqual({
			is_multi_phone_sync_credential: true,
		});
		expect(
			parse(
				'access_schedule.starts_at=2025-01-01T00:00:00Z&access_schedule.ends_at=2025-01-02T00:00:00Z',
				'/acs/users/create',
			),
		).toEqual({
			access_schedule: { starts_at: '2025-01-01T00:00:00Z', ends_at: '2025-01-02T00:00:00Z' },
		});
		// Strings that look like numbers stay strings where the schema says string.
		expect(parse('search=123', '/acs/users/list')).toEqual({ search: '123' });
	});
});

describe('validate: false', () => {
	test('serves the same API without contract checks', async () => {
		const sandbox = await startSandbox({ validate: false, apiKey: 'seam_other_key' });
		try {
			const response = await fetch(`${sandbox.url}/acs/systems/list`, {
				headers: { authorization: 'Bearer seam_other_key' },
			});
			const body = (await response.json()) as { acs_systems: unknown[]; ok: boolean };
			expect(body.ok).toBe(true);
			expect(body.acs_systems).toHaveLength(2);

			// Without schema checks the handlers' own type checks still answer invalid_input.
			const bad = await fetch(`${sandbox.url}/acs/users/create`, {
				method: 'POST',
				headers: { authorization: 'Bearer seam_other_key', 'content-type': 'application/json' },
				body: JSON.stringify({ acs_system_id: sandbox.seed.saltoSystemId, full_name: 42 }),
			});
			expect(bad.status).toBe(400);
			expect(((await bad.json()) as { error: { type: string } }).error.type).toBe('invalid_input');
			expect(sandbox.contractViolations).toEqual([]);
		} finally {
			await sandbox.close();
		}
	});
});
