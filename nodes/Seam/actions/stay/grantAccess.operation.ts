import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { afterCreate } from '../../shared/access/afterCreate';
import { readWaitTimeout, waitTimeoutOption } from '../../shared/descriptions/waitTimeout';
import { readForm } from '../../shared/parameters';
import { applyStayPlan } from '../../shared/stays/applyStayPlan';
import type { GuestDetails } from '../../shared/stays/guestIdentity';
import {
	type DoorRequest,
	type DoorsBy,
	learnPinGenerators,
	pinProblems,
	resolveDoors,
	type StayDoors,
} from '../../shared/stays/stayDoors';
import { doorIdsOfGrant, grantsOfReservation } from '../../shared/stays/stayGrants';
import { stayItem } from '../../shared/stays/stayItem';
import { lastDigitsOfPhone, PHONE_DIGITS, type PinChoice } from '../../shared/stays/stayPin';
import { stayPinMethods, stayPins } from '../../shared/stays/stayPins';
import { type CurrentGrant, planStay, type WantedStay } from '../../shared/stays/stayPlan';
import {
	type DatesAre,
	STAY_FIELDS,
	type StayTimes,
	stayTimes,
} from '../../shared/stays/stayTimes';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';
import { RESERVATION, readTimeZone, reservationIdField, timeZoneOption } from './stayFields';

const DOORS_BY = [
	{
		name: 'Spaces',
		value: 'spaces',
		description: 'Units or areas set up in Seam, chosen from a list',
	},
	{
		name: 'Unit Keys',
		value: 'spaceKeys',
		description: "Your PMS's unit or listing keys, set as the spaces' keys in Seam",
	},
	{ name: 'Devices', value: 'devices', description: 'Smart locks, chosen one by one' },
	{ name: 'Entrances', value: 'entrances', description: 'Doors of an access control system' },
];

const DATES_ARE = [
	{ name: 'Dates and Times', value: 'dateTimes' },
	{
		name: "Dates Only, at the Property's Check-In and Check-Out Times",
		value: 'dates',
		description: 'For a booking that gives the days only',
	},
];

const PIN_CHOICES = [
	{ name: 'Seam Chooses', value: 'seam', description: 'A free code on every door' },
	{ name: 'Custom PIN', value: 'custom' },
	{
		name: "Last Digits of the Guest's Phone",
		value: 'phoneDigits',
		description: 'Easy for a guest to remember; every door must accept that length',
	},
];

const F = {
	guestName: { name: 'guestName', label: 'Guest Name' },
	guestEmail: { name: 'guestEmail', label: 'Guest Email' },
	guestPhone: { name: 'guestPhone', label: 'Guest Phone' },
	guestId: { name: 'options.guestId', label: 'Guest ID' },
	doorsBy: { name: 'doorsBy', label: 'Doors' },
	spaceIds: { name: 'spaceIds', label: 'Space Names or IDs' },
	spaceKeys: { name: 'spaceKeys', label: 'Unit Keys' },
	deviceIds: { name: 'deviceIds', label: 'Device Names or IDs' },
	entranceIds: { name: 'entranceIds', label: 'Entrance Names or IDs' },
	datesAre: { name: 'datesAre', label: 'Check-In and Check-Out Are' },
	checkIn: { name: 'checkIn', label: STAY_FIELDS.checkIn },
	checkOut: { name: 'checkOut', label: STAY_FIELDS.checkOut },
	checkInTime: { name: 'checkInTime', label: STAY_FIELDS.checkInTime },
	checkOutTime: { name: 'checkOutTime', label: STAY_FIELDS.checkOutTime },
	pinChoice: { name: 'pinChoice', label: 'PIN' },
	pinCode: { name: 'pinCode', label: 'Custom PIN' },
	phoneDigitCount: { name: 'phoneDigitCount', label: 'Number of Digits' },
	bufferBefore: {
		name: 'options.bufferBeforeCheckIn',
		label: 'Access Starts Before Check-In (Minutes)',
	},
	bufferAfter: {
		name: 'options.bufferAfterCheckOut',
		label: 'Access Ends After Check-Out (Minutes)',
	},
	waitUntilIssued: { name: 'waitUntilIssued', label: 'Wait Until Issued' },
} as const;

