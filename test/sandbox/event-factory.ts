import { randomUUID } from 'node:crypto';

import type { SeamEventType } from '@seamapi/types/connect';

import { isSeamEventType } from './event-catalog';
import { defaultEventFields } from './event-defaults';
import { appendEvent } from './events';
import type { ContractValidator } from './openapi-validator';
import type { SeamEvent, Store } from './store';

// The sandbox.emitEvent / emitEvents test helpers: events of any type Seam
// documents, recorded exactly like the ones the routes record (same store, same
// /events/list, same webhook delivery), without driving other endpoints first.

export interface EmitOptions {
	/**
	 * created_at and occurred_at of the event(s); default: the current time,
	 * read per event. Give one value to emitEvents to make every event share the
	 * same millisecond, as bursts do on Seam. Must not be in the future.
	 */
	at?: Date | string;
}

export interface EmitManyOptions extends EmitOptions {
	/** Fields given to every event (each still gets its own event_id). */
	fields?: Record<string, unknown>;
}

// The factory owns these; `occurred_at` may be given (an event reported late).
const RESERVED_FIELDS = ['event_id', 'event_type', 'workspace_id', 'created_at'];

/** Builds, validates and records one event; throws (a plain Error) when it would break the schema. */
export function emitEvent(
	store: Store,
	validator: ContractValidator,
	type: SeamEventType,
	fields: Record<string, unknown>,
	at: Date,
): SeamEvent {
	const event = buildEvent(store, type, fields, at);
	const problem = validator.validateComponent('event', event);
	if (problem != null) {
		throw new Error(
			`emitEvent('${type}'): the event does not match Seam's event schema: ${problem}. ` +
				'Pass the missing or corrected fields explicitly.',
		);
	}
	return { ...appendEvent(store, event) };
}

function buildEvent(
	store: Store,
	type: SeamEventType,
	fields: Record<string, unknown>,
	at: Date,
): SeamEvent {
	if (!isSeamEventType(type)) {
		throw new Error(`emitEvent: '${String(type)}' is not an event type Seam documents`);
	}
	const reserved = RESERVED_FIELDS.filter((name) => name in fields);
	if (reserved.length > 0) {
		throw new Error(
			`emitEvent('${type}'): ${reserved.join(', ')} are set by the sandbox (use the \`at\` option for the timestamp)`,
		);
	}
	const timestamp = at.toISOString();
	const { occurred_at: occurredAt, ...rest } = fields;
	return {
		event_id: randomUUID(),
		event_type: type,
		workspace_id: store.workspace.workspace_id,
		created_at: timestamp,
		// Anything but a string or Date is kept as given, for the schema check to report.
		occurred_at: (occurredAt === undefined
			? timestamp
			: occurredAt instanceof Date
				? occurredAt.toISOString()
				: occurredAt) as string,
		...defaultEventFields(store, type, rest, timestamp),
	};
}

/** Resolves EmitOptions.at; refuses dates that cannot be parsed or lie in the future. */
export function emitTimestamp(at: Date | string | undefined, now: Date): Date | null {
	if (at == null) return null;
	const date = at instanceof Date ? at : new Date(at);
	if (Number.isNaN(date.getTime())) throw new Error(`emitEvent: invalid \`at\`: ${String(at)}`);
	if (date.getTime() > now.getTime()) {
		throw new Error('emitEvent: `at` lies in the future; Seam records events when they happen');
	}
	return date;
}
