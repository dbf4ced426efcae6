import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { saying } from '../../shared/access/errorNote';
import { type FormReader, readForm } from '../../shared/parameters';
import { applyStayPlan, removeGrants } from '../../shared/stays/applyStayPlan';
import { bookingsInCalendar } from '../../shared/stays/calendar';
import { feedLabel } from '../../shared/stays/calendar/feedProblems';
import { ownedGrants } from '../../shared/stays/ownedGrants';
import {
	learnPinGenerators,
	pinProblems,
	resolveUnits,
	type StayDoors,
} from '../../shared/stays/stayDoors';
import { planSync, type SyncChange, type WantedBooking } from '../../shared/stays/syncPlan';
import { readableTime, stayTimes } from '../../shared/stays/stayTimes';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';
import {
	bufferOptions,
	dateProperties,
	doorProperties,
	doorRequest,
	F,
	guestIdOption,
	guestProperties,
	onlyWhen,
	pinProperties,
	readBookingTimes,
	readGuest,
	readPinCode,
	WEEK_IN_MINUTES,
} from './bookingFields';
import { RESERVATION, readTimeZone, reservationIdField, timeZoneOption } from './stayFields';

const SOURCES = [
	{
		name: 'iCal Feed',
		value: 'ical',
		description: "A listing's calendar export (Airbnb, Booking.com, Vrbo…): one feed per unit",
	},
	{
		name: 'Input Items',
		value: 'items',
		description: 'One input item per booking, e.g. the reservation list from your PMS',
	},
];

const ICAL_PINS = [
	{ name: 'Seam Chooses', value: 'seam' },
	{
		name: "Last 4 Digits of the Guest's Phone",
		value: 'phoneDigits',
		description: 'When the feed carries them (Airbnb does); otherwise Seam chooses',
	},
];

const S = {
	source: { name: 'source', label: 'Source' },
	prefix: { name: 'stayKeyPrefix', label: 'Stay Key Prefix' },
	icalUrl: { name: 'icalUrl', label: 'iCal Feed URL' },
	dryRun: { name: 'dryRun', label: 'Dry Run' },
	icalPin: { name: 'icalPinChoice', label: 'PIN' },
} as const;

const FOR_ICAL = { source: ['ical'] };
const FOR_ITEMS = { source: ['items'] };

export const option: OperationOption = {
	name: 'Sync Stays',
	description:
		"Make Seam match a listing's full list of bookings (an iCal feed, or one input item per booking): create, update, move and revoke stays; with Dry Run, only say what would change",
	action: 'Sync stays with a list of bookings',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			'Give the complete current list of bookings. New ones get a stay, changed ones are updated or moved, and stays that are no longer in the list are revoked, but only stays whose reservation key starts with the Stay Key Prefix: use one prefix per listing or source.',
		name: 'syncNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: S.source.label,
		name: S.source.name,
		type: 'options',
		options: SOURCES,
		default: 'ical',
	},
	{
		displayName: S.prefix.label,
		name: S.prefix.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. airbnb-unit-101:',
		description:
			"Marks the stays this sync owns: each stay's reservation key is this prefix followed by the reservation ID. Stays of other prefixes (other listings, other workflows) are never touched.",
	},
	{
		displayName: S.icalUrl.label,
		name: S.icalUrl.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://www.airbnb.com/calendar/ical/12345.ics?s=…',
		description: "The listing's calendar export link, from your channel's calendar settings",
		displayOptions: { show: FOR_ICAL },
	},
	...onlyWhen([reservationIdField, ...guestProperties], FOR_ITEMS),
	...doorProperties(['spaceKeys', 'spaces']),
	...onlyWhen(dateProperties, FOR_ITEMS),
	{
		displayName: 'Check-In Time',
		name: F.checkInTime.name,
		type: 'string',
		default: '15:00',
		placeholder: 'e.g. 15:00',
		description: "The property's check-in time, for bookings the feed gives as days",
		displayOptions: { show: FOR_ICAL },
	},
	{
		displayName: 'Check-Out Time',
		name: F.checkOutTime.name,
		type: 'string',
		default: '11:00',
		placeholder: 'e.g. 11:00',
		description: "The property's check-out time, for bookings the feed gives as days",
		displayOptions: { show: FOR_ICAL },
	},
	...onlyWhen(pinProperties, FOR_ITEMS),
	{
		displayName: S.icalPin.label,
		name: S.icalPin.name,
		type: 'options',
		options: ICAL_PINS,
		default: 'seam',
		displayOptions: { show: FOR_ICAL },
	},
	{
		displayName: S.dryRun.label,
		name: S.dryRun.name,
		type: 'boolean',
		default: false,
		description:
			'Whether to only return the plan (one item per change, with the reason) and change nothing in Seam',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...bufferOptions,
			{ ...guestIdOption, description: `${guestIdOption.description} (input items only)` },
			timeZoneOption,
		],
	},
];

