import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { afterCreate } from '../../shared/access/afterCreate';
import { readWaitTimeout, waitTimeoutOption } from '../../shared/descriptions/waitTimeout';
import { readForm } from '../../shared/parameters';
import { applyStayPlan } from '../../shared/stays/applyStayPlan';
import type { GuestDetails } from '../../shared/stays/guestIdentity';
import {
	type DoorRequest,
	learnPinGenerators,
	pinProblems,
	resolveDoors,
	type StayDoors,
} from '../../shared/stays/stayDoors';
import { doorIdsOfGrant, grantsOfReservation } from '../../shared/stays/stayGrants';
import { stayItem } from '../../shared/stays/stayItem';
import type { PinChoice } from '../../shared/stays/stayPin';
import { stayPinMethods, stayPins } from '../../shared/stays/stayPins';
import { type CurrentGrant, planStay, type WantedStay } from '../../shared/stays/stayPlan';
import type { StayTimes } from '../../shared/stays/stayTimes';
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
	pinProperties,
	readBookingTimes,
	readGuest,
	readPinCode,
} from './bookingFields';
import { RESERVATION, readTimeZone, reservationIdField, timeZoneOption } from './stayFields';

export const option: OperationOption = {
	name: 'Grant or Update Access',
	description:
		'Give a guest a PIN for the doors of their stay, or bring an existing stay up to date (new dates, new unit); safe to run again',
	action: "Grant or update a guest's door PIN for a stay",
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
	...guestProperties,
	...doorProperties(),
	...dateProperties,
	...pinProperties,
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
			...bufferOptions,
			guestIdOption,
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

/** Everything from the form, checked, before a single request is made. */
async function readStay(context: IExecuteFunctions, i: number): Promise<StayRequest> {
	const form = readForm(context, i);
	const reservationId = form.requiredText(RESERVATION);
	const guest = readGuest(form);
	const doors = doorRequest(form);
	const timeZone = await readTimeZone(form, context.getTimezone());
	const times = await readBookingTimes(form, timeZone);
	const { pinChoice, code } = await readPinCode(form, guest.phone);
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
