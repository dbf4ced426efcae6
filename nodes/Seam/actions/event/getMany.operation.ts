import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection } from '../../shared/descriptions/filters';
import { accessGrantLocator, lockLocator, spaceLocator } from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { eventOptions } from '../../shared/events/eventPicker';
import { expandEventChoices } from '../../shared/events/eventSelection';
import { presentEvent } from '../../shared/events/presentEvent';
import { describeValue, type Field, type FormReader, readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';
import { type EventRange, readEventsNewestFirst } from './eventPages';

type ListParams = SeamParams<SeamClient['events']['list']>;
/** The filters of a list request; the range (since or between) comes with each page. */
type ListFilters = Omit<ListParams, 'since' | 'between' | 'limit' | 'unstable_offset'>;

export const option: OperationOption = {
	name: 'Get Many',
	description:
		"List what happened in a time range, newest first: unlocks and locks (lock.unlocked, lock.locked, action_attempt.*), denied entries, PIN codes set or failing, devices going offline. Filter by event type, lock, access code, Access Grant or space. Each event is Seam's event object, as the triggers give it.",
	action: 'Get many events',
};

const PERIOD: Field = { name: 'period', label: 'Period' };
const SINCE: Field = { name: 'since', label: 'Since' };
const AFTER: Field = { name: 'after', label: 'After' };
const BEFORE: Field = { name: 'before', label: 'Before' };
const EVENT_TYPES: Field = { name: 'filters.eventTypes', label: 'Event Types' };

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	{
		displayName: 'Period',
		name: PERIOD.name,
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Since',
				value: 'since',
				description: 'Events from a point in time until now',
			},
			{
				name: 'Between',
				value: 'between',
				description: 'Events between two points in time',
			},
		],
		default: 'since',
		description: 'Seam lists events of a time range only',
	},
	{
		displayName: 'Since',
		name: SINCE.name,
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: { period: ['since'] } },
		description:
			"Events created after this time, e.g. {{ $now.minus({ hours: 24 }) }} for the last day. Without a time zone, the workflow's time zone applies.",
	},
	{
		displayName: 'After',
		name: AFTER.name,
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: { period: ['between'] } },
		description:
			"Events created after this time. Without a time zone, the workflow's time zone applies.",
	},
	{
		displayName: 'Before',
		name: BEFORE.name,
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: { period: ['between'] } },
		description: 'Events created before this time; must be later than After',
	},
	...returnAllOrLimit,
	filtersCollection([
		accessGrantLocator({
			required: false,
			description: "Only events about this Access Grant (e.g. its PIN's access_method.issued)",
		}),
		{
			displayName: 'Access Code ID',
			name: 'accessCodeId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 33333333-3333-3333-3333-333333333333',
			description: 'Only events about this access code (a PIN on a lock)',
		},
		{
			displayName: 'Event Types',
			name: 'eventTypes',
			type: 'multiOptions',
			options: eventOptions,
			default: [],
			description:
				'Only events of these types. Empty: every type. E.g. lock.unlocked (someone opened the lock, by PIN, key or remotely), action_attempt.unlock_door.failed, access_code.failed_to_set_on_device.',
		},
		lockLocator({ required: false, description: 'Only events about this lock' }),
		spaceLocator({ required: false, description: 'Only events about this space (e.g. a unit)' }),
	]),
];

async function requiredDate(form: FormReader, field: Field): Promise<string> {
	const value = await form.dateTime(field);
	if (value !== undefined) return value;
	return form.fail(
		`${field.label} is required`,
		`Seam lists the events of a time range only. ${field.label} resolved to ${describeValue(form.raw(field.name))}. Give a date and time, e.g. 2025-02-10T15:00:00Z, or an expression such as {{ $now.minus({ days: 1 }) }}.`,
	);
}

async function readRange(form: FormReader): Promise<EventRange> {
	const period = form.choice<'since' | 'between'>(PERIOD, [
		{ name: 'Since', value: 'since' },
		{ name: 'Between', value: 'between' },
	]);
	if (period === 'since') return { after: await requiredDate(form, SINCE) };
	const after = await requiredDate(form, AFTER);
	const before = await requiredDate(form, BEFORE);
	if (Date.parse(before) <= Date.parse(after)) {
		form.fail(
			`${BEFORE.label} must be later than ${AFTER.label}`,
			`${AFTER.label} is ${after}, ${BEFORE.label} is ${before}: no event can lie between them.`,
		);
	}
	return { after, before };
}

/** The chosen event types; group choices ("All Lock Events") become their types. */
function readEventTypes(form: FormReader): string[] | undefined {
	const raw = form.raw(EVENT_TYPES.name);
	if (raw === null || raw === undefined || raw === '') return undefined;
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined;
	if (!list || list.some((entry) => typeof entry !== 'string')) {
		return form.fail(
			`${EVENT_TYPES.label}: ${describeValue(raw)} is not a list of event types`,
			'Give a list of Seam event types, or event types separated by commas, e.g. lock.unlocked, lock.locked.',
		);
	}
	const choices = (list as string[]).map((entry) => entry.trim()).filter((entry) => entry !== '');
	if (choices.length === 0) return undefined;
	const expanded = expandEventChoices(choices);
	if (typeof expanded === 'string') {
		return form.fail(
			`${EVENT_TYPES.label}: ${expanded}`,
			'Seam event types look like lock.unlocked or access_code.set_on_device; choose them from the list.',
		);
	}
	return expanded.eventTypes;
}

function readFilters(form: FormReader): ListFilters {
	const params: ListFilters = {};
	const event_types = readEventTypes(form);
	const device_id = form.optionalId({ name: 'filters.deviceId', label: 'Lock' });
	const access_code_id = form.optionalId({ name: 'filters.accessCodeId', label: 'Access Code ID' });
	const access_grant_id = form.optionalId({ name: 'filters.accessGrantId', label: 'Access Grant' });
	const space_id = form.optionalId({ name: 'filters.spaceId', label: 'Space' });
	if (event_types) params.event_types = event_types as ListFilters['event_types'];
	if (device_id) params.device_id = device_id;
	if (access_code_id) params.access_code_id = access_code_id;
	if (access_grant_id) params.access_grant_id = access_grant_id;
	if (space_id) params.space_id = space_id;
	return params;
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const range = await readRange(form);
	const filters = readFilters(form);
	const limits = form.returnLimit();
	const events = await readEventsNewestFirst(
		async (window) =>
			(await api.call(
				(seam) => seam.events.list({ ...filters, ...window } as ListParams),
				i,
			)) as unknown as IDataObject[],
		range,
		limits,
	);
	return events.map(presentEvent);
}