interface SyncRun {
	prefix: string;
	by: 'spaces' | 'spaceKeys';
	unitsLabel: string;
	timeZone: string;
	dryRun: boolean;
	wanted: WantedBooking[];
}

function readPrefix(form: FormReader): string {
	return form.requiredText(S.prefix);
}

function unitsOf(form: FormReader): {
	by: 'spaces' | 'spaceKeys';
	values: string[];
	label: string;
} {
	const request = doorRequest(form);
	return request as { by: 'spaces' | 'spaceKeys'; values: string[]; label: string };
}

/** The bookings of an n8n run's input items: the whole list, one item each. */
async function bookingsFromItems(context: IExecuteFunctions): Promise<SyncRun> {
	const first = readForm(context, 0);
	const prefix = readPrefix(first);
	const timeZone = await readTimeZone(first, context.getTimezone());
	const dryRun = first.boolean(S.dryRun, false);
	let by: SyncRun['by'] = 'spaceKeys';
	let unitsLabel = '';
	const wanted: WantedBooking[] = [];
	const items = context.getInputData();
	for (let i = 0; i < items.length; i++) {
		const form = readForm(context, i);
		const reservationId = form.requiredText(RESERVATION);
		const guest = readGuest(form);
		const units = unitsOf(form);
		by = units.by;
		unitsLabel = units.label;
		const times = await readBookingTimes(form, timeZone, false);
		const { code } = await readPinCode(form, guest.phone);
		wanted.push({
			reservationId,
			reservationKey: `${prefix}${reservationId}`,
			guest,
			units: units.values,
			times,
			code,
			item: i,
		});
	}
	return { prefix, by, unitsLabel, timeZone, dryRun, wanted };
}

