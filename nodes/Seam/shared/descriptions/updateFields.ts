import type { INodeProperties } from 'n8n-workflow';

import { describeValue, type Field, type FormReader } from '../parameters';

const COLLECTION: Field = { name: 'updateFields', label: 'Update Fields' };

/** The Update Fields collection of an Update operation: the user adds only what changes. */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: COLLECTION.label,
		name: COLLECTION.name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** A field inside Update Fields: its child name and displayName, as a path the form reader takes. */
export function updateField(name: string, label: string): Field {
	return { name: `${COLLECTION.name}.${name}`, label };
}

/**
 * The fields a user added under Update Fields. Only those are sent; one that was added but
 * resolves to nothing is refused rather than skipped, since an expression that lost its value
 * (a booking without its check-out, say) would otherwise pass as "no change" unnoticed.
 */
export class UpdateFields {
	private readonly added: ReadonlySet<string>;

	constructor(private readonly form: FormReader) {
		this.added = new Set(Object.keys(form.collection(COLLECTION)));
	}

	/** Whether the user added no field at all. */
	get isEmpty(): boolean {
		return this.added.size === 0;
	}

	/** `value` as read from `field`; if the user added that field, it must hold a value. */
	filledIn<T>(field: Field, value: T | undefined): T | undefined {
		if (value !== undefined || !this.added.has(field.name.slice(COLLECTION.name.length + 1))) {
			return value;
		}
		return this.form.fail(
			`${field.label} is empty`,
			`${field.label} was added under "${COLLECTION.label}" but resolved to ${describeValue(this.form.raw(field.name))}. Fill it in, or remove it from "${COLLECTION.label}" to keep the current value.`,
		);
	}

	text(field: Field): string | undefined {
		return this.filledIn(field, this.form.text(field));
	}
}
