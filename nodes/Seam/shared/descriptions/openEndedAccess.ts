import type { INodeProperties } from 'n8n-workflow';

import type { FormReader } from '../parameters';

export const ALLOW_ACCESS_WITHOUT_END = 'Allow Access Without End';
const NAME = 'allowAccessWithoutEnd';

/**
 * The one switch that lets access be given without an end. Off by default and named for what it
 * does: an empty end date (say, a booking without its check-out) must never mean "forever".
 */
export function allowAccessWithoutEndOption(description: string): INodeProperties {
	return {
		displayName: ALLOW_ACCESS_WITHOUT_END,
		name: NAME,
		type: 'boolean',
		default: false,
		description,
	};
}

/** The switch above, inside the operation's `collection` (Options, Additional Fields). */
export function readAllowAccessWithoutEnd(form: FormReader, collection: string): boolean {
	return form.boolean({ name: `${collection}.${NAME}`, label: ALLOW_ACCESS_WITHOUT_END }, false);
}