const WEEK_IN_MINUTES = 7 * 24 * 60;

export const option: OperationOption = {
	name: 'Grant or Update Access',
	description:
		'Give a guest a PIN for the doors of their stay, or bring an existing stay up to date (new dates, new unit); safe to run again',
	action: 'Grant or update access for a stay',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			'One step per booking event: the first run creates the stay, later runs with the same Reservation ID update it (new dates), move it (new doors) or leave it unchanged. The output says which, with the PIN and a message for the guest.',
		name: 'stayNotice',
		type: 'notice',
		default: '',
	},
	reservationIdField,
	{
		displayName: F.guestName.label,
		name: F.guestName.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Jane Guest',
	},
	{
		displayName: F.guestEmail.label,
		name: F.guestEmail.name,
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Where the guest message can go; also how Seam recognises a returning guest',
	},
	{
		displayName: F.guestPhone.label,
		name: F.guestPhone.name,
		type: 'string',
		default: '',
		placeholder: 'e.g. +15555550100',
		description: "In E.164 format. Needed for a PIN from the phone's last digits.",
	},
	{
		displayName: F.doorsBy.label,
		name: F.doorsBy.name,
		type: 'options',
		options: DOORS_BY,
		default: 'spaces',
		description: 'How the stay names the doors the PIN opens',
	},
	{
		displayName: 'Space Names or IDs',
		name: F.spaceIds.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSpaces' },
		default: [],
		required: true,
		description:
			'The unit (and shared areas) the guest may open. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { doorsBy: ['spaces'] } },
	},
	{
		displayName: F.spaceKeys.label,
		name: F.spaceKeys.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. unit-101',
		description:
			"Your PMS's unit keys, comma-separated (or a list from an expression). Each must be a space's key in Seam.",
		displayOptions: { show: { doorsBy: ['spaceKeys'] } },
	},
	{
		displayName: 'Device Names or IDs',
		name: F.deviceIds.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getDevices' },
		default: [],
		required: true,
		description:
			'Smart locks the guest may open; each must take online PIN codes. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { doorsBy: ['devices'] } },
	},
	{
		displayName: 'Entrance Names or IDs',
		name: F.entranceIds.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAllEntrances' },
		default: [],
		required: true,
		description:
			'Access control system entrances the guest may open. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { doorsBy: ['entrances'] } },
	},
	{
		displayName: F.datesAre.label,
		name: F.datesAre.name,
		type: 'options',
		options: DATES_ARE,
		default: 'dateTimes',
	},
	{
		displayName: F.checkIn.label,
		name: F.checkIn.name,
		type: 'dateTime',
		default: '',
		required: true,
		description:
			"When the stay begins. Without a time zone, the Property Time Zone applies (or the workflow's).",
	},
	{
		displayName: F.checkOut.label,
		name: F.checkOut.name,
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'When the stay ends; must be after check-in. A stay always ends: empty is an error.',
	},
	{
		displayName: F.checkInTime.label,
		name: F.checkInTime.name,
		type: 'string',
		default: '15:00',
		placeholder: 'e.g. 15:00',
		description: "The property's check-in time, on the check-in day",
		displayOptions: { show: { datesAre: ['dates'] } },
	},
	{
		displayName: F.checkOutTime.label,
		name: F.checkOutTime.name,
		type: 'string',
		default: '11:00',
		placeholder: 'e.g. 11:00',
		description: "The property's check-out time, on the check-out day",
		displayOptions: { show: { datesAre: ['dates'] } },
	},
	{
		displayName: F.pinChoice.label,
		name: F.pinChoice.name,
		type: 'options',
		options: PIN_CHOICES,
		default: 'seam',
	},
	{
		displayName: F.pinCode.label,
		name: F.pinCode.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 4821',
		description: '4 to 9 digits; every door must accept its length',
		displayOptions: { show: { pinChoice: ['custom'] } },
	},
	{
		displayName: F.phoneDigitCount.label,
		name: F.phoneDigitCount.name,
		type: 'number',
		typeOptions: { minValue: PHONE_DIGITS.min, maxValue: PHONE_DIGITS.max },
		default: 4,
		description: "How many of the phone's last digits make the PIN",
		displayOptions: { show: { pinChoice: ['phoneDigits'] } },
	},
	{
		displayName: F.waitUntilIssued.label,
		name: F.waitUntilIssued.name,
		type: 'boolean',
		default: true,
		description:
			'Whether to wait (up to Wait Timeout) until the locks have the PIN, so that the output carries it. A lock that takes longer gives <code>pin_status: "pending"</code>; Seam\'s access_method.issued event says when it is ready.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: F.bufferBefore.label,
				name: 'bufferBeforeCheckIn',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: WEEK_IN_MINUTES },
				default: 0,
				description:
					'Minutes before check-in when the PIN starts working, e.g. 60 for an early arrival',
			},
			{
				displayName: F.bufferAfter.label,
				name: 'bufferAfterCheckOut',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: WEEK_IN_MINUTES },
				default: 0,
				description: 'Minutes after check-out when the PIN stops working',
			},
			{
				displayName: F.guestId.label,
				name: 'guestId',
				type: 'string',
				default: '',
				description: "The guest's ID in your PMS; Seam keeps one user identity per guest ID",
			},
			timeZoneOption,
			waitTimeoutOption('the PIN to be issued, before answering with it pending'),
		],
	},
];

