import { describeValue } from './describeValue';
import { InputProblem, requiredProblem } from './inputProblem';
import { isEmpty } from './isEmpty';

/** One of a field's options, as the form lists them: value and the name a person sees. */
export interface Choice {
	name: string;
	value: string;
}

function listed(choices: readonly Choice[]): string {
	return choices.map((choice) => `${choice.name} (${choice.value})`).join(', ');
}

/**
 * The option an expression chose. Either the option's value or its name (any case) is
 * accepted, since a person writing an expression sees the name.
 */
export function choiceValue(value: unknown, field: string, choices: readonly Choice[]): string {
	if (isEmpty(value)) {
		throw requiredProblem(field, `Choose one of: ${listed(choices)}.`);
	}
	if (typeof value === 'string') {
		const wanted = value.trim().toLowerCase();
		const match = choices.find(
			(choice) => choice.value.toLowerCase() === wanted || choice.name.toLowerCase() === wanted,
		);
		if (match) return match.value;
	}
	throw new InputProblem(
		`${field}: ${describeValue(value)} is not one of the options`,
		`Choose one of: ${listed(choices)}.`,
	);
}

/** Several options (a multi-select): a list or a comma-separated text; repeats kept once. */
export function choiceListValue(
	value: unknown,
	field: string,
	choices: readonly Choice[],
): string[] {
	if (isEmpty(value)) return [];
	const entries = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',')
			: undefined;
	if (!entries) {
		throw new InputProblem(
			`${field}: ${describeValue(value)} is not a list of options`,
			`Choose from: ${listed(choices)}.`,
		);
	}
	const picked = entries
		.filter((entry) => !isEmpty(entry))
		.map((entry) => choiceValue(entry, field, choices));
	return [...new Set(picked)];
}
