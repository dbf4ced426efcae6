import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { saying } from '../../shared/access/errorNote';
import { readForm } from '../../shared/parameters';
import { grantsOfReservation } from '../../shared/stays/stayGrants';
import type { SeamApi } from '../../shared/transport/client';
import { unlessNotFound } from '../../shared/transport/unlessNotFound';
import type { OperationOption } from '../node.type';
import {
	ERROR_IF_NOT_FOUND,
	errorIfNotFoundOption,
	RESERVATION,
	reservationIdField,
} from './stayFields';

export const option: OperationOption = {
	name: 'End Stay',
	description: "Take away the guest's access now: for a cancellation or an early check-out",
	action: 'End a stay now: its PINs stop working (cancellation or early check-out)',
};

export const properties: INodeProperties[] = [
	{
		...reservationIdField,
		description:
			'The booking whose access ends now. Every PIN of this reservation stops working. Running this again for the same reservation is safe: it answers <code>not_found</code>.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [errorIfNotFoundOption('nothing is changed')],
	},
];

/** A grant that is gone already (another run, Seam's own clean-up) was ended: not a failure. */
async function deleteGrant(api: SeamApi, accessGrantId: string, i: number): Promise<void> {
	await api.call(
		(seam) => unlessNotFound(seam.accessGrants.delete({ access_grant_id: accessGrantId })),
		i,
	);
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const reservationId = form.requiredText(RESERVATION);
	const errorIfNotFound = form.boolean(ERROR_IF_NOT_FOUND, false);
	const grants = await grantsOfReservation(api, reservationId, i);
	if (grants.length === 0) {
		if (errorIfNotFound) {
			throw new NodeOperationError(this.getNode(), `No stay for reservation ${reservationId}`, {
				itemIndex: i,
				description:
					'Seam has no Access Grant with this reservation ID: it was never granted, or it has ended already.',
			});
		}
		return { status: 'not_found', reservation_id: reservationId, access_grant_ids: [] };
	}
	const ended: string[] = [];
	for (const grant of grants) {
		const id = String(grant.access_grant_id);
		const deleting = deleteGrant(api, id, i);
		await (ended.length > 0
			? deleting.catch(
					saying(
						`Already ended: Access Grant ${ended.join(', ')}. Running this step again ends the rest.`,
					),
				)
			: deleting);
		ended.push(id);
	}
	return { status: 'revoked', reservation_id: reservationId, access_grant_ids: ended };
}
