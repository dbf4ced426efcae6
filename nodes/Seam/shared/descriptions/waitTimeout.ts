import type { INodeProperties } from 'n8n-workflow';

import type { FormReader } from '../parameters';

const BOUNDS = { min: 1, max: 300 };
const DEFAULT_SECONDS = 60;

export const waitTimeoutOption = (what: string): INodeProperties => ({
	displayName: 'Wait Timeout (Seconds)',
	name: 'waitTimeout',
	type: 'number',
	typeOptions: { minValue: BOUNDS.min, maxValue: BOUNDS.max },
	default: DEFAULT_SECONDS,
	description: `How long to wait for ${what} before failing`,
});

/** The option above, inside the operation's Options collection. */
export function readWaitTimeout(form: FormReader): number {
	return form.wholeNumber(
		{ name: 'options.waitTimeout', label: 'Wait Timeout (Seconds)' },
		BOUNDS,
		DEFAULT_SECONDS,
	);
}
