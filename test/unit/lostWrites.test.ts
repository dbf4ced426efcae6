/** What the user is told when a create or change lost its answer (transport/lostWrites.ts). */
import type { FailureKind, RequestFailure } from '../../nodes/Seam/shared/transport/failure';
import { lostWriteNotice } from '../../nodes/Seam/shared/transport/lostWrites';

const failure = (
	kind: FailureKind,
	method: string,
	path: string,
	timedOut = false,
): RequestFailure => ({ kind, method, path, codes: [], timedOut });

test('an access grant create that lost its answer: may exist, how to check, when re-running is safe', () => {
	expect(lostWriteNotice(failure('no-answer', 'POST', '/access_grants/create'))).toEqual({
		sentence: 'Seam may have created the access grant before the connection failed.',
		advice:
			'Check with Access Grant → Get Many (or Get by Access Grant Key) before running again; ' +
			'with an Access Grant Key set, running again is safe.',
	});
});

test.each([
	['server-error', false, 'before the error.'],
	['no-answer', false, 'before the connection failed.'],
	['no-answer', true, 'before the request timed out.'],
] as const)('%s (timed out: %s) says "%s"', (kind, timedOut, ending) => {
	const notice = lostWriteNotice(failure(kind, 'POST', '/acs/users/create', timedOut));
	expect(notice?.sentence).toBe(`Seam may have created the ACS user ${ending}`);
	expect(notice?.advice).toBe(
		'Check with ACS User → Get Many (search by name or email) before running again.',
	);
});

test('PIN codes and changes name their own check', () => {
	expect(lostWriteNotice(failure('server-error', 'POST', '/acs/credentials/create'))).toEqual({
		sentence: 'Seam may have created the PIN code before the error.',
		advice: 'Check with ACS Credential → Get Many for the ACS user before running again.',
	});
	expect(lostWriteNotice(failure('server-error', 'PATCH', '/access_grants/update'))?.advice).toBe(
		'Check with Access Grant → Get before running again; running again sets the same values.',
	);
});

test('an unknown write gets the generic notice', () => {
	expect(lostWriteNotice(failure('no-answer', 'POST', '/locks/unlock_door'))).toEqual({
		sentence: 'Seam may have applied the change before the connection failed.',
		advice: 'Check with the matching Get operation before running again.',
	});
});

test.each([
	['a read', failure('server-error', 'GET', '/acs/users/get')],
	['an idempotent write', failure('no-answer', 'PUT', '/acs/users/add_to_access_group')],
	[
		'a rate-limited create (nothing processed)',
		failure('rate-limited', 'POST', '/acs/users/create'),
	],
	['a refused connection (never sent)', failure('not-sent', 'POST', '/acs/users/create')],
	['a create Seam answered', failure('answered', 'POST', '/acs/users/create')],
	[
		'an unknown method',
		{ ...failure('no-answer', 'POST', '/acs/users/create'), method: undefined },
	],
])('no notice for %s', (_name, input) => {
	expect(lostWriteNotice(input)).toBeUndefined();
});
