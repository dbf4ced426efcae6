/**
 * Which code on a lock an earlier run of Create (or Create on Several Locks) made, so that a
 * re-run returns it instead of a second code: name, validity as instants, custom code, kind,
 * not being removed; and the PIN several locks share.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CodeRequest } from '../../nodes/Seam/shared/accessCodes/codeFields';
import {
	findSameCode,
	isSameCode,
	sharedCode,
} from '../../nodes/Seam/shared/accessCodes/existingCode';

const request = (overrides: Partial<CodeRequest> = {}): CodeRequest => ({
	name: 'Guest Grace',
	window: { starts_at: '2030-03-01T15:00:00.000Z', ends_at: '2030-03-04T11:00:00.000Z' },
	offline: false,
	startsNow: false,
	wait: true,
	waitTimeout: 30,
	...overrides,
});

const onLock = (overrides: IDataObject = {}): IDataObject => ({
	access_code_id: 'a',
	name: 'Guest Grace',
	code: '4821',
	starts_at: '2030-03-01T15:00:00.000Z',
	ends_at: '2030-03-04T11:00:00.000Z',
	status: 'unset',
	is_offline_access_code: false,
	created_at: '2030-01-01T00:00:00.000Z',
	...overrides,
});

describe('the code an earlier run made', () => {
	test('the same name (trimmed), the same instants in any notation, any PIN without Custom Code', () => {
		expect(isSameCode(onLock({ name: '  Guest Grace ' }), request())).toBe(true);
		expect(
			isSameCode(
				onLock({ starts_at: '2030-03-01T10:00:00-05:00', ends_at: '2030-03-04T11:00:00Z' }),
				request(),
			),
		).toBe(true);
		// Seam may give the time back without the milliseconds it was sent with.
		expect(
			isSameCode(
				onLock(),
				request({ window: { ...request().window, ends_at: '2030-03-04T11:00:00.250Z' } }),
			),
		).toBe(true);
	});

	test.each<[string, IDataObject, Partial<CodeRequest>]>([
		['another name', { name: 'Guest Grace 2' }, {}],
		['names differ in case', { name: 'guest grace' }, {}],
		['another end', { ends_at: '2030-03-05T11:00:00.000Z' }, {}],
		['another start', { starts_at: '2030-03-01T16:00:00.000Z' }, {}],
		['being removed', { status: 'removing' }, {}],
		['another custom code', {}, { code: '4822' }],
		['an offline code for an online request', { is_offline_access_code: true }, {}],
		['an online code for an offline request', {}, { offline: true }],
		['an ongoing code for a time-bound request', { starts_at: null, ends_at: null }, {}],
		['a code without name', { name: null }, {}],
	])('no match: %s', (_, code, asked) => {
		expect(isSameCode(onLock(code), request(asked))).toBe(false);
	});

	test('Valid From empty: any code with the same end that has already started', () => {
		const now = request({
			startsNow: true,
			window: { starts_at: '2030-03-02T09:00:00.000Z', ends_at: '2030-03-04T11:00:00.000Z' },
		});
		expect(isSameCode(onLock({ starts_at: '2030-03-02T08:59:00.000Z' }), now)).toBe(true);
		expect(isSameCode(onLock({ starts_at: '2030-03-02T09:30:00.000Z' }), now)).toBe(false);
	});

	test('an ongoing code matches an ongoing request', () => {
		const ongoing = request({ startsNow: true, window: {} });
		expect(isSameCode(onLock({ starts_at: undefined, ends_at: undefined }), ongoing)).toBe(true);
		expect(isSameCode(onLock(), ongoing)).toBe(false);
	});

	test('of several matches, the one made first', () => {
		const codes = [
			onLock({ access_code_id: 'later', created_at: '2030-01-02T00:00:00.000Z' }),
			onLock({ access_code_id: 'other', name: 'Other' }),
			onLock({ access_code_id: 'first', created_at: '2029-12-31T00:00:00.000Z' }),
		];
		expect(findSameCode(codes, request())?.access_code_id).toBe('first');
		expect(findSameCode([], request())).toBeUndefined();
	});

	test('the PIN several locks share, only when they all have the same one', () => {
		expect(sharedCode([onLock(), onLock({ access_code_id: 'b' })])).toBe('4821');
		expect(sharedCode([onLock(), onLock({ code: '1357' })])).toBeUndefined();
		expect(sharedCode([onLock({ code: null })])).toBeUndefined();
		expect(sharedCode([])).toBeUndefined();
	});
});
