import { InputProblem } from '../parameters';

/** Who chooses the guest's PIN. */
export type PinChoice = 'seam' | 'custom' | 'phoneDigits';

/** The code a stay asks for; undefined when Seam (or the lock's system) chooses it. */
export interface RequestedPin {
	code?: string;
	/** Where the code came from, for messages about it. */
	from?: 'Custom PIN' | "the guest's phone";
}

export const PHONE_DIGITS = { min: 4, max: 6 } as const;

/**
 * The last `count` digits of the guest's phone: a PIN a guest remembers without a message.
 * Formatting (+, spaces, dashes, brackets) is ignored; fewer digits than asked is an error.
 */
export function lastDigitsOfPhone(phone: string | undefined, count: number, field: string): string {
	const digits = (phone ?? '').replace(/\D/g, '');
	if (!phone) {
		throw new InputProblem(
			`${field} is required for a PIN from the guest's phone`,
			`PIN is set to "Last Digits of the Guest's Phone", but ${field} is empty. Map the guest's phone number, or let Seam choose the PIN.`,
		);
	}
	if (digits.length < count) {
		throw new InputProblem(
			`${field}: "${phone}" has fewer than ${count} digits`,
			`The PIN is the phone's last ${count} digits. Check the phone number, or choose fewer digits.`,
		);
	}
	return digits.slice(-count);
}
