import { describeValue } from './describeValue';
import { InputProblem, requiredProblem } from './inputProblem';
import { isEmpty } from './isEmpty';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EXAMPLE = 'Seam IDs are UUIDs, e.g. 33333333-3333-3333-3333-333333333333.';

/** A resource locator's value, whichever mode (From list, By ID) it was set in. */
function unwrapLocator(value: unknown): unknown {
	if (typeof value === 'object' && value !== null && '__rl' in value) {
		return (value as { value?: unknown }).value;
	}
	return value;
}

/**
 * One Seam ID. Copy-pasted IDs come in upper case or with stray spaces or line breaks: those are
 * still the same UUID and are accepted in Seam's lower-case form.
 */
export function idValue(value: unknown, field: string): string | undefined {
	const raw = unwrapLocator(value);
	if (isEmpty(raw)) return undefined;
	if (typeof raw !== 'string') {
		throw new InputProblem(`${field}: ${describeValue(raw)} is not a Seam ID`, EXAMPLE);
	}
	const id = raw.replace(/\s+/g, '').toLowerCase();
	if (!UUID.test(id)) {
		throw new InputProblem(`${field}: ${JSON.stringify(raw.trim())} is not a Seam ID`, EXAMPLE);
	}
	return id;
}

export function requiredIdValue(value: unknown, field: string): string {
	const id = idValue(value, field);
	if (id === undefined) {
		throw requiredProblem(field, `Choose a value for "${field}" from the list, or enter its ID.`);
	}
	return id;
}

/**
 * Several Seam IDs: a list, a comma-separated text or a single ID, as expressions produce them.
 * Blank entries are dropped and repeats kept once.
 */
export function idListValue(value: unknown, field: string): string[] {
	const raw = unwrapLocator(value);
	if (isEmpty(raw)) return [];
	let entries: unknown[];
	if (Array.isArray(raw)) entries = raw.map(unwrapLocator);
	else if (typeof raw === 'string') entries = raw.split(',');
	else {
		throw new InputProblem(
			`${field}: ${describeValue(raw)} is not a list of Seam IDs`,
			`Give a list of IDs, or IDs separated by commas. ${EXAMPLE}`,
		);
	}
	const ids = entries
		.filter((entry) => !isEmpty(entry))
		.map((entry) => idValue(entry, field) as string);
	return [...new Set(ids)];
}
