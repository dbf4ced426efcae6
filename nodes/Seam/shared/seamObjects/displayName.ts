import type { IDataObject } from 'n8n-workflow';

/**
 * What to call a Seam object in a list or a message: the name Seam shows (`display_name`), else
 * the name the device itself reports (`properties.name`), else the object's own `name`, else its
 * ID, so that a label is never empty or "undefined".
 */
export function displayName(thing: IDataObject, id: unknown): string {
	return String(
		thing.display_name ?? (thing.properties as IDataObject | undefined)?.name ?? thing.name ?? id,
	);
}
