// What Seam reports on an access code its lock has not taken, in the shapes of
// Seam's OpenAPI document and its "Troubleshooting Access Codes" guide:
// - the lock refused the code (sandbox.failAccessCodesOn): an access code
//   error in `errors` (`is_access_code_error: true`), recorded with
//   access_code.failed_to_set_on_device; the code is not set;
// - the code fell due while the lock was offline: a
//   `delay_in_setting_on_device` warning, recorded with
//   access_code.delay_in_setting_on_device, until the lock is back and takes
//   it (the lock's own `device_disconnected` error is on the code meanwhile,
//   see device-errors.ts).

/** The access code error codes Seam documents for a lock that did not take a code. */
export const ACCESS_CODE_FAILURE_CODES = [
	'failed_to_set_on_device',
	'duplicate_code_on_device',
	'no_space_for_access_code_on_device',
	'provider_issue',
	'insufficient_permissions',
] as const;

export type AccessCodeFailureCode = (typeof ACCESS_CODE_FAILURE_CODES)[number];

export interface AccessCodeFailure {
	error_code: AccessCodeFailureCode;
	message: string;
	created_at: string;
}

// Seam documents the codes, not their messages: these are written here.
const MESSAGES: Record<AccessCodeFailureCode, string> = {
	failed_to_set_on_device: 'The lock did not accept the access code.',
	duplicate_code_on_device: 'An access code with the same PIN already exists on the lock.',
	no_space_for_access_code_on_device: 'The lock has no free place for another access code.',
	provider_issue: "The lock's provider reported a problem while setting the access code.",
	insufficient_permissions:
		"The lock's connected account is not allowed to change access codes on it.",
};

const DELAY_MESSAGE =
	'The lock has not taken the access code yet: it is offline. Seam sets the code when the lock is back online.';

export function isAccessCodeFailureCode(value: unknown): value is AccessCodeFailureCode {
	return (ACCESS_CODE_FAILURE_CODES as readonly unknown[]).includes(value);
}

export function accessCodeFailure(error_code: AccessCodeFailureCode, at: Date): AccessCodeFailure {
	return { error_code, message: MESSAGES[error_code], created_at: at.toISOString() };
}

/** The failure as an entry of the access code's `errors`. */
export function presentFailure(failure: AccessCodeFailure): Record<string, unknown> {
	return { ...failure, is_access_code_error: true };
}

/** The `delay_in_setting_on_device` warning of a code waiting for its offline lock. */
export function delayWarning(delayed_at: string): Record<string, unknown> {
	return {
		warning_code: 'delay_in_setting_on_device',
		message: DELAY_MESSAGE,
		created_at: delayed_at,
	};
}
