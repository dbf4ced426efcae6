import { invalidInput, SeamApiError } from '../errors';
import type { Input } from '../input';
import type { EventRecord, SeamEvent } from '../store';
import type { RouteTable } from './types';

// Seam's documented default for `limit`; no maximum is documented, so none is applied.
const DEFAULT_LIMIT = 500;

export const eventRoutes: RouteTable = {
	'/events/list': ({ store, input }) => {
		const window = readWindow(input);
		const matches = eventFilter(input);
		const limit = Math.max(1, Math.floor(input.number('limit') ?? DEFAULT_LIMIT));
		const offset = Math.max(0, Math.floor(input.number('unstable_offset') ?? 0));

		// Newest first, as Seam returns them; seq breaks ties between events of the same millisecond.
		const events = store.events
			.filter((record) => {
				const at = Date.parse(record.event.created_at);
				return (
					at > window.after && (window.before == null || at < window.before) && matches(record)
				);
			})
			.sort(
				(a, b) => Date.parse(b.event.created_at) - Date.parse(a.event.created_at) || b.seq - a.seq,
			)
			.slice(offset, offset + limit);
		return { events: events.map(({ event }) => ({ ...event })) };
	},

	'/events/get': ({ store, input }) => {
		const eventId = input.string('event_id');
		const eventType = input.string('event_type');
		const deviceId = input.string('device_id');
		if (eventId == null && eventType == null && deviceId == null) {
			throw invalidInput({ event_id: 'Required: provide event_id (or event_type / device_id)' });
		}
		const found = [...store.events]
			.reverse()
			.find(
				({ event }) =>
					(eventId == null || event.event_id === eventId) &&
					(eventType == null || event.event_type === eventType) &&
					(deviceId == null || event.device_id === deviceId),
			);
		if (found == null) {
			throw new SeamApiError(
				404,
				'event_not_found',
				`Could not find event${eventId == null ? '' : ` with id ${eventId}`}`,
			);
		}
		return { event: { ...found.event } };
	},
};

/**
 * The open interval of created_at ("generation time") to list. Seam requires
 * `since` or `between` and documents `between` as an exclusive interval; for
 * `since` it documents only "beginning generation time": Seam's own fake
 * (seamapi/fake-seam-connect) treats it as exclusive too (created_at > since),
 * and so does the sandbox. An event created exactly at `since` is not listed,
 * so a poller using the newest created_at it saw as the next `since` misses
 * later events of that same millisecond unless it overlaps and dedupes by
 * event_id. Both given: the later lower bound wins.
 */
function readWindow(input: Input): { after: number; before: number | null } {
	const since = input.string('since');
	const between = input.stringArray('between');
	const sinceMs = since == null ? null : toEpochMs(since, 'since');
	if (between != null) {
		if (between.length !== 2)
			throw invalidInput({ between: 'between must contain exactly two timestamps' });
		const [from, to] = between.map((value) => toEpochMs(value, 'between'));
		if (to <= from)
			throw invalidInput({
				between: 'The second timestamp of between must be later than the first',
			});
		return { after: Math.max(from, sinceMs ?? -Infinity), before: to };
	}
	if (sinceMs == null) throw invalidInput({ since: 'Provide since or between' });
	return { after: sinceMs, before: null };
}

// Seam documents since/between as plain strings, so any date JavaScript can
// parse is accepted (e.g. '2025-01-31' as well as full ISO 8601 timestamps).
function toEpochMs(value: string, param: string): number {
	const ms = Date.parse(value);
	if (Number.isNaN(ms))
		throw invalidInput({ [param]: `${param} must be a date or ISO 8601 timestamp` });
	return ms;
}

function eventFilter(input: Input): (record: EventRecord) => boolean {
	const eventType = input.string('event_type');
	const eventTypes = input.stringArray('event_types');
	const identityId = input.string('user_identity_id');
	// Each filter matches the event's own field (e.g. device_id) or its list form
	// (device_ids), so space.* events listing devices match device filters too;
	// access_method.* events name their grants in access_grant_ids.
	const idFilters = [
		idFilter(input, 'event_id', 'event_ids'),
		idFilter(input, 'device_id', 'device_ids'),
		idFilter(input, 'access_code_id', 'access_code_ids'),
		idFilter(input, 'access_grant_id', 'access_grant_ids'),
		idFilter(input, 'access_method_id', 'access_method_ids'),
		idFilter(input, 'acs_system_id', 'acs_system_ids'),
		idFilter(input, 'acs_entrance_id'),
		idFilter(input, 'acs_user_id'),
		idFilter(input, 'acs_credential_id'),
		idFilter(input, 'acs_access_group_id'),
		idFilter(input, 'acs_encoder_id'),
		idFilter(input, 'connected_account_id'),
		idFilter(input, 'connect_webview_id'),
		idFilter(input, 'space_id', 'space_ids'),
	].filter((filter) => filter != null);
	// Events carry no customer; the sandbox models none, so this filter matches nothing.
	const unmodelled = input.has('customer_key');

	return ({ event, user_identity_id: eventIdentityId }) =>
		!unmodelled &&
		(eventType == null || event.event_type === eventType) &&
		(eventTypes == null || eventTypes.includes(event.event_type)) &&
		(identityId == null || eventIdentityId === identityId) &&
		idFilters.every((filter) => filter(event));
}

/**
 * A filter on `<name>` / `<name>s`: the ids asked for (single and list form
 * together), matched against the event's field and its list form. Null when
 * neither parameter is given.
 */
function idFilter(
	input: Input,
	single: string,
	list?: string,
): ((event: SeamEvent) => boolean) | null {
	const one = input.string(single);
	const many = list == null ? undefined : input.stringArray(list);
	if (one == null && many == null) return null;
	const wanted = new Set([...(one == null ? [] : [one]), ...(many ?? [])]);
	return (event) => idsOn(event, single).some((id) => wanted.has(id));
}

function idsOn(event: SeamEvent, field: string): string[] {
	const one = event[field];
	const many = event[`${field}s`];
	return [
		...(typeof one === 'string' ? [one] : []),
		...(Array.isArray(many) ? many.filter((id): id is string => typeof id === 'string') : []),
	];
}
