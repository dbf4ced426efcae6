import type { IDataObject } from 'n8n-workflow';

import { ALL_EVENTS, eventGroupOf, GROUP_WILDCARD_SUFFIX } from './eventPicker';
import { SEAM_EVENT_TYPES } from './eventTypes';

// What the user picked in the event picker, in the form the rest of the trigger works with.

export interface EventSelection {
	/** The event types to ask Seam for, sorted; undefined means every event. */
	eventTypes?: string[];
	deviceIds: string[];
	acsSystemIds: string[];
}

/** Reads a node parameter (the node's getNodeParameter with a fallback). */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

/** The selection, or what is wrong with the node's parameters. */
export type SelectionResult =
	| { ok: true; selection: EventSelection }
	| { ok: false; problem: string };

// A well-formed type that is not in the generated list (Seam added it after this release) is
// passed on: Seam itself says whether it exists.
const EVENT_TYPE_PATTERN = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;

/** Expressions may give a comma-separated string instead of a list. */
function toList(value: unknown): string[] {
	const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return items.map((item) => String(item).trim()).filter((item) => item !== '');
}

/**
 * Group wildcards become the group's event types; "All Events" wins over everything else
 * (eventTypes undefined). A string is what is wrong.
 */
export function expandEventChoices(choices: string[]): { eventTypes?: string[] } | string {
	if (choices.length === 0) return 'Choose at least one event in "Events"';
	if (choices.includes(ALL_EVENTS)) return {};
	const types = new Set<string>();
	for (const choice of choices) {
		if (choice.endsWith(GROUP_WILDCARD_SUFFIX)) {
			const group = choice.slice(0, -GROUP_WILDCARD_SUFFIX.length);
			const members = SEAM_EVENT_TYPES.filter((info) => eventGroupOf(info.type) === group);
			if (members.length === 0) return `"${choice}" names no group of Seam event types`;
			for (const info of members) types.add(info.type);
		} else if (EVENT_TYPE_PATTERN.test(choice)) {
			types.add(choice);
		} else {
			return `"${choice}" is not a Seam event type`;
		}
	}
	return { eventTypes: [...types].sort() };
}

export function readEventSelection(read: ParameterReader): SelectionResult {
	const expanded = expandEventChoices(toList(read('events', [])));
	if (typeof expanded === 'string') return { ok: false, problem: expanded };
	const filters = (read('filters', {}) ?? {}) as IDataObject;
	return {
		ok: true,
		selection: {
			...expanded,
			deviceIds: toList(filters.deviceIds),
			acsSystemIds: toList(filters.acsSystemIds),
		},
	};
}

function idsOf(event: IDataObject, single: string, list: string): string[] {
	const ids = Array.isArray(event[list]) ? (event[list] as unknown[]).map(String) : [];
	return typeof event[single] === 'string' ? [event[single] as string, ...ids] : ids;
}

/**
 * Whether an event belongs in the output: one of the chosen types, and, when filters are set,
 * about one of the chosen devices or access systems.
 */
export function matchesSelection(event: IDataObject, selection: EventSelection): boolean {
	if (selection.eventTypes && !selection.eventTypes.includes(String(event.event_type))) {
		return false;
	}
	const { deviceIds, acsSystemIds } = selection;
	if (deviceIds.length === 0 && acsSystemIds.length === 0) return true;
	return (
		idsOf(event, 'device_id', 'device_ids').some((id) => deviceIds.includes(id)) ||
		idsOf(event, 'acs_system_id', 'acs_system_ids').some((id) => acsSystemIds.includes(id))
	);
}

/** Seam echoes "every event" as ['*']; an empty list is read the same way. */
function normalised(types: string[] | undefined): string[] {
	if (!types || types.length === 0 || types.includes(ALL_EVENTS)) return [ALL_EVENTS];
	return [...new Set(types)].sort();
}

/** Same event types in any order (used to notice that a registered webhook no longer fits). */
export function sameEventTypes(a: string[] | undefined, b: string[] | undefined): boolean {
	const left = normalised(a);
	const right = normalised(b);
	return left.length === right.length && left.every((type, index) => type === right[index]);
}
