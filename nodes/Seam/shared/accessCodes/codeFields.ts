import type { INodeProperties } from 'n8n-workflow';

import {
	ALLOW_ACCESS_WITHOUT_END,
	allowAccessWithoutEndOption,
	readAllowAccessWithoutEnd,
} from '../descriptions/openEndedAccess';
import { readWaitTimeout, waitTimeoutOption } from '../descriptions/waitTimeout';
import { describeValue, type Field, type FormReader, type TimeWindow } from '../parameters';

// The fields every access-code write shares (Create, Create on Several Locks, Update), so that
// they are named, described and read the same way in each.

export const NAME: Field = { name: 'name', label: 'Name' };
export const VALID_FROM: Field = { name: 'startsAt', label: 'Valid From' };
export const VALID_UNTIL: Field = { name: 'endsAt', label: 'Valid Until' };
export const WAIT_UNTIL_SET: Field = { name: 'waitUntilSet', label: 'Wait Until Set on Lock' };
export const CUSTOM_CODE: Field = { name: 'options.code', label: 'Custom Code' };
export const PREFERRED_LENGTH: Field = {
	name: 'options.preferredCodeLength',
	label: 'Preferred Code Length',
};
export const USE_OFFLINE: Field = {
	name: 'options.useOfflineAccessCode',
	label: 'Use Offline Access Code',
};

/** Wide bounds for what a keypad could take; the lock's own lengths are checked once it is read. */
export const ANY_CODE_LENGTH = { min: 1, max: 20 };

export const OFFLINE_CODES_CANNOT_CHANGE =
	'An offline access code cannot be changed or removed through Seam once created: the lock computes it and nothing reaches the lock afterwards. It works from Valid From to Valid Until.';

export const nameField: INodeProperties = {
	displayName: NAME.label,
	name: NAME.name,
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Guest Grace, 12–15 March',
	description:
		'The name the code has in Seam, and on locks that show names in their own app. Running this step again with the same name and validity (and Custom Code) creates no second code: the one already on the lock comes back with <code>already_existed</code> true.',
};

export const validFromField: INodeProperties = {
	displayName: VALID_FROM.label,
	name: VALID_FROM.name,
	type: 'dateTime',
	default: '',
	description:
		"When the code starts to work. Empty: as soon as the lock has it. Without a time zone, the workflow's time zone applies.",
};

export const validUntilField: INodeProperties = {
	displayName: VALID_UNTIL.label,
	name: VALID_UNTIL.name,
	type: 'dateTime',
	default: '',
	description: `When the lock stops taking the code; must be after Valid From and in the future. Required unless the option "${ALLOW_ACCESS_WITHOUT_END}" is on.`,
};

export const waitUntilSetField: INodeProperties = {
	displayName: WAIT_UNTIL_SET.label,
	name: WAIT_UNTIL_SET.name,
	type: 'boolean',
	default: true,
	description:
		'Whether to wait until the lock has confirmed the code (<code>is_set_on_lock</code> true). A code that starts later is not waited for: the output says <code>is_scheduled</code>.',
};

export const customCodeOption = (
	description = 'The code to set, digits only, in a length the lock takes. Empty: Seam chooses one the lock takes.',
): INodeProperties => ({
	displayName: CUSTOM_CODE.label,
	name: 'code',
	type: 'string',
	default: '',
	placeholder: 'e.g. 4821',
	description,
});

export const preferredLengthOption: INodeProperties = {
	displayName: PREFERRED_LENGTH.label,
	name: 'preferredCodeLength',
	type: 'number',
	typeOptions: { minValue: ANY_CODE_LENGTH.min, maxValue: ANY_CODE_LENGTH.max },
	default: 6,
	description:
		'How many digits the code Seam chooses should have. Only without Custom Code, and only a length the lock takes.',
};

export const useOfflineOption: INodeProperties = {
	displayName: USE_OFFLINE.label,
	name: 'useOfflineAccessCode',
	type: 'boolean',
	default: false,
	description: `Whether to create an offline access code, for locks that compute codes themselves (can_program_offline_access_codes). It needs Valid From and Valid Until and takes no Custom Code. ${OFFLINE_CODES_CANNOT_CHANGE}`,
};

export const offlineNotice: INodeProperties = {
	displayName: `Offline access codes (option "${USE_OFFLINE.label}"): ${OFFLINE_CODES_CANNOT_CHANGE}`,
	name: 'offlineAccessCodeNotice',
	type: 'notice',
	default: '',
};

