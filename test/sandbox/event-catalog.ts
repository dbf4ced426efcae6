import type { SeamEventType } from '@seamapi/types/connect';

import { componentSchemas, type Json } from './openapi-document';

// Every event type Seam documents, read from the `event` schema of the OpenAPI
// document (a union tagged by event_type), so webhooks and the emitEvent test
// helper accept exactly the types Seam does, with the fields each one carries.

type Schema = { [key: string]: Json };

const isObject = (value: unknown): value is Schema =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function readBranches(): Map<string, Schema> {
	const event = componentSchemas.event;
	const union = isObject(event) ? (event.oneOf ?? event.anyOf) : undefined;
	if (!Array.isArray(union)) throw new Error('The OpenAPI event schema is not a union');
	const branches = new Map<string, Schema>();
	for (const branch of union) {
		const properties = isObject(branch) ? branch.properties : undefined;
		const tag = isObject(properties) ? properties.event_type : undefined;
		if (!isObject(branch) || !isObject(tag) || !Array.isArray(tag.enum)) continue;
		for (const type of tag.enum) if (typeof type === 'string') branches.set(type, branch);
	}
	return branches;
}

const branches = readBranches();

export const SEAM_EVENT_TYPES: readonly SeamEventType[] = [...branches.keys()] as SeamEventType[];

export function isSeamEventType(value: string): value is SeamEventType {
	return branches.has(value);
}

/** The schema of one event type (its branch of the `event` union). */
export function eventSchemaOf(type: SeamEventType): Schema {
	const branch = branches.get(type);
	if (branch == null) throw new Error(`Unknown Seam event type: ${type}`);
	return branch;
}
