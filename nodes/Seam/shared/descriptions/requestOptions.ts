import type { INodeProperties } from 'n8n-workflow';

import type { Field, FormReader } from '../parameters';

// `options` is taken by several operations' own collections; this one belongs to the node.
const COLLECTION: Field = { name: 'requestOptions', label: 'Request Options' };
const BATCHING: Field = { name: `${COLLECTION.name}.batching`, label: 'Batching' };
const ITEMS_PER_BATCH: Field = {
	name: `${BATCHING.name}.batch.batchSize`,
	label: 'Items per Batch',
};
const BATCH_INTERVAL: Field = {
	name: `${BATCHING.name}.batch.batchInterval`,
	label: 'Batch Interval (ms)',
};
const TIMEOUT: Field = { name: `${COLLECTION.name}.timeout`, label: 'Timeout (Seconds)' };

// A cap, so that a slip (1000) cannot send a whole sheet to Seam at once; Seam rate-limits, and
// every request in a batch counts.
const ITEMS_PER_BATCH_BOUNDS = { min: 1, max: 100 };
const DEFAULT_ITEMS_PER_BATCH = 5;
const BATCH_INTERVAL_BOUNDS = { min: 0, max: 300_000 };
const DEFAULT_BATCH_INTERVAL_MS = 0;
const TIMEOUT_BOUNDS = { min: 1, max: 300 };
/** What the form shows; the node's own setting (DEFAULT_TRANSPORT_SETTINGS) is the same 30 s. */
const DEFAULT_TIMEOUT_SECONDS = 30;
// Below TIMEOUT_BOUNDS.min, so no value a user can enter: it stands for "left empty".
const TIMEOUT_NOT_SET = 0;

/**
 * The node's Request Options, shown for every resource and operation at the end of the form:
 * how many items run at the same time, and how long to wait for Seam's answer.
 */
export const requestOptionsProperty: INodeProperties = {
	displayName: COLLECTION.label,
	name: COLLECTION.name,
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description:
		'How the node sends its requests to Seam: several items at the same time, and how long to wait for an answer',
	options: [
		{
			displayName: BATCHING.label,
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			description:
				'Handle several input items at the same time instead of one after another. Output items keep the order of the input items.',
			options: [
				{
					displayName: BATCHING.label,
					name: 'batch',
					values: [
						{
							displayName: ITEMS_PER_BATCH.label,
							name: 'batchSize',
							type: 'number',
							typeOptions: {
								minValue: ITEMS_PER_BATCH_BOUNDS.min,
								maxValue: ITEMS_PER_BATCH_BOUNDS.max,
							},
							default: DEFAULT_ITEMS_PER_BATCH,
							description:
								'How many input items are sent to Seam at the same time. The next batch starts when every item of this one has finished. 1 handles items one after another.',
						},
						{
							displayName: BATCH_INTERVAL.label,
							name: 'batchInterval',
							type: 'number',
							typeOptions: {
								minValue: BATCH_INTERVAL_BOUNDS.min,
								maxValue: BATCH_INTERVAL_BOUNDS.max,
							},
							default: DEFAULT_BATCH_INTERVAL_MS,
							description:
								"Pause between one batch finishing and the next starting, in milliseconds, to stay under Seam's rate limit. 0 for no pause.",
						},
					],
				},
			],
		},
		{
			displayName: TIMEOUT.label,
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: TIMEOUT_BOUNDS.min, maxValue: TIMEOUT_BOUNDS.max },
			default: DEFAULT_TIMEOUT_SECONDS,
			description:
				'How many seconds to wait for Seam to answer each request before giving up with a timeout error',
		},
	],
};

/** Items per Batch and Batch Interval, as the user set them. */
export interface Batching {
	itemsPerBatch: number;
	intervalMs: number;
}

/**
 * The Batching option, or undefined when it was not added (items then run one after another, as
 * without the option). Read once per execution: it decides how all items run, not one.
 */
export function readBatching(form: FormReader): Batching | undefined {
	form.collection(COLLECTION);
	const batching = form.collection(BATCHING);
	if (batching.batch === undefined || batching.batch === null) return undefined;
	form.collection({ name: `${BATCHING.name}.batch`, label: BATCHING.label });
	return {
		itemsPerBatch: form.wholeNumber(
			ITEMS_PER_BATCH,
			ITEMS_PER_BATCH_BOUNDS,
			DEFAULT_ITEMS_PER_BATCH,
		),
		intervalMs: form.wholeNumber(BATCH_INTERVAL, BATCH_INTERVAL_BOUNDS, DEFAULT_BATCH_INTERVAL_MS),
	};
}

/**
 * The Timeout option of one item in milliseconds, or undefined when it was not set (or resolved
 * empty): then the node's own timeout applies.
 */
export function readTimeoutMs(form: FormReader): number | undefined {
	form.collection(COLLECTION);
	const seconds = form.wholeNumber(TIMEOUT, TIMEOUT_BOUNDS, TIMEOUT_NOT_SET);
	return seconds === TIMEOUT_NOT_SET ? undefined : seconds * 1000;
}
