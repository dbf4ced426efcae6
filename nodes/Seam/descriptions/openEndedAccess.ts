import type { INodeProperties } from 'n8n-workflow';

/**
 * The one switch that lets access be given without an end. Off by default and named for what it
 * does: an empty end date (say, a booking without its check-out) must never mean "forever".
 */
export function allowAccessWithoutEndOption(description: string): INodeProperties {
	return {
		displayName: 'Allow Access Without End',
		name: 'allowAccessWithoutEnd',
		type: 'boolean',
		default: false,
		description,
	};
}

export const ALLOW_ACCESS_WITHOUT_END = 'Allow Access Without End';