interface StayRequest {
	reservationId: string;
	guest: GuestDetails;
	doors: DoorRequest;
	times: StayTimes;
	pinChoice: PinChoice;
	code?: string;
	waitSeconds: number;
}

function doorRequest(form: ReturnType<typeof readForm>): DoorRequest {
	const by = form.choice<DoorsBy>(F.doorsBy, DOORS_BY);
	const field = {
		spaces: F.spaceIds,
		spaceKeys: F.spaceKeys,
		devices: F.deviceIds,
		entrances: F.entranceIds,
	}[by];
	const raw = form.raw(field.name);
	// Unit keys arrive as text from a PMS ("unit-101" or "unit-101, pool"), or as a list.
	const values =
		by === 'spaceKeys' && typeof raw === 'string'
			? raw
					.split(',')
					.map((key) => key.trim())
					.filter(Boolean)
			: form.idList(field);
	if (values.length === 0) {
		form.fail(
			`${field.label} is required`,
			`A stay needs the doors its PIN opens. "${field.label}" is empty; if it comes from an expression, check that it points at the booking's unit.`,
		);
	}
	return { by, values: [...new Set(values)], label: field.label };
}

/** Everything from the form, checked, before a single request is made. */
async function readStay(context: IExecuteFunctions, i: number): Promise<StayRequest> {
	const form = readForm(context, i);
	const reservationId = form.requiredText(RESERVATION);
	const guest: GuestDetails = { name: form.requiredText(F.guestName) };
	const email = form.text(F.guestEmail);
	const phone = form.text(F.guestPhone);
	const guestId = form.text(F.guestId);
	if (email) guest.email = email;
	if (phone) guest.phone = phone;
	if (guestId) guest.guestId = guestId;
	const doors = doorRequest(form);
	const timeZone = await readTimeZone(form, context.getTimezone());
	const datesAre = form.choice<DatesAre>(F.datesAre, DATES_ARE);
	const buffer = { min: 0, max: WEEK_IN_MINUTES };
	const times = await form.check(
		async () =>
			await stayTimes({
				datesAre,
				checkIn: form.raw(F.checkIn.name),
				checkOut: form.raw(F.checkOut.name),
				checkInTime: datesAre === 'dates' ? form.raw(F.checkInTime.name) : undefined,
				checkOutTime: datesAre === 'dates' ? form.raw(F.checkOutTime.name) : undefined,
				timeZone,
				bufferBeforeMinutes: form.wholeNumber(F.bufferBefore, buffer, 0),
				bufferAfterMinutes: form.wholeNumber(F.bufferAfter, buffer, 0),
				now: new Date(),
			}),
	);
	const pinChoice = form.choice<PinChoice>(F.pinChoice, PIN_CHOICES);
	let code: string | undefined;
	if (pinChoice === 'custom') {
		code = form.pinCode(F.pinCode, { min: 4, max: 9 });
		if (!code)
			form.fail(`${F.pinCode.label} is required`, 'Fill in the PIN, or let Seam choose it.');
	} else if (pinChoice === 'phoneDigits') {
		const count = form.wholeNumber(F.phoneDigitCount, PHONE_DIGITS, 4);
		code = await form.check(async () => lastDigitsOfPhone(phone, count, F.guestPhone.label));
	}
	const waitSeconds = form.boolean(F.waitUntilIssued, true) ? readWaitTimeout(form) : 0;
	return { reservationId, guest, doors, times, pinChoice, code, waitSeconds };
}

