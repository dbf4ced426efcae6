import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accessGrantLocator } from '../../shared/descriptions/locators';
import { readForm } from '../../shared/parameters';
import { grantsOfReservation } from '../../shared/stays/stayGrants';
import { stayItem } from '../../shared/stays/stayItem';
import { stayPinMethods, stayPins } from '../../shared/stays/stayPins';
import type { SeamApi } from '../../shared/transport/client';
import { unlessNotFound } from '../../shared/transport/unlessNotFound';
import type { OperationOption } from '../node.type';
import {
	ERROR_IF_NOT_FOUND,
	errorIfNotFoundOption,
	RESERVATION,
	readTimeZone,
	reservationIdField,
	timeZoneOption,
} from './stayFields';

const LOOK_UP_BY = [
	{ name: 'Reservation ID', value: 'reservationId' },
	{
		name: 'Access Grant ID',
		value: 'accessGrantId',
		description: "As Seam's events name it, e.g. access_grant_ids[0] of access_method.issued",
	},
];
const LOOK_UP = { name: 'lookUpBy', label: 'Look Up By' };
const GRANT = { name: 'accessGrantId', label: 'Access Grant' };

export const option: OperationOption = {
	name: 'Get Stay',
	description:
		"Read a stay: the guest's PIN, the doors it opens, whether it is issued yet, and a message for the guest",
	action: "Get a stay's door PIN, doors and times",
};

export const properties: INodeProperties[] = [
	{
		displayName: LOOK_UP.label,
		name: LOOK_UP.name,
		type: 'options',
		options: LOOK_UP_BY,
		default: 'reservationId',
	},
	{ ...reservationIdField, displayOptions: { show: { lookUpBy: ['reservationId'] } } },
	accessGrantLocator({
		description:
			"The stay's Access Grant. From a Seam Trigger event, map it By ID, e.g. {{ $json.access_grant_ids[0] }} of access_method.issued.",
		displayOptions: { show: { lookUpBy: ['accessGrantId'] } },
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [errorIfNotFoundOption('no other fields'), timeZoneOption],
	},
];

async function grantById(
	api: SeamApi,
	accessGrantId: string,
	i: number,
): Promise<IDataObject | undefined> {
	const grant = await api.call(
		(seam) => unlessNotFound(seam.accessGrants.get({ access_grant_id: accessGrantId })),
		i,
	);
	return (grant as unknown as IDataObject | null) ?? undefined;
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const byGrant =
		form.choice<'reservationId' | 'accessGrantId'>(LOOK_UP, LOOK_UP_BY) === 'accessGrantId';
	const wanted = byGrant ? form.id(GRANT) : form.requiredText(RESERVATION);
	const errorIfNotFound = form.boolean(ERROR_IF_NOT_FOUND, false);
	const timeZone = await readTimeZone(form, this.getTimezone());

	// While a move is under way a reservation has two grants: the newest is the stay.
	const grant = byGrant
		? await grantById(api, wanted, i)
		: (await grantsOfReservation(api, wanted, i))[0];
	if (!grant) {
		const what = byGrant ? `Access Grant ${wanted}` : `reservation ${wanted}`;
		if (errorIfNotFound) {
			throw new NodeOperationError(this.getNode(), `No stay for ${what}`, {
				itemIndex: i,
				description: 'Seam has no such Access Grant: it was never granted, or the stay has ended.',
			});
		}
		return byGrant
			? { status: 'not_found', access_grant_id: wanted }
			: { status: 'not_found', reservation_id: wanted };
	}
	const accessGrantId = String(grant.access_grant_id);
	const [identity, methods] = await Promise.all([
		api.call(
			(seam) => seam.userIdentities.get({ user_identity_id: String(grant.user_identity_id) }),
			i,
		) as Promise<unknown> as Promise<IDataObject>,
		stayPinMethods(api, accessGrantId, 0, i),
	]);
	const pins = await stayPins(api, methods, i);
	const reservationId = String(grant.reservation_key ?? (byGrant ? '' : wanted));
	return await stayItem({
		status: 'found',
		reservationId,
		grant,
		guest: {
			name: (identity.full_name as string | null) ?? null,
			email: (identity.email_address as string | null) ?? null,
			phone: (identity.phone_number as string | null) ?? null,
			user_identity_id: String(grant.user_identity_id),
		},
		pins,
		doors: [...new Set(pins.pins.flatMap((pin) => pin.doors))],
		timeZone,
		headline: 'Your door code',
	});
}