/** The bookings of one listing's iCal feed (input item i): fetched through n8n, then parsed. */
async function bookingsFromFeed(context: IExecuteFunctions, i: number): Promise<SyncRun> {
	const form = readForm(context, i);
	const prefix = readPrefix(form);
	const url = form.requiredText(S.icalUrl);
	const units = unitsOf(form);
	const timeZone = await readTimeZone(form, context.getTimezone());
	const dryRun = form.boolean(S.dryRun, false);
	const phoneDigits = form.choice<'seam' | 'phoneDigits'>(S.icalPin, ICAL_PINS) === 'phoneDigits';
	const buffer = { min: 0, max: WEEK_IN_MINUTES };
	const bufferBeforeMinutes = form.wholeNumber(F.bufferBefore, buffer, 0);
	const bufferAfterMinutes = form.wholeNumber(F.bufferAfter, buffer, 0);
	const checkInTime = form.raw(F.checkInTime.name);
	const checkOutTime = form.raw(F.checkOutTime.name);

	let text: string;
	try {
		text = String(
			await context.helpers.httpRequest({ method: 'GET', url, json: false, encoding: 'text' }),
		);
	} catch (error) {
		// A feed link's query is its secret (Airbnb's ?s=, Booking.com's ?t=): errors show the link
		// without it, as the calendar's own errors do.
		const label = feedLabel(url);
		const said = String((error as Error).message ?? error)
			.split(url)
			.join(label);
		throw new NodeOperationError(context.getNode(), `Could not read the iCal feed at ${label}`, {
			itemIndex: i,
			description: `${said}. Nothing was changed in Seam.`,
		});
	}
	const bookings = await form.check(async () => await bookingsInCalendar(text, url, { timeZone }));
	const wanted: WantedBooking[] = [];
	for (const booking of bookings) {
		const allDay = 'date' in booking.checkIn;
		const times = await form.check(
			async () =>
				await stayTimes({
					datesAre: allDay ? 'dates' : 'dateTimes',
					checkIn: 'date' in booking.checkIn ? booking.checkIn.date : booking.checkIn.dateTime,
					checkOut: 'date' in booking.checkOut ? booking.checkOut.date : booking.checkOut.dateTime,
					checkInTime,
					checkOutTime,
					timeZone,
					bufferBeforeMinutes,
					bufferAfterMinutes,
					now: new Date(),
					refuseEnded: false,
				}),
		);
		wanted.push({
			reservationId: booking.reservationId,
			reservationKey: `${prefix}${booking.reservationId}`,
			guest: { name: booking.guestName ?? `Guest of ${booking.reservationId}` },
			units: units.values,
			times,
			code: phoneDigits ? booking.phoneLastDigits : undefined,
			item: i,
		});
	}
	return { prefix, by: units.by, unitsLabel: units.label, timeZone, dryRun, wanted };
}

function assertUnique(context: IExecuteFunctions, wanted: WantedBooking[]): void {
	const first = new Map<string, number>();
	for (const booking of wanted) {
		const earlier = first.get(booking.reservationKey);
		if (earlier !== undefined) {
			throw new NodeOperationError(
				context.getNode(),
				`Reservation ${booking.reservationId} appears twice in the source`,
				{
					itemIndex: booking.item,
					description: `Items ${earlier} and ${booking.item} (or two feed events) have the same reservation ID. A sync needs each booking once; nothing was changed in Seam.`,
				},
			);
		}
		first.set(booking.reservationKey, booking.item);
	}
}

/** The doors of one booking: its units' doors together. */
function doorsOf(
	booking: WantedBooking,
	units: Map<string, StayDoors>,
	by: SyncRun['by'],
): StayDoors {
	const parts = booking.units.map((unit) => units.get(unit) as StayDoors);
	return {
		spaceIds: parts.flatMap((p) => p.spaceIds),
		spaceNames: parts.flatMap((p) => p.spaceNames),
		doors: parts.flatMap((p) => p.doors),
		targets: by === 'spaces' ? { space_ids: booking.units } : { space_keys: booking.units },
		providersKnown: true,
	};
}

async function changeItem(
	change: SyncChange,
	run: SyncRun,
	units: Map<string, StayDoors>,
	status: string,
	grant: IDataObject | undefined,
): Promise<INodeExecutionData> {
	const booking = change.booking;
	const json: IDataObject = {
		action: change.action,
		status,
		dry_run: run.dryRun,
		reason: change.reason,
		reservation_id: booking?.reservationId ?? change.reservationKey.slice(run.prefix.length),
		reservation_key: change.reservationKey,
	};
	if (booking) {
		const doors = doorsOf(booking, units, run.by);
		Object.assign(json, {
			guest: { name: booking.guest.name },
			unit: doors.spaceNames,
			doors: doors.doors.filter((d) => d.takesPin).map((d) => d.name),
			valid_from: booking.times.validFrom,
			valid_until: booking.times.validUntil,
			valid_from_local: await readableTime(booking.times.validFrom, run.timeZone),
			valid_until_local: await readableTime(booking.times.validUntil, run.timeZone),
			time_zone: run.timeZone,
			pin: booking.code ?? null,
			changes: change.plan?.changes ?? [],
		});
	}
	if (grant) json.access_grant_id = String(grant.access_grant_id);
	if (change.action === 'revoke') {
		json.access_grant_ids = change.revoke.map((g) => String(g.access_grant_id));
	}
	return { json, pairedItem: { item: change.item } };
}

