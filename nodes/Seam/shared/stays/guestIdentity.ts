import type { IDataObject } from 'n8n-workflow';

import type { SeamApi } from '../transport/client';

/** The guest as the booking describes them. */
export interface GuestDetails {
	name: string;
	email?: string;
	phone?: string;
	/** The PMS's guest ID: Seam's `user_identity_key`. */
	guestId?: string;
}

/** The guest as Seam's `user_identity` fields of a new Access Grant. */
export function inlineIdentity(guest: GuestDetails): IDataObject {
	const identity: IDataObject = { full_name: guest.name };
	if (guest.email) identity.email_address = guest.email;
	if (guest.phone) identity.phone_number = guest.phone;
	if (guest.guestId) identity.user_identity_key = guest.guestId;
	return identity;
}

const same = (a: unknown, b: string) =>
	typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/**
 * The user identity a returning guest already has. Seam keeps one identity per guest ID, email
 * and phone number, so a second stay of the same guest must go to it rather than create another
 * (which Seam refuses). Looked up by guest ID, then email, then phone: one search each, stopping
 * at the first match.
 */
export async function existingIdentity(
	api: SeamApi,
	guest: GuestDetails,
	i: number,
): Promise<string | undefined> {
	const lookups: Array<[string | undefined, string]> = [
		[guest.guestId, 'user_identity_key'],
		[guest.email, 'email_address'],
		[guest.phone, 'phone_number'],
	];
	for (const [value, field] of lookups) {
		if (!value) continue;
		const found = (await api.call(
			(seam) => seam.userIdentities.list({ search: value }),
			i,
		)) as unknown as IDataObject[];
		const match = found.find((identity) => same(identity[field], value));
		if (match) return String(match.user_identity_id);
	}
	return undefined;
}
