import type { IDataObject } from 'n8n-workflow';

import { saying } from '../access/errorNote';

import type { SeamApi } from '../transport/client';
import { unlessNotFound } from '../transport/unlessNotFound';
import { existingIdentity, type GuestDetails, inlineIdentity } from './guestIdentity';
import { type DoorsBy, learnPinGenerators, pinProblems, type StayDoors } from './stayDoors';
import type { StayPlan } from './stayPlan';
import { stayPinMethods } from './stayPins';

/** What a stay's Access Grant is written with. */
export interface StayToWrite {
	/** Seam's reservation_key: the reservation ID, after the sync's prefix if there is one. */
	reservationKey: string;
	guest: GuestDetails;
	doors: StayDoors;
	doorsBy: DoorsBy;
	validFrom: string;
	validUntil: string;
	/** A chosen code; undefined when Seam chooses. */
	code?: string;
}

/** The PIN the guest holds now, so that a moved stay keeps it when Seam chooses the code. */
async function currentPin(
	api: SeamApi,
	grant: IDataObject,
	i: number,
): Promise<string | undefined> {
	const methods = await stayPinMethods(api, String(grant.access_grant_id), 0, i);
	const code = methods.find((m) => m.mode === 'code' && m.is_issued === true && m.code)?.code;
	return typeof code === 'string' ? code : undefined;
}

/**
 * The code the new grant asks for: the chosen one, or for a moved stay the PIN the guest already
 * has, where the new doors can take it (else Seam chooses).
 */
async function codeForNewGrant(
	api: SeamApi,
	stay: StayToWrite,
	plan: StayPlan,
	i: number,
): Promise<string | undefined> {
	if (stay.code || !plan.previous) return stay.code;
	const kept = await currentPin(api, plan.previous, i);
	if (kept === undefined) return undefined;
	await learnPinGenerators(api, stay.doors, i);
	return pinProblems(stay.doors, stay.doorsBy, kept).length === 0 ? kept : undefined;
}

async function createGrant(
	api: SeamApi,
	stay: StayToWrite,
	plan: StayPlan,
	code: string | undefined,
	i: number,
): Promise<IDataObject> {
	const identityId = plan.previous
		? String(plan.previous.user_identity_id)
		: await existingIdentity(api, stay.guest, i);
	const params: IDataObject = {
		name: `Stay ${stay.reservationKey}: ${stay.guest.name}`,
		reservation_key: stay.reservationKey,
		...stay.doors.targets,
		requested_access_methods: [code ? { mode: 'code', code } : { mode: 'code' }],
		starts_at: stay.validFrom,
		ends_at: stay.validUntil,
		...(identityId
			? { user_identity_id: identityId }
			: { user_identity: inlineIdentity(stay.guest) }),
	};
	return (await api.call(
		(seam) =>
			seam.accessGrants.create(params as unknown as Parameters<typeof seam.accessGrants.create>[0]),
		i,
	)) as unknown as IDataObject;
}

/** A grant already gone (an earlier run, End Stay) is what removing it wanted. */
export async function removeGrants(api: SeamApi, grants: IDataObject[], i: number): Promise<void> {
	for (const grant of grants) {
		await api.call(
			(seam) =>
				unlessNotFound(
					seam.accessGrants.delete({ access_grant_id: String(grant.access_grant_id) }),
				),
			i,
		);
	}
}

/**
 * The order of a move. Before the stay has begun nobody is using the old PIN, so the old grant
 * goes first: its code is then free on the doors both grants share (a building's front door) and
 * the guest keeps the code they were told. Once the stay is under way the new grant comes first,
 * so that the guest is never locked out; a shared door may then get a second code, which the
 * output's pins and warnings show.
 */
function removeBeforeCreating(plan: StayPlan, now: number): boolean {
	return plan.remove.length > 0 && plan.remove.every((g) => Date.parse(String(g.starts_at)) > now);
}

/**
 * Writes a planned stay: the kept grant's times updated, or a new grant created, and the
 * reservation's other grants removed (before or after the create, see removeBeforeCreating).
 * Returns the stay's grant as Seam answered it. An unchanged stay writes nothing.
 */
export async function applyStayPlan(
	api: SeamApi,
	stay: StayToWrite,
	plan: StayPlan,
	i: number,
): Promise<IDataObject> {
	if (plan.keep) {
		const accessGrantId = String(plan.keep.access_grant_id);
		if (plan.updateTimes) {
			await api.call(
				(seam) =>
					seam.accessGrants.update({
						access_grant_id: accessGrantId,
						starts_at: stay.validFrom,
						ends_at: stay.validUntil,
					}),
				i,
			);
		}
		await removeGrants(api, plan.remove, i).catch(
			saying(
				`Access Grant ${accessGrantId} is the stay now; running this again removes the reservation's other grants.`,
			),
		);
		return plan.keep;
	}
	const code = await codeForNewGrant(api, stay, plan, i);
	const removed = plan.remove.map((g) => g.access_grant_id).join(', ');
	if (removeBeforeCreating(plan, Date.now())) {
		await removeGrants(api, plan.remove, i);
		return await createGrant(api, stay, plan, code, i).catch(
			saying<IDataObject>(
				`The stay's previous Access Grant (${removed}) was removed before this failed, so the guest has no access until this runs again: it then creates the stay.`,
			),
		);
	}
	const grant = await createGrant(api, stay, plan, code, i);
	await removeGrants(api, plan.remove, i).catch(
		saying(
			`The new Access Grant ${String(grant.access_grant_id)} exists; the previous one (${removed}) is still there. Running this again removes it.`,
		),
	);
	return grant;
}
