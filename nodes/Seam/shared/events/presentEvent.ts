import type { IDataObject } from 'n8n-workflow';

/**
 * The output item: the event object exactly as Seam sends it, with `event_type`, `event_id` and
 * the other IDs first, so the fields a workflow branches on are at the top of n8n's data view.
 * Webhook deliveries and polled events come out identical.
 */
export function presentEvent(event: IDataObject): IDataObject {
	const keys = Object.keys(event);
	const lead = ['event_type', 'event_id'].filter((key) => key in event);
	const ids = keys.filter((key) => !lead.includes(key) && /_ids?$/.test(key));
	const rest = keys.filter((key) => !lead.includes(key) && !ids.includes(key));
	const presented: IDataObject = {};
	for (const key of [...lead, ...ids, ...rest]) presented[key] = event[key];
	return presented;
}