const DONE = { create: 'created', update: 'updated', move: 'moved', revoke: 'revoked' } as const;

/** Plans the sync and, unless it is a dry run, writes exactly the planned changes. */
async function sync(
	context: IExecuteFunctions,
	api: SeamApi,
	run: SyncRun,
	i: number,
): Promise<INodeExecutionData[]> {
	assertUnique(context, run.wanted);
	const units = await resolveUnits(
		context,
		api,
		run.by,
		run.wanted.flatMap((b) => b.units),
		run.unitsLabel,
		i,
	);
	// One read of the access systems, when a chosen code (or a moved stay's current PIN) has to
	// be checked against entrances, whatever the number of bookings.
	const allDoors: StayDoors = {
		spaceIds: [],
		spaceNames: [],
		targets: {},
		doors: [...units.values()].flatMap((u) => u.doors),
	};
	const coded = run.wanted.filter((b) => b.code !== undefined);
	if (coded.length > 0) await learnPinGenerators(api, allDoors, i);
	for (const booking of coded) {
		const problems = pinProblems(doorsOf(booking, units, run.by), run.by, booking.code);
		if (problems.length > 0) {
			throw new NodeOperationError(
				context.getNode(),
				`The PIN of reservation ${booking.reservationId} cannot be used: ${problems.join('; ')}`,
				{
					itemIndex: booking.item,
					description:
						'Let Seam choose the PIN, or choose doors that take it. Nothing was changed in Seam.',
				},
			);
		}
	}
	const owned = await ownedGrants(api, run.prefix, i);
	const spaceIdsOfUnit = new Map([...units].map(([unit, doors]) => [unit, doors.spaceIds]));
	const plan = planSync(run.wanted, owned, spaceIdsOfUnit, Date.now());
	if (plan.changes.some((change) => change.plan?.previous && !change.booking?.code)) {
		await learnPinGenerators(api, allDoors, i);
	}

	const output: INodeExecutionData[] = [];
	const done: string[] = [];
	for (const change of plan.changes) {
		if (run.dryRun) {
			output.push(await changeItem(change, run, units, 'planned', undefined));
			continue;
		}
		let grant: IDataObject | undefined;
		try {
			if (change.action === 'revoke') {
				await removeGrants(api, change.revoke, i);
			} else {
				const booking = change.booking as WantedBooking;
				grant = await applyStayPlan(
					api,
					{
						reservationKey: booking.reservationKey,
						guest: booking.guest,
						doors: doorsOf(booking, units, run.by),
						doorsBy: run.by,
						validFrom: booking.times.validFrom,
						validUntil: booking.times.validUntil,
						code: booking.code,
					},
					change.plan!,
					i,
				);
			}
		} catch (error) {
			const so = done.length
				? `Done before it: ${done.join('; ')}.`
				: 'Nothing was changed before it.';
			await saying(
				`The sync stopped at reservation ${change.reservationKey} (${change.action}). ${so} Running the sync again continues: it compares again and makes only the changes still missing.`,
			)(error);
		}
		done.push(`${DONE[change.action]} ${change.reservationKey}`);
		output.push(await changeItem(change, run, units, DONE[change.action], grant));
	}
	return output;
}

/** Sync from an iCal feed: each input item is one listing's feed. */
export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const items = await sync(this, api, await bookingsFromFeed(this, i), i);
	return items.map((item) => item.json);
}

/** From input items, the items together are the list: the sync runs once for all of them. */
export function runsOnce(this: IExecuteFunctions): boolean {
	return readForm(this, 0).choice(S.source, SOURCES) === 'items';
}

export async function executeOnce(
	this: IExecuteFunctions,
	api: SeamApi,
): Promise<INodeExecutionData[]> {
	return await sync(this, api, await bookingsFromItems(this), 0);
}
