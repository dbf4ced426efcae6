const MAX_RENDERING = 60;

function clip(text: string): string {
	return text.length > MAX_RENDERING ? `${text.slice(0, MAX_RENDERING - 1)}…` : text;
}

function json(value: unknown): string {
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		// A circular structure cannot be shown as JSON; its kind is enough to say what went wrong.
		return '…';
	}
}

/**
 * What arrived in a form field, in words a person can match to their data: its JSON type and a
 * short rendering. Never "[object Object]": an expression that picked the wrong level of a PMS
 * payload should be recognisable from the error alone.
 */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		return value.trim() === '' ? 'an empty text' : `the text ${clip(json(value))}`;
	}
	if (typeof value === 'number' || typeof value === 'bigint') return `the number ${String(value)}`;
	if (typeof value === 'boolean') return `the boolean ${String(value)}`;
	if (value instanceof Date) return `the date ${clip(String(value))}`;
	if (Array.isArray(value)) {
		if (value.length === 0) return 'an empty list';
		return `a list of ${value.length} value${value.length === 1 ? '' : 's'} ${clip(json(value))}`;
	}
	if (typeof value === 'object') {
		const keys = Object.keys(value);
		return keys.length === 0 ? 'an empty object {}' : `an object ${clip(json(value))}`;
	}
	return `a ${typeof value}`;
}
