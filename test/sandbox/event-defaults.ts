import { randomUUID } from 'node:crypto';

import type { SeamEventType } from '@seamapi/types/connect';

import { eventSchemaOf } from './event-catalog';
import { componentSchemas, type Json } from './openapi-document';
import type { Store } from './store';

// Fills in the fields an emitted event needs (emitEvent / emitEvents), so a
// test can ask for "an acs_user.created event" without spelling out every
// field the schema requires. Ids that name something the sandbox holds point at
// seeded objects (and connected_account_id follows the system or device), so
// filters such as /events/list?device_id=… behave meaningfully; anything else
// gets a plausible value derived from the schema. The result is still checked
// against the schema by the caller: this is a convenience, not a guarantee.

type Schema = { [key: string]: Json };

const isObject = (value: unknown): value is Schema =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields every event has; the factory sets them, not the defaults. */
export const BASE_EVENT_FIELDS = [
	'event_id',
	'event_type',
	'workspace_id',
	'created_at',
	'occurred_at',
] as const;

const first = <T>(values: Iterable<T>): T | undefined => values[Symbol.iterator]().next().value;

// Ids of seeded objects, for required fields that name one.
const seededIds: Record<string, (store: Store) => string | undefined> = {
	acs_system_id: (store) => first(store.acsSystems.keys()),
	acs_entrance_id: (store) => first(store.entrances.keys()),
	acs_access_group_id: (store) => first(store.accessGroups.keys()),
	device_id: (store) => first(store.devices.keys()),
	space_id: (store) => first(store.spaces.keys()),
	user_identity_id: (store) => first(store.userIdentities.keys()),
};

/**
 * The event's own fields (without the base fields): `given` plus a value for
 * every required field it lacks.
 */
export function defaultEventFields(
	store: Store,
	type: SeamEventType,
	given: Record<string, unknown>,
	timestamp: string,
): Record<string, unknown> {
	const schema = eventSchemaOf(type);
	const properties = isObject(schema.properties) ? schema.properties : {};
	const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
	const fields: Record<string, unknown> = { ...given };

	for (const name of required) {
		if (name in fields || name === 'connected_account_id') continue;
		if ((BASE_EVENT_FIELDS as readonly string[]).includes(name)) continue;
		fields[name] = seededIds[name]?.(store) ?? sampleValue(properties[name], timestamp);
	}
	// Last, so it can follow the system or device chosen above.
	if ('connected_account_id' in properties && !('connected_account_id' in fields)) {
		const account = connectedAccountOf(store, fields);
		if (account != null || required.includes('connected_account_id')) {
			fields.connected_account_id = account ?? first(store.devices.values())?.connected_account_id;
		}
	}
	return fields;
}

/** The connected account behind the event's access system or device, if the sandbox holds it. */
export function connectedAccountOf(
	store: Store,
	fields: Record<string, unknown>,
): string | undefined {
	const system =
		typeof fields.acs_system_id === 'string' ? store.acsSystems.get(fields.acs_system_id) : null;
	const device = typeof fields.device_id === 'string' ? store.devices.get(fields.device_id) : null;
	return system?.connected_account_id ?? device?.connected_account_id;
}

/** A minimal value that satisfies `schema`: first enum member, empty list, required fields only. */
function sampleValue(schema: Json | undefined, timestamp: string, depth = 0): unknown {
	if (!isObject(schema) || depth > 8) return null;
	if (typeof schema.$ref === 'string') {
		return sampleValue(
			componentSchemas[schema.$ref.replace('#/components/schemas/', '')],
			timestamp,
			depth + 1,
		);
	}
	for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
		const branches = schema[keyword];
		if (Array.isArray(branches) && branches.length > 0)
			return sampleValue(branches[0], timestamp, depth + 1);
	}
	if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
	switch (schema.type) {
		case 'string':
			if (schema.format === 'uuid') return randomUUID();
			if (schema.format === 'date-time') return timestamp;
			return 'sandbox';
		case 'number':
		case 'integer':
			return typeof schema.minimum === 'number' ? schema.minimum : 0;
		case 'boolean':
			return false;
		case 'array': {
			const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
			return Array.from({ length: minItems }, () =>
				sampleValue(schema.items, timestamp, depth + 1),
			);
		}
		case 'object': {
			const out: Record<string, unknown> = {};
			const properties = isObject(schema.properties) ? schema.properties : {};
			for (const name of Array.isArray(schema.required) ? schema.required : []) {
				if (typeof name === 'string')
					out[name] = sampleValue(properties[name], timestamp, depth + 1);
			}
			return out;
		}
		default:
			return null;
	}
}
