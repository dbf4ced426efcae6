import type { INodeProperties } from 'n8n-workflow';

import type { FormReader } from '../parameters';
import { ALLOW_ACCESS_WITHOUT_END } from './openEndedAccess';

const STARTS = { name: 'startsAt', label: 'Access Starts At' };
const ENDS = { name: 'endsAt', label: 'Access Ends At' };

export const accessScheduleFields = (required: boolean): INodeProperties[] => [
	{
		displayName: STARTS.label,
		name: STARTS.name,
		type: 'dateTime',
		default: '',
		required,
		description: "When access begins. Without a time zone, the workflow's time zone applies.",
	},
	{
		displayName: ENDS.label,
		name: ENDS.name,
		type: 'dateTime',
		default: '',
		required,
		description: 'When access ends; must be after the start',
	},
];

/**
 * An ACS user's access schedule: both ends or neither, since Seam replaces the whole schedule and
 * a missing end would mean access that never ends. `bothEmpty` says what leaving both empty
 * means for this operation; with `endRequired`, neither is refused too.
 */
export async function readAccessSchedule(
	form: FormReader,
	{ endRequired, bothEmpty }: { endRequired: boolean; bothEmpty: string },
): Promise<{ starts_at: string; ends_at: string } | undefined> {
	const window = await form.timeWindow(
		STARTS,
		ENDS,
		endRequired ? { allowed: false, switchLabel: ALLOW_ACCESS_WITHOUT_END } : undefined,
	);
	if (!window.starts_at && !window.ends_at) return undefined;
	if (!window.starts_at || !window.ends_at) {
		form.fail(
			`${STARTS.label} and ${ENDS.label} go together`,
			`An access schedule needs both a start and an end. Leave both empty to ${bothEmpty}.`,
		);
	}
	return { starts_at: window.starts_at, ends_at: window.ends_at };
}
