import type { INodeProperties } from 'n8n-workflow';

export const waitTimeoutOption = (what: string): INodeProperties => ({
	displayName: 'Wait Timeout (Seconds)',
	name: 'waitTimeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 300 },
	default: 60,
	description: `How long to wait for ${what} before failing`,
});
