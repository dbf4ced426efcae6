import type { INodeProperties } from 'n8n-workflow';

import type { FormReader } from '../../shared/parameters';
import type { GuestDetails } from '../../shared/stays/guestIdentity';
import type { DoorRequest, DoorsBy } from '../../shared/stays/stayDoors';
import { lastDigitsOfPhone, PHONE_DIGITS, type PinChoice } from '../../shared/stays/stayPin';
import {
	type DatesAre,
	STAY_FIELDS,
	type StayTimes,
	stayTimes,
} from '../../shared/stays/stayTimes';

// The fields of a booking, as Grant or Update Access and Sync Stays (from input items) show and
// read them: the guest, the doors, check-in and check-out, the PIN, the buffers.

export const DOORS_BY = [
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

export const DATES_ARE = [
	{ name: 'Dates and Times', value: 'dateTimes' },
	{
		name: "Dates Only, at the Property's Check-In and Check-Out Times",
		value: 'dates',
		description: 'For a booking that gives the days only',
	},
];

export const PIN_CHOICES = [
	{ name: 'Seam Chooses', value: 'seam', description: 'A free code on every door' },
	{ name: 'Custom PIN', value: 'custom' },
	{
		name: "Last Digits of the Guest's Phone",
		value: 'phoneDigits',
		description: 'Easy for a guest to remember; every door must accept that length',
	},
];

export const F = {
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

export const WEEK_IN_MINUTES = 7 * 24 * 60;

export const guestProperties: INodeProperties[] = [
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
];

/** Doors, and one field per way of naming them; `choices` limits the ways (Sync: units only). */
export function doorProperties(
	choices: string[] = DOORS_BY.map((c) => c.value),
): INodeProperties[] {
	const all: INodeProperties[] = [
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
	];
	const [doorsBy, ...fields] = all;
	return [
		{ ...doorsBy, options: DOORS_BY.filter((c) => choices.includes(c.value)), default: choices[0] },
		...fields.filter((f) => choices.includes(String(f.displayOptions?.show?.doorsBy?.[0]))),
	];
}

export const dateProperties: INodeProperties[] = [
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
			"When the stay begins: an ISO 8601 date and time, e.g. 2026-12-04T15:00. Without an offset, the Property Time Zone applies (or the workflow's).",
	},
	{
		displayName: F.checkOut.label,
		name: F.checkOut.name,
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'When the stay ends, e.g. 2026-12-07T11:00; must be after check-in. A stay always ends: empty is an error.',
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
];

export const pinProperties: INodeProperties[] = [
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
];

/** Options entry: the PMS's guest ID. */
export const guestIdOption: INodeProperties = {
	displayName: F.guestId.label,
	name: 'guestId',
	type: 'string',
	default: '',
	description: "The guest's ID in your PMS; Seam keeps one user identity per guest ID",
};

/** Options entries: the buffers around check-in and check-out. */
export const bufferOptions: INodeProperties[] = [
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
];

/** Shows every property only where `show` also holds (e.g. Sync Stays' source). */
export function onlyWhen(
	properties: INodeProperties[],
	show: Record<string, string[]>,
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...show },
		},
	}));
}

export function readGuest(form: FormReader): GuestDetails {
	const guest: GuestDetails = { name: form.requiredText(F.guestName) };
	const email = form.text(F.guestEmail);
	const phone = form.text(F.guestPhone);
	const guestId = form.text(F.guestId);
	if (email) guest.email = email;
	if (phone) guest.phone = phone;
	if (guestId) guest.guestId = guestId;
	return guest;
}

export function doorRequest(form: FormReader): DoorRequest {
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

/** Check-in and check-out with the buffers, as read from the form in the property's zone. */
export async function readBookingTimes(
	form: FormReader,
	timeZone: string,
	refuseEnded = true,
): Promise<StayTimes> {
	const datesAre = form.choice<DatesAre>(F.datesAre, DATES_ARE);
	const buffer = { min: 0, max: WEEK_IN_MINUTES };
	return await form.check(
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
				refuseEnded,
			}),
	);
}

/** The PIN the form asks for: undefined when Seam chooses. */
export async function readPinCode(
	form: FormReader,
	phone: string | undefined,
): Promise<{ pinChoice: PinChoice; code?: string }> {
	const pinChoice = form.choice<PinChoice>(F.pinChoice, PIN_CHOICES);
	if (pinChoice === 'custom') {
		const code = form.pinCode(F.pinCode, { min: 4, max: 9 });
		if (!code)
			form.fail(`${F.pinCode.label} is required`, 'Fill in the PIN, or let Seam choose it.');
		return { pinChoice, code };
	}
	if (pinChoice === 'phoneDigits') {
		const count = form.wholeNumber(F.phoneDigitCount, PHONE_DIGITS, 4);
		return {
			pinChoice,
			code: await form.check(async () => lastDigitsOfPhone(phone, count, F.guestPhone.label)),
		};
	}
	return { pinChoice };
}
