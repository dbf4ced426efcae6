/**
 * The rules an access code is checked against before it is sent, read from Seam's device object
 * (lengths, keypad constraints, capabilities), and what waiting for the lock makes of Seam's
 * answers: set, still pending a change, starting later, or carrying an error.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import {
	assertCodeFits,
	assertLengthFits,
	assertTakesCodes,
	codeLockOf,
	lengthsInWords,
} from '../../nodes/Seam/shared/accessCodes/codeLock';
import {
	isSetOnLock,
	waitUntilSet,
	withSetFlag,
} from '../../nodes/Seam/shared/accessCodes/setOnLock';
import type { FormReader } from '../../nodes/Seam/shared/parameters';
import type { SeamApi } from '../../nodes/Seam/shared/transport/client';

const CODE = { name: 'options.code', label: 'Custom Code' };

/** A form whose only job here is to raise the node's errors. */
const form = {
	fail(message: string, description: string): never {
		throw Object.assign(new Error(message), { description });
	},
} as unknown as FormReader;

const device = (properties: IDataObject = {}, flags: IDataObject = {}): IDataObject => ({
	device_id: '66666666-6666-4666-8666-000000000001',
	display_name: 'Front Door Lock',
	can_program_online_access_codes: true,
	can_program_offline_access_codes: false,
	properties,
	...flags,
});

describe('what a lock takes', () => {
	test.each([
		[[4, 5, 6], '4, 5 or 6 digits'],
		[[6, 4], '4 or 6 digits'],
		[[4], '4 digits'],
		[[4, 5, 6, 7, 8], '4 to 8 digits'],
		[[4, 6, 8, 10], '4, 6, 8 or 10 digits'],
	])('supported_code_lengths %j in words: %s', (lengths, words) => {
		expect(lengthsInWords(codeLockOf(device({ supported_code_lengths: lengths })))).toBe(words);
	});

	test('a lock that reports no lengths takes any length; its slots are read when given', () => {
		const lock = codeLockOf(device({ max_active_codes_supported: 250 }));
		expect(lengthsInWords(lock)).toBeUndefined();
		expect(() => assertCodeFits(form, CODE, '1234567', lock)).not.toThrow();
		expect(lock.maxActiveCodes).toBe(250);
	});

	test('a code of a length the lock does not take names the field, the code and the lock', () => {
		const lock = codeLockOf(device({ supported_code_lengths: [4, 5, 6] }));
		expect(() => assertCodeFits(form, CODE, '1234567', lock)).toThrow(
			'Custom Code "1234567" has 7 digits: Front Door Lock takes 4, 5 or 6 digits',
		);
		expect(() =>
			assertLengthFits(form, { name: 'x', label: 'Preferred Code Length' }, 8, lock),
		).toThrow('Preferred Code Length 8 does not fit Front Door Lock: it takes 4, 5 or 6 digits');
	});

	test.each([
		['no_zeros', '4820', 'no 0 digit'],
		['cannot_start_with_12', '1249', 'must not start with 12'],
		[
			'no_triple_consecutive_ints',
			'45678',
			'no four digits in a row that are the same or count up, such as 1111 or 1234',
		],
		[
			'no_triple_consecutive_ints',
			'41111',
			'no four digits in a row that are the same or count up, such as 1111 or 1234',
		],
		['no_all_same_digits', '7777', 'not all the same digit'],
		['at_least_three_unique_digits', '4844', 'at least three different digits'],
		['cannot_contain_089', '4829', 'no 0, 8 or 9'],
		['cannot_contain_0789', '4721', 'no 0, 7, 8 or 9'],
		['no_ascending_or_descending_sequence', '4321', 'not a run such as 1234 or 4321'],
	])('keypad rule %s refuses %s (%s)', (rule, code, words) => {
		const lock = codeLockOf(device({ code_constraints: [{ constraint_type: rule }] }));
		expect(() => assertCodeFits(form, CODE, code, lock)).toThrow(
			`Custom Code "${code}" does not fit the rules of Front Door Lock: ${words}`,
		);
		expect(() => assertCodeFits(form, CODE, '4653', lock)).not.toThrow();
	});

	test('a lock that chooses its codes itself takes no custom code', () => {
		const lock = codeLockOf(
			device({ code_constraints: [{ constraint_type: 'cannot_specify_pin_code' }] }),
		);
		expect(() => assertCodeFits(form, CODE, '4653', lock)).toThrow(
			'Custom Code is not possible on Front Door Lock',
		);
	});

	test('capabilities: online, offline only, none', () => {
		const online = codeLockOf(device());
		const offlineOnly = codeLockOf(
			device(
				{},
				{ can_program_online_access_codes: false, can_program_offline_access_codes: true },
			),
		);
		const none = codeLockOf(device({}, { can_program_online_access_codes: false }));
		expect(() => assertTakesCodes(form, online, false)).not.toThrow();
		expect(() => assertTakesCodes(form, online, true)).toThrow(
			'Front Door Lock cannot take offline access codes',
		);
		expect(() => assertTakesCodes(form, offlineOnly, true)).not.toThrow();
		expect(() => assertTakesCodes(form, offlineOnly, false)).toThrow(
			'Front Door Lock takes offline access codes only',
		);
		expect(() => assertTakesCodes(form, none, false)).toThrow(
			'Front Door Lock cannot take access codes',
		);
	});
});

