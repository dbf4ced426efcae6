import { invalidInput, SeamApiError } from '../errors';
import type { Input } from '../input';
import type { EventRecord, SeamEvent } from '../store';
import type { RouteTable } from './types';

export const eventRoutes: RouteTable = {
	'/events/list': ({ store, input }) => {
		const window = readWindow(input);
		const matches = eventFilter(input);
		const limit = Math.max(1, Math.floor(input.number('limit') ?? 500));
		const offset = Math.max(0, Math.floor(input.number('unstable_offset') ?? 0));

		// Newest first, as Seam returns them; seq breaks ties between events of the same millisecond.
		const events = [...store.events]
			.filter((record) => {
				const at = Date.parse(record.event.occurred_at);
				return at >= window.from && (window.to == null || at < window.to) && matches(record);
			})
			.sort(
				(a, b) =>
					Date.parse(b.event.occurred_at) - Date.parse(a.event.occurred_at) || b.seq - a.seq,
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

/** Seam requires `since` or `between`; `between` is an exclusive [from, to) interval here. */
function readWindow(input: Input): { from: number; to: number | null } {
	const since = input.string('since');
	const between = input.stringArray('between');
	if (between != null) {
		if (between.length !== 2)
			throw invalidInput({ between: 'between must contain exactly two timestamps' });
		const [from, to] = between.map((value) => toEpochMs(value, 'between'));
		if (to <= from)
			throw invalidInput({
				between: 'The second timestamp of between must be later than the first',
			});
		return { from: Math.max(from, since == null ? -Infinity : toEpochMs(since, 'since')), to };
	}
	if (since == null) throw invalidInput({ since: 'Provide since or between' });
	return { from: toEpochMs(since, 'since'), to: null };
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
	const eventIds = input.stringArray('event_ids');
	const systemId = input.string('acs_system_id');
	const systemIds = input.stringArray('acs_system_ids');
	const userId = input.string('acs_user_id');
	const credentialId = input.string('acs_credential_id');
	const connectedAccountId = input.string('connected_account_id');
	const identityId = input.string('user_identity_id');
	const grantIds = idFilter(input, 'access_grant_id', 'access_grant_ids');
	const methodIds = idFilter(input, 'access_method_id', 'access_method_ids');

	// Filters on resources the sandbox never emits events for (devices, access codes, …) match nothing.
	const unmodelled = [
		'device_id',
		'device_ids',
		'access_code_id',
		'access_code_ids',
		'acs_access_group_id',
		'acs_encoder_id',
		'acs_entrance_id',
		'connect_webview_id',
		'space_id',
		'space_ids',
		'customer_key',
	].some((name) => input.has(name));

	return ({ event, user_identity_id: eventIdentityId }) =>
		!unmodelled &&
		(eventType == null || event.event_type === eventType) &&
		(eventTypes == null || eventTypes.includes(event.event_type)) &&
		(eventIds == null || eventIds.includes(event.event_id)) &&
		(systemId == null || event.acs_system_id === systemId) &&
		(systemIds == null || systemIds.includes(String(event.acs_system_id))) &&
		(userId == null || event.acs_user_id === userId) &&
		(credentialId == null || event.acs_credential_id === credentialId) &&
		(connectedAccountId == null || event.connected_account_id === connectedAccountId) &&
		(identityId == null || eventIdentityId === identityId) &&
		(grantIds == null || grantsOf(event).some((id) => grantIds.has(id))) &&
		(methodIds == null ||
			(typeof event.access_method_id === 'string' && methodIds.has(event.access_method_id)));
}

/** The single and the list form of a filter together, or null when neither is given. */
function idFilter(input: Input, single: string, list: string): Set<string> | null {
	const one = input.string(single);
	const many = input.stringArray(list);
	if (one == null && many == null) return null;
	return new Set([...(one == null ? [] : [one]), ...(many ?? [])]);
}

/**
 * access_grant.* events name their grant in access_grant_id, access_method.*
 * events list theirs in access_grant_ids: filtering by a grant finds both.
 */
function grantsOf(event: SeamEvent): string[] {
	const ids = Array.isArray(event.access_grant_ids) ? (event.access_grant_ids as string[]) : [];
	return typeof event.access_grant_id === 'string' ? [event.access_grant_id, ...ids] : ids;
}
