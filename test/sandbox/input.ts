import { invalidInput } from './errors';

// Typed access to request parameters for route handlers. With validation on,
// the OpenAPI check has already rejected wrong types; these readers keep the
// handlers safe when the sandbox runs with `validate: false`.

export class Input {
	constructor(
		private readonly params: Record<string, unknown>,
		private readonly prefix = '',
	) {}

	has(name: string): boolean {
		return this.params[name] !== undefined;
	}

	string(name: string): string | undefined {
		const value = this.params[name];
		if (value === undefined) return undefined;
		if (typeof value !== 'string') throw this.wrongType(name, 'a string');
		return value;
	}

	requiredString(name: string): string {
		const value = this.string(name);
		if (value === undefined)
			throw this.problem(name, this.prefix === '' ? 'Required' : `${this.key(name)} is required`);
		return value;
	}

	nullableString(name: string): string | null | undefined {
		if (this.params[name] === null) return null;
		return this.string(name);
	}

	stringArray(name: string): string[] | undefined {
		const value = this.params[name];
		if (value === undefined) return undefined;
		if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
			throw this.wrongType(name, 'a list of strings');
		}
		return value as string[];
	}

	number(name: string): number | undefined {
		const value = this.params[name];
		if (value === undefined) return undefined;
		if (typeof value !== 'number' || !Number.isFinite(value))
			throw this.wrongType(name, 'a number');
		return value;
	}

	boolean(name: string): boolean | undefined {
		const value = this.params[name];
		if (value === undefined) return undefined;
		if (typeof value !== 'boolean') throw this.wrongType(name, 'a boolean');
		return value;
	}

	/** A nested object parameter, e.g. access_schedule; null when explicitly cleared. */
	object(name: string): Input | null | undefined {
		const value = this.params[name];
		if (value === undefined || value === null) return value;
		if (typeof value !== 'object' || Array.isArray(value)) throw this.wrongType(name, 'an object');
		return new Input(value as Record<string, unknown>, `${this.key(name)}.`);
	}

	/** A list of objects, e.g. requested_access_methods; each item is read with its own Input. */
	objectArray(name: string): Input[] | undefined {
		const value = this.params[name];
		if (value === undefined) return undefined;
		if (
			!Array.isArray(value) ||
			value.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))
		) {
			throw this.wrongType(name, 'a list of objects');
		}
		return value.map(
			(item, index) => new Input(item as Record<string, unknown>, `${this.key(name)}[${index}].`),
		);
	}

	private key(name: string): string {
		return `${this.prefix}${name}`;
	}

	private wrongType(name: string, expected: string) {
		return this.problem(name, `${this.key(name)} must be ${expected}`);
	}

	// Nested problems are reported on the top-level parameter, as Seam's validation_errors do.
	private problem(name: string, message: string) {
		return invalidInput({ [this.key(name).split(/[.[]/)[0]]: message });
	}
}