function assertPinFits(context: IExecuteFunctions, stay: StayRequest, doors: StayDoors, i: number) {
	const problems = pinProblems(doors, stay.doors.by, stay.code);
	if (problems.length === 0) return;
	readForm(context, i).fail(
		`The PIN cannot work on ${problems.length === 1 ? 'this door' : 'these doors'}: ${problems.join('; ')}`,
		stay.code
			? 'Choose another PIN (or number of digits), or let Seam choose the PIN. Nothing was sent to Seam.'
			: 'Choose doors with a keypad. Nothing was sent to Seam.',
	);
}

/** The reservation's grants, each with what decides whether it still fits the booking. */
async function currentGrants(api: SeamApi, stay: StayRequest, i: number): Promise<CurrentGrant[]> {
	const grants = await grantsOfReservation(api, stay.reservationId, i);
	const bySpaces = stay.doors.by === 'spaces' || stay.doors.by === 'spaceKeys';
	return await Promise.all(
		grants.map(async (grant) =>
			bySpaces
				? { grant, spaceIds: ((grant.space_ids ?? []) as string[]).map(String).sort() }
				: { grant, doorIds: await doorIdsOfGrant(api, String(grant.access_grant_id), i) },
		),
	);
}

const HEADLINES: Record<string, string> = {
	created: 'Your door code',
	updated: 'Your stay has changed',
	moved: 'Your stay has moved',
	unchanged: 'Your door code',
};

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const stay = await readStay(this, i);
	const current = await currentGrants(api, stay, i);
	const doors = await resolveDoors(this, api, stay.doors, i);
	if (stay.code !== undefined) await learnPinGenerators(api, doors, i);
	assertPinFits(this, stay, doors, i);
	const bySpaces = stay.doors.by === 'spaces' || stay.doors.by === 'spaceKeys';
	const wanted: WantedStay = {
		...(bySpaces
			? { spaceIds: doors.spaceIds }
			: { doorIds: doors.doors.map((door) => door.id).sort() }),
		validFrom: stay.times.validFrom,
		validUntil: stay.times.validUntil,
		code: stay.code,
	};
	const plan = planStay(current, wanted);

	let grant = await applyStayPlan(
		api,
		{
			reservationKey: stay.reservationId,
			guest: stay.guest,
			doors,
			doorsBy: stay.doors.by,
			validFrom: stay.times.validFrom,
			validUntil: stay.times.validUntil,
			code: stay.code,
		},
		plan,
		i,
	);
	const accessGrantId = String(grant.access_grant_id);
	const changed = plan.status !== 'unchanged';
	const finish = async (): Promise<IDataObject> => {
		const methods = await stayPinMethods(api, accessGrantId, stay.waitSeconds, i);
		// Warnings that issuing adds (a code unavailable, a lock without slots) and moved times
		// show only in a fresh read.
		if (changed) {
			grant = (await api.call(
				(seam) => seam.accessGrants.get({ access_grant_id: accessGrantId }),
				i,
			)) as unknown as IDataObject;
		}
		const pins = await stayPins(api, methods, i);
		return await stayItem({
			status: plan.status,
			reservationId: stay.reservationId,
			grant,
			guest: {
				name: stay.guest.name,
				email: stay.guest.email ?? null,
				phone: stay.guest.phone ?? null,
				user_identity_id: String(grant.user_identity_id),
			},
			pins,
			doors: doors.doors.filter((door) => door.takesPin).map((door) => door.name),
			timeZone: stay.times.timeZone,
			changes: plan.changes,
			headline: HEADLINES[plan.status],
		});
	};
	if (plan.keep) return await finish();
	return await afterCreate(
		this.getNode(),
		i,
		{
			what: `Access Grant ${accessGrantId} of reservation ${stay.reservationId}`,
			rerun:
				'Running this step again with the same Reservation ID finishes the change; it never creates a second stay.',
		},
		finish,
	);
}
