import type { IDataObject } from 'n8n-workflow';

import type { Field, FormReader } from '../parameters';
import { displayName } from '../seamObjects/displayName';
import type { SeamApi } from '../transport/client';

/** What an access code needs to know about its lock, read from Seam's device object. */
export interface CodeLock {
	id: string;
	name: string;
	/** Seam can program codes on it over the internet (`can_program_online_access_codes`). */
	online: boolean;
	/** The lock computes codes itself, valid for a fixed period (`can_program_offline_access_codes`). */
	offline: boolean;
	/** The code lengths its keypad takes (`properties.supported_code_lengths`), sorted. */
	lengths?: number[];
	/** Or, for locks that report a range instead of a list. */
	minLength?: number;
	maxLength?: number;
	/** How many codes it holds at most (`properties.max_active_codes_supported`). */
	maxActiveCodes?: number;
	/** Seam's `properties.code_constraints`: rules of the keypad beyond the length. */
	constraints: string[];
	/** Seam reports the lock offline (`properties.online` false): it takes codes when it is back. */
	disconnected: boolean;
}

const positive = (value: unknown): number | undefined =>
	typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;

export function codeLockOf(device: IDataObject): CodeLock {
	const properties = (device.properties ?? {}) as IDataObject;
	const lengths = Array.isArray(properties.supported_code_lengths)
		? [...new Set(properties.supported_code_lengths.map(Number).filter((n) => n > 0))].sort(
				(a, b) => a - b,
			)
		: [];
	const constraints = Array.isArray(properties.code_constraints)
		? (properties.code_constraints as IDataObject[]).map((c) => String(c.constraint_type))
		: [];
	return {
		id: String(device.device_id),
		name: displayName(device, device.device_id),
		online: device.can_program_online_access_codes === true,
		offline: device.can_program_offline_access_codes === true,
		...(lengths.length > 0 ? { lengths } : {}),
		...(positive(properties.min_code_length) !== undefined
			? { minLength: positive(properties.min_code_length) }
			: {}),
		...(positive(properties.max_code_length) !== undefined
			? { maxLength: positive(properties.max_code_length) }
			: {}),
		...(positive(properties.max_active_codes_supported) !== undefined
			? { maxActiveCodes: positive(properties.max_active_codes_supported) }
			: {}),
		constraints,
		disconnected: properties.online === false,
	};
}

/** One read of the lock: its name, capabilities and code rules. */
export async function readLock(api: SeamApi, device_id: string, i: number): Promise<CodeLock> {
	const device = (await api.call((seam) => seam.devices.get({ device_id }), i)) as IDataObject;
	return codeLockOf(device);
}

/** "4, 5 or 6 digits", "4 to 8 digits", "6 digits"; undefined when the lock does not say. */
export function lengthsInWords(lock: CodeLock): string | undefined {
	if (lock.lengths) {
		const { lengths } = lock;
		if (lengths.length === 1) return `${lengths[0]} digits`;
		const contiguous = lengths.every((n, k) => k === 0 || n === lengths[k - 1] + 1);
		if (contiguous && lengths.length > 3) {
			return `${lengths[0]} to ${lengths[lengths.length - 1]} digits`;
		}
		return `${lengths.slice(0, -1).join(', ')} or ${lengths[lengths.length - 1]} digits`;
	}
	if (lock.minLength && lock.maxLength) return `${lock.minLength} to ${lock.maxLength} digits`;
	if (lock.minLength) return `at least ${lock.minLength} digits`;
	if (lock.maxLength) return `at most ${lock.maxLength} digits`;
	return undefined;
}

/** Whether the keypad takes codes of this many digits (true when the lock does not say). */
export function takesLength(lock: CodeLock, length: number): boolean {
	if (lock.lengths) return lock.lengths.includes(length);
	if (lock.minLength && length < lock.minLength) return false;
	if (lock.maxLength && length > lock.maxLength) return false;
	return true;
}

/**
 * The lock must take the kind of code asked for. Seam would accept the request and then fail
 * on the lock, or refuse it with a message about capabilities; this names the lock instead.
 */
export function assertTakesCodes(form: FormReader, lock: CodeLock, offline: boolean): void {
	if (offline) {
		if (lock.offline) return;
		form.fail(
			`${lock.name} cannot take offline access codes`,
			`Seam reports can_program_offline_access_codes false for ${lock.name} (${lock.id}). Turn off "Use Offline Access Code"${lock.online ? '' : ' and choose a lock with a keypad Seam can program'}.`,
		);
	}
	if (lock.online) return;
	if (lock.offline) {
		form.fail(
			`${lock.name} takes offline access codes only`,
			`Seam cannot program codes on ${lock.name} (${lock.id}) over the internet; the lock computes offline codes itself. Turn on the option "Use Offline Access Code" (it needs Valid From and Valid Until).`,
		);
	}
	form.fail(
		`${lock.name} cannot take access codes`,
		`Seam reports that it cannot program access codes on ${lock.name} (${lock.id}): it has no keypad Seam can reach. Choose another lock; the Lock list shows the ones that take codes.`,
	);
}

