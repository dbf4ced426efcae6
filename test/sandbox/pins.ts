import { randomInt } from 'node:crypto';

// PIN generation shared by ACS credentials and access methods.

/** A random PIN of `length` digits that is not in `taken`. */
export function randomPin(length: number, taken: ReadonlySet<string>): string {
	for (;;) {
		// No leading zero: some keypads and spreadsheets drop it.
		const pin = String(randomInt(10 ** (length - 1), 10 ** length));
		if (!taken.has(pin)) return pin;
	}
}
