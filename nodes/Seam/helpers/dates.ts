import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type * as LuxonModule from '../../../vendor/luxon';

let luxon: Promise<typeof LuxonModule> | undefined;
async function loadLuxon(): Promise<typeof LuxonModule> {
	if (!luxon) luxon = import('../../../vendor/luxon');
	return await luxon;
}

function looksLikeLuxon(value: unknown): value is { toISO: () => string | null } {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	);
}

/**
 * Reads an n8n date field (a date picker value, an ISO string from an expression, a Date or a
 * Luxon DateTime) as an ISO 8601 instant. Values without a time zone are read in the workflow's
 * time zone, as n8n's date picker means them.
 */
export async function readDateTime(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): Promise<string | undefined> {
	if (value === undefined || value === null || value === '') return undefined;
	if (value instanceof Date) {
		if (!Number.isNaN(value.getTime())) return value.toISOString();
	} else if (looksLikeLuxon(value)) {
		const iso = value.toISO();
		if (iso) return new Date(iso).toISOString();
	} else if (typeof value === 'string') {
		const { DateTime } = await loadLuxon();
		const parsed = DateTime.fromISO(value.trim(), { zone: context.getTimezone() });
		if (parsed.isValid) return parsed.toUTC().toISO() ?? undefined;
	}
	throw new NodeOperationError(
		context.getNode(),
		`${field}: "${String(value)}" is not a valid date and time`,
		{
			itemIndex,
			description:
				'Use an ISO 8601 date and time, e.g. 2025-02-10T15:00:00Z, or pick one in the date picker.',
		},
	);
}

export function assertEndsAfterStarts(
	context: IExecuteFunctions,
	startsAt: string | undefined,
	endsAt: string | undefined,
	fields: { starts: string; ends: string },
	itemIndex: number,
): void {
	if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
		throw new NodeOperationError(
			context.getNode(),
			`${fields.ends} must be after ${fields.starts}`,
			{ itemIndex, description: `${fields.starts} is ${startsAt}, ${fields.ends} is ${endsAt}.` },
		);
	}
}

/** Reads a starts/ends pair, both optional, and checks their order. */
export async function readTimeWindow(
	context: IExecuteFunctions,
	values: { startsAt: unknown; endsAt: unknown },
	fields: { starts: string; ends: string },
	itemIndex: number,
): Promise<{ starts_at?: string; ends_at?: string }> {
	const startsAt = await readDateTime(context, values.startsAt, fields.starts, itemIndex);
	const endsAt = await readDateTime(context, values.endsAt, fields.ends, itemIndex);
	assertEndsAfterStarts(context, startsAt, endsAt, fields, itemIndex);
	const window: { starts_at?: string; ends_at?: string } = {};
	if (startsAt) window.starts_at = startsAt;
	if (endsAt) window.ends_at = endsAt;
	return window;
}

/** An ACS user's access schedule: both ends or neither. */
export async function readAccessSchedule(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<{ starts_at: string; ends_at: string } | undefined> {
	const fields = { starts: 'Access Starts At', ends: 'Access Ends At' };
	const window = await readTimeWindow(
		context,
		{
			startsAt: context.getNodeParameter('startsAt', itemIndex, ''),
			endsAt: context.getNodeParameter('endsAt', itemIndex, ''),
		},
		fields,
		itemIndex,
	);
	if (!window.starts_at && !window.ends_at) return undefined;
	if (!window.starts_at || !window.ends_at) {
		throw new NodeOperationError(
			context.getNode(),
			`${fields.starts} and ${fields.ends} go together`,
			{
				itemIndex,
				description:
					'An access schedule needs both a start and an end. Leave both empty for access without a schedule.',
			},
		);
	}
	return { starts_at: window.starts_at, ends_at: window.ends_at };
}
