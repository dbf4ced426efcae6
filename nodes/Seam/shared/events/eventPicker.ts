import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { SEAM_EVENT_TYPES } from './eventTypes';

// The event picker both trigger nodes share: which event types start the workflow, and optional
// filters on the device or access system an event is about.

/** Every event, including types Seam adds after this package was built. */
export const ALL_EVENTS = '*';
/** `access_method.*` stands for every access_method event type in the generated list. */
export const GROUP_WILDCARD_SUFFIX = '.*';

/** Seam groups event types by the resource before the first dot: `access_method.issued`. */
export function eventGroupOf(eventType: string): string {
	const dot = eventType.indexOf('.');
	return dot === -1 ? eventType : eventType.slice(0, dot);
}

function groupLabel(group: string): string {
	return group
		.split('_')
		.map((word) => (word === 'acs' ? 'ACS' : word.charAt(0).toUpperCase() + word.slice(1)))
		.join(' ');
}

/**
 * "All Events", then one block per group (alphabetical): the group's wildcard, then its event
 * types. Names are Seam's own event type strings, the ones its docs and console show.
 */
function buildEventOptions(): INodePropertyOptions[] {
	const groups = new Map<string, typeof SEAM_EVENT_TYPES>();
	for (const info of SEAM_EVENT_TYPES) {
		const group = eventGroupOf(info.type);
		groups.set(group, [...(groups.get(group) ?? []), info]);
	}
	const options: INodePropertyOptions[] = [
		{
			name: 'All Events',
			value: ALL_EVENTS,
			description: 'Every event in the workspace, including event types Seam adds later',
		},
	];
	for (const group of [...groups.keys()].sort()) {
		options.push({
			name: `All ${groupLabel(group)} Events`,
			value: `${group}${GROUP_WILDCARD_SUFFIX}`,
			description: `Every ${group}.… event type listed below`,
		});
		for (const info of groups.get(group) ?? []) {
			options.push({
				name: info.type,
				value: info.type,
				description: info.deprecated
					? `${info.description} Deprecated: ${info.deprecated}`
					: info.description,
			});
		}
	}
	return options;
}

export const eventOptions = buildEventOptions();

export const eventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	default: [],
	options: eventOptions,
	description:
		'The Seam events that start the workflow. access_method.issued: an Access Grant\'s PIN is ready, in the event\'s "code" (send it to the guest). lock.access_denied, device.disconnected: alert staff. lock.unlocked: log entries.',
};

export const filtersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description: 'Only events about these devices or access systems (either one matching is enough)',
	options: [
		{
			displayName: 'Device Names or IDs',
			name: 'deviceIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getDevices' },
			default: [],
			description:
				'Only events whose device_id is one of these (lock.*, device.*, access_code.* events). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Access System Names or IDs',
			name: 'acsSystemIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getAcsSystems' },
			default: [],
			description:
				'Only events whose acs_system_id is one of these (acs_*.* events, and lock events on access-system doors). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
};