/** Four digits that are all the same or count up by one. */
function isRun(four: string): boolean {
	const steps = [...four].slice(1).map((d, k) => Number(d) - Number(four[k]));
	return steps.every((step) => step === 0) || steps.every((step) => step === 1);
}

/** A rule from Seam's `code_constraints`, as a test of a code and the words for it. */
const CONSTRAINTS: Record<string, { breaks: (code: string) => boolean; words: string }> = {
	no_zeros: { breaks: (c) => c.includes('0'), words: 'no 0 digit' },
	cannot_start_with_12: { breaks: (c) => c.startsWith('12'), words: 'must not start with 12' },
	// Seam: "no more than 3 digits in a row can be consecutive or the same"; only a run of four is
	// refused here, so that a code the lock takes is never turned away by a stricter reading.
	no_triple_consecutive_ints: {
		breaks: (c) => [...c].some((_, k) => k >= 3 && isRun(c.slice(k - 3, k + 1))),
		words: 'no four digits in a row that are the same or count up, such as 1111 or 1234',
	},
	no_all_same_digits: { breaks: (c) => /^(\d)\1*$/.test(c), words: 'not all the same digit' },
	at_least_three_unique_digits: {
		breaks: (c) => new Set(c).size < 3,
		words: 'at least three different digits',
	},
	cannot_contain_089: { breaks: (c) => /[089]/.test(c), words: 'no 0, 8 or 9' },
	cannot_contain_0789: { breaks: (c) => /[0789]/.test(c), words: 'no 0, 7, 8 or 9' },
	no_ascending_or_descending_sequence: {
		breaks: (c) => {
			if (c.length < 2) return false;
			const steps = [...c].slice(1).map((d, k) => Number(d) - Number(c[k]));
			return steps.every((s) => s === 1) || steps.every((s) => s === -1);
		},
		words: 'not a run such as 1234 or 4321',
	},
};

/** Why a lock cannot take a code: it chooses its codes, the length, or keypad rules it breaks. */
type Misfit =
	| { reason: 'locksChoice' }
	| { reason: 'length' }
	| { reason: 'rules'; broken: string[] };

function misfitOf(code: string, lock: CodeLock): Misfit | undefined {
	if (lock.constraints.includes('cannot_specify_pin_code')) return { reason: 'locksChoice' };
	if (!takesLength(lock, code.length)) return { reason: 'length' };
	const broken = lock.constraints.filter((rule) => CONSTRAINTS[rule]?.breaks(code));
	return broken.length > 0 ? { reason: 'rules', broken } : undefined;
}

const ruleWords = (broken: string[]) => broken.map((rule) => CONSTRAINTS[rule].words).join('; ');

/**
 * A custom code must fit the lock: its length and the keypad's rules Seam reports. Checked
 * before sending, so the error names the field and the lock instead of coming back from the lock.
 */
export function assertCodeFits(form: FormReader, field: Field, code: string, lock: CodeLock): void {
	const misfit = misfitOf(code, lock);
	if (misfit?.reason === 'locksChoice') {
		form.fail(
			`${field.label} is not possible on ${lock.name}`,
			`${lock.name} chooses its codes itself (Seam reports cannot_specify_pin_code). Leave ${field.label} empty; the code Seam gets is in "code".`,
		);
	}
	if (misfit?.reason === 'length') {
		const lengths = lengthsInWords(lock);
		form.fail(
			`${field.label} "${code}" has ${code.length} digits: ${lock.name} takes ${lengths}`,
			`Use a code of ${lengths}, or leave ${field.label} empty so that Seam chooses one the lock takes.`,
		);
	}
	if (misfit?.reason === 'rules') {
		form.fail(
			`${field.label} "${code}" does not fit the rules of ${lock.name}: ${ruleWords(misfit.broken)}`,
			`Seam reports these rules for the lock's keypad (properties.code_constraints: ${misfit.broken.join(', ')}). Choose another code, or leave ${field.label} empty so that Seam chooses one.`,
		);
	}
}

/**
 * Why the lock cannot take this code, in words that follow its name ("takes 4 digits"), or
 * undefined when it can: for a code that does not come from a form field (one other locks hold).
 */
export function codeMisfit(code: string, lock: CodeLock): string | undefined {
	const misfit = misfitOf(code, lock);
	if (misfit?.reason === 'locksChoice') return 'chooses its codes itself';
	if (misfit?.reason === 'length') return `takes ${lengthsInWords(lock)}`;
	if (misfit?.reason === 'rules') return `has keypad rules it breaks: ${ruleWords(misfit.broken)}`;
	return undefined;
}

/** A preferred length the lock does not take: Seam would silently use another one. */
export function assertLengthFits(
	form: FormReader,
	field: Field,
	length: number,
	lock: CodeLock,
): void {
	if (takesLength(lock, length)) return;
	form.fail(
		`${field.label} ${length} does not fit ${lock.name}: it takes ${lengthsInWords(lock)}`,
		`Seam would use another length without saying so. Choose one the lock takes, or remove ${field.label}.`,
	);
}
