import { pauseAfter } from '../../nodes/Seam/shared/access/waitUntil';
import { sleep } from './stats';
import type { SeamHttp } from './seamSdk';

// Row 9's baseline: what Stay → Grant or Update Access asks Seam, made with Seam's own SDK
// directly, in the node's order: the reservation's grants, the unit's doors, then for a new
// booking the create, its access methods until issued (at the node's pace), the grant again (its
// warnings), and the doors of each PIN, those reads made together as the node makes them.

/** One booking, as a PMS would send it: its unit by key, its times in UTC. */
export interface Booking {
	reservationId: string;
	guestName: string;
	spaceKey: string;
	checkIn: string;
	checkOut: string;
}

const TIMEOUT_MS = 60_000;

async function grantsOf(seam: SeamHttp, booking: Booking) {
	const grants = await seam.accessGrants.list({ reservation_key: booking.reservationId });
	return grants.filter((grant) => grant.reservation_key === booking.reservationId);
}

async function unit(seam: SeamHttp, booking: Booking) {
	const related = await seam.spaces.getRelated({
		space_keys: [booking.spaceKey],
		include: ['spaces', 'devices', 'acs_entrances'],
	});
	const space = related.spaces?.find((s) => s.space_key === booking.spaceKey);
	if (!space) throw new Error(`SDK: Seam has no space "${booking.spaceKey}"`);
	return space;
}

type Method = Awaited<ReturnType<SeamHttp['accessMethods']['list']>>[number];

const codes = (methods: Method[]) => methods.filter((method) => method.mode === 'code');
const issued = (methods: Method[]) =>
	codes(methods).length > 0 && codes(methods).every((m) => m.is_issued && m.code);

async function issuedMethods(seam: SeamHttp, accessGrantId: string): Promise<Method[]> {
	const started = Date.now();
	for (;;) {
		const methods = await seam.accessMethods.list({ access_grant_id: accessGrantId });
		if (issued(methods)) return methods;
		const waited = Date.now() - started;
		if (waited > TIMEOUT_MS) throw new Error(`SDK: grant ${accessGrantId} not issued in time`);
		await sleep(pauseAfter(waited));
	}
}

async function doorsOfPins(seam: SeamHttp, methods: Method[]): Promise<void> {
	await Promise.all(
		codes(methods).map((method) =>
			seam.accessMethods.getRelated({
				access_method_ids: [method.access_method_id],
				include: ['devices', 'acs_entrances'],
			}),
		),
	);
}

/** A booking Seam has no stay for: the grant is created on the unit, Seam choosing the PIN. */
export async function sdkNewStay(seam: SeamHttp, booking: Booking): Promise<void> {
	if ((await grantsOf(seam, booking)).length > 0) {
		throw new Error(`SDK: reservation ${booking.reservationId} already has a stay`);
	}
	await unit(seam, booking);
	const grant = await seam.accessGrants.create({
		name: `Stay ${booking.reservationId}: ${booking.guestName}`,
		reservation_key: booking.reservationId,
		space_keys: [booking.spaceKey],
		requested_access_methods: [{ mode: 'code' }],
		starts_at: booking.checkIn,
		ends_at: booking.checkOut,
		user_identity: { full_name: booking.guestName },
	});
	const methods = await issuedMethods(seam, grant.access_grant_id);
	await seam.accessGrants.get({ access_grant_id: grant.access_grant_id });
	await doorsOfPins(seam, methods);
}

/** The same booking again: its grant already fits (same unit, same times), so reads only. */
export async function sdkUnchangedStay(seam: SeamHttp, booking: Booking): Promise<void> {
	const [grant] = await grantsOf(seam, booking);
	if (!grant) throw new Error(`SDK: reservation ${booking.reservationId} has no stay`);
	const space = await unit(seam, booking);
	const fits =
		(grant.space_ids ?? []).join() === space.space_id &&
		Date.parse(grant.starts_at) === Date.parse(booking.checkIn) &&
		Date.parse(String(grant.ends_at)) === Date.parse(booking.checkOut);
	if (!fits) throw new Error(`SDK: the stay of ${booking.reservationId} no longer fits`);
	await doorsOfPins(seam, await issuedMethods(seam, grant.access_grant_id));
}