export const allowWithoutEndOption = allowAccessWithoutEndOption(
	'Whether an empty Valid Until gives a code that works until someone deletes it (an "ongoing" code). Off: Valid Until is required.',
);

export const waitForSetOption = waitTimeoutOption('the lock to confirm the code');

export interface CodeRequest {
	name: string;
	window: TimeWindow;
	code?: string;
	preferredLength?: number;
	offline: boolean;
	/**
	 * Valid From was empty: the code works from when it is created. Its starts_at is then the time
	 * of the request, so a code an earlier run made has an earlier one (see existingCode.ts).
	 */
	startsNow: boolean;
	wait: boolean;
	waitTimeout: number;
}

/**
 * The validity of a new code. An empty end is refused unless Allow Access Without End is on; an
 * offline code always needs both ends (the lock computes it for that period). A start without an
 * end cannot be given (a code without end works from the moment it is set).
 */
async function readWindow(
	form: FormReader,
	offline: boolean,
	allowWithoutEnd: boolean,
): Promise<TimeWindow> {
	const window = await form.timeWindow(
		VALID_FROM,
		VALID_UNTIL,
		offline ? undefined : { allowed: allowWithoutEnd, switchLabel: ALLOW_ACCESS_WITHOUT_END },
	);
	if (offline) {
		for (const field of [VALID_FROM, VALID_UNTIL]) {
			const key = field === VALID_FROM ? 'starts_at' : 'ends_at';
			if (window[key]) continue;
			form.fail(
				`${field.label} is required for an offline access code`,
				`The lock computes an offline code for a fixed period, from Valid From to Valid Until. ${field.label} resolved to ${describeValue(form.raw(field.name))}.`,
			);
		}
	}
	if (window.starts_at && !window.ends_at) {
		form.fail(
			`${VALID_FROM.label} needs ${VALID_UNTIL.label}`,
			`A code without end works from the moment the lock has it; Seam takes a start only together with an end. Leave ${VALID_FROM.label} empty, or set ${VALID_UNTIL.label}.`,
		);
	}
	if (window.ends_at) assertEndsInFuture(form, window.ends_at);
	return window;
}

/** Seam takes only an end in the future; an end already past is a mapping mistake. */
export function assertEndsInFuture(form: FormReader, endsAt: string): void {
	if (Date.parse(endsAt) > Date.now()) return;
	form.fail(
		`${VALID_UNTIL.label} is in the past`,
		`${VALID_UNTIL.label} is ${endsAt}: the code would never work. Check the date (and its time zone).`,
	);
}

/**
 * Everything a new code needs from the form, checked for its shape before any request. What
 * depends on the lock (lengths, offline support, free slots) is checked once the lock is read.
 */
export async function readCodeRequest(
	form: FormReader,
	kinds: { offline: boolean },
): Promise<CodeRequest> {
	const name = form.requiredText(NAME);
	const code = form.pinCode(CUSTOM_CODE, ANY_CODE_LENGTH);
	const preferred = form.wholeNumber(PREFERRED_LENGTH, ANY_CODE_LENGTH, 0);
	const offline = kinds.offline ? form.boolean(USE_OFFLINE, false) : false;
	const allowWithoutEnd = readAllowAccessWithoutEnd(form, 'options');
	const wait = form.boolean(WAIT_UNTIL_SET, true);
	const waitTimeout = readWaitTimeout(form);
	if (code !== undefined && preferred > 0) {
		form.fail(
			`${PREFERRED_LENGTH.label} cannot be used with ${CUSTOM_CODE.label}`,
			`${PREFERRED_LENGTH.label} is for a code Seam chooses; ${CUSTOM_CODE.label} "${code}" already has ${code.length} digits. Remove one of them.`,
		);
	}
	if (offline && code !== undefined) {
		form.fail(
			`${CUSTOM_CODE.label} is not possible with an offline access code`,
			`The lock computes offline codes itself, so Seam cannot set a chosen one. Leave ${CUSTOM_CODE.label} empty; the code is returned in "code".`,
		);
	}
	const window = await readWindow(form, offline, allowWithoutEnd);
	// Seam schedules a code only with both times: an end alone starts now.
	const startsNow = !window.starts_at;
	if (window.ends_at && startsNow) window.starts_at = new Date().toISOString();
	return {
		name,
		window,
		...(code !== undefined ? { code } : {}),
		...(preferred > 0 ? { preferredLength: preferred } : {}),
		offline,
		startsNow,
		wait,
		waitTimeout,
	};
}