describe('set on the lock', () => {
	const node = { name: 'Seam', type: 'n8n-nodes-seam.seam', typeVersion: 1 } as INode;
	const base = { access_code_id: 'ac-1', status: 'setting', errors: [], warnings: [] };

	/** An api whose accessCodes.get answers the given reads in turn (the last one repeats). */
	function api(reads: IDataObject[]): SeamApi & { count: () => number } {
		let n = 0;
		const seam = {
			accessCodes: { get: async () => reads[Math.min(n++, reads.length - 1)] },
		};
		return {
			endpoint: 'http://sandbox',
			redact: (text: string) => text,
			call: async (request: (s: never) => PromiseLike<unknown>) => await request(seam as never),
			count: () => n,
		} as unknown as SeamApi & { count: () => number };
	}
	const wait = (reads: IDataObject[], timeoutSeconds = 2) => {
		const reader = api(reads);
		return {
			reader,
			run: waitUntilSet(base, {
				node,
				api: reader,
				itemIndex: 0,
				timeoutSeconds,
				lockName: 'Front Door Lock',
				afterwards: 'Read it later with Access Code → Get.',
			}),
		};
	};

	test('set means status set with no change still on its way', () => {
		expect(isSetOnLock({ status: 'set' })).toBe(true);
		expect(isSetOnLock({ status: 'set', pending_mutations: [] })).toBe(true);
		expect(
			isSetOnLock({ status: 'set', pending_mutations: [{ mutation_code: 'updating_code' }] }),
		).toBe(false);
		expect(withSetFlag({ status: 'unset' })).toEqual({ status: 'unset', is_set_on_lock: false });
	});

	test('reads until the lock has it', async () => {
		const { reader, run } = wait([base, { ...base, status: 'set' }]);
		await expect(run).resolves.toMatchObject({ status: 'set', is_set_on_lock: true });
		expect(reader.count()).toBe(2);
	});

	test('an error Seam reports on the code ends the wait as an error that says the code exists', async () => {
		const failed = {
			...base,
			errors: [
				{
					error_code: 'failed_to_set_on_device',
					message: 'Failed to set code on device.',
					is_access_code_error: true,
				},
			],
		};
		const { run } = wait([failed]);
		await expect(run).rejects.toMatchObject({
			message: 'Seam could not set the access code on Front Door Lock',
			description: expect.stringContaining(
				'Seam reports: Failed to set code on device. (failed_to_set_on_device). The access code ac-1 exists in Seam',
			),
		});
	});

	test('a code that starts later is not waited for', async () => {
		const later = new Date(Date.now() + 86_400_000).toISOString();
		const reader = api([]);
		const result = await waitUntilSet(
			{ ...base, status: 'unset', starts_at: later },
			{
				node,
				api: reader,
				itemIndex: 0,
				timeoutSeconds: 1,
				lockName: 'Front Door Lock',
				afterwards: '',
			},
		);
		expect(result).toMatchObject({ is_set_on_lock: false, is_scheduled: true });
		expect(reader.count()).toBe(0);
	});

	test('the timeout names the code and its status', async () => {
		const { run } = wait([base], 1);
		await expect(run).rejects.toMatchObject({
			message: 'The access code was not set on Front Door Lock within 1 second',
			description: expect.stringContaining(
				'The access code ac-1 exists in Seam (status "setting")',
			),
		});
	});
});
