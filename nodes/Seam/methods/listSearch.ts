import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { isLock } from '../shared/locks/lockSummary';
import { displayName } from '../shared/seamObjects/displayName';
import type { PageReader } from '../shared/transport/paginate';
import { connectToSeam } from '../shared/transport/client';
import type { SeamClient } from '../shared/transport/sdk';
import { chosenAcsSystemId } from './parent';

// Every export of this file is a list search method of the node: helpers stay unexported.

const PAGE_SIZE = 100;

/** n8n hands back the cursor we gave it as a plain string; the SDK brands its cursor type. */
type PageCursor = Parameters<PageReader['nextPage']>[0];

type ListSearch = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

function item(name: string, value: unknown): INodeListSearchItems {
	return { name, value: String(value) };
}

/**
 * A list search over one of Seam's paginated lists: n8n passes back the cursor of the previous
 * page when the user scrolls. `page.search` is the user's text for Seam's own server-side search.
 */
function pagedSearch(
	makeReader: (
		seam: SeamClient,
		page: { search?: string; limit: number },
		context: ILoadOptionsFunctions,
	) => PageReader,
	toItem: (thing: IDataObject) => INodeListSearchItems,
): ListSearch {
	return async function (filter, paginationToken) {
		const api = await connectToSeam(this);
		const page = { search: filter?.trim() || undefined, limit: PAGE_SIZE };
		const [things, pagination] = await api.call((seam) => {
			const reader = makeReader(seam, page, this);
			return paginationToken ? reader.nextPage(paginationToken as PageCursor) : reader.firstPage();
		});
		return {
			results: (things as unknown as IDataObject[]).map(toItem),
			paginationToken: pagination.hasNextPage
				? (pagination.nextPageCursor ?? undefined)
				: undefined,
		};
	};
}

/**
 * What a list request gives for the ACS system chosen in the form, or else for every system:
 * groups and credentials belong to one system, and Seam lists them per system.
 */
async function listInSystems(
	context: ILoadOptionsFunctions,
	list: (seam: SeamClient, acs_system_id: string) => PromiseLike<unknown>,
): Promise<IDataObject[]> {
	const api = await connectToSeam(context);
	const chosen = chosenAcsSystemId(context);
	const systemIds = chosen
		? [chosen]
		: ((await api.call((seam) => seam.acs.systems.list())) as unknown as IDataObject[]).map((s) =>
				String(s.acs_system_id),
			);
	const things: IDataObject[] = [];
	for (const acs_system_id of systemIds) {
		things.push(...((await api.call((seam) => list(seam, acs_system_id))) as IDataObject[]));
	}
	return things;
}

export async function searchAcsSystems(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const systems = (await api.call((seam) => seam.acs.systems.list())) as unknown as IDataObject[];
	return {
		results: systems
			.filter((s) => matches(filter, s.name, s.external_type_display_name, s.acs_system_id))
			.map((s) =>
				item(
					`${s.name} (${s.external_type_display_name ?? s.external_type ?? 'ACS'})`,
					s.acs_system_id,
				),
			),
	};
}

export const searchAcsUsers = pagedSearch(
	(seam, page, context) =>
		seam.createPaginator(
			seam.acs.users.list({ acs_system_id: chosenAcsSystemId(context), ...page }),
		),
	(u) =>
		item(
			u.email_address
				? `${u.full_name} <${u.email_address}>`
				: String(u.full_name ?? u.acs_user_id),
			u.acs_user_id,
		),
);

export const searchEntrances = pagedSearch(
	(seam, page, context) =>
		seam.createPaginator(
			seam.acs.entrances.list({ acs_system_id: chosenAcsSystemId(context), ...page }),
		),
	(e) =>
		item(
			`${displayName(e, e.acs_entrance_id)}${e.can_unlock_with_code === false ? ' (no PIN)' : ''}`,
			e.acs_entrance_id,
		),
);

export const searchUserIdentities = pagedSearch(
	(seam, page) => seam.createPaginator(seam.userIdentities.list(page)),
	(u) =>
		item(
			u.email_address
				? `${u.full_name ?? u.display_name} <${u.email_address}>`
				: displayName(u, u.user_identity_id),
			u.user_identity_id,
		),
);

export const searchDevices = pagedSearch(
	(seam, page) => seam.createPaginator(seam.devices.list(page)),
	(d) => item(displayName(d, d.device_id), d.device_id),
);

export const searchSpaces = pagedSearch(
	(seam, page) => seam.createPaginator(seam.spaces.list(page)),
	(s) => item(displayName(s, s.space_id), s.space_id),
);

// Seam's grant list has no text search: the page is filtered here instead.
const grantPage = pagedSearch(
	(seam, { limit }) => seam.createPaginator(seam.accessGrants.list({ limit })),
	(g) =>
		item(
			`${g.name ?? g.display_name ?? 'Access Grant'}${g.access_grant_key ? ` (${g.access_grant_key})` : ''}`,
			g.access_grant_id,
		),
);

export async function searchAccessGrants(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await grantPage.call(this, filter, paginationToken);
	return { ...page, results: page.results.filter((r) => matches(filter, r.name, r.value)) };
}

export async function searchAccessGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const groups = await listInSystems(this, (seam, acs_system_id) =>
		seam.acs.accessGroups.list({ acs_system_id }),
	);
	return {
		results: groups
			.filter((g) => matches(filter, g.name, g.display_name, g.acs_access_group_id))
			.map((g) => item(displayName(g, g.acs_access_group_id), g.acs_access_group_id)),
	};
}

export async function searchCredentials(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const credentials = await listInSystems(this, async (seam, acs_system_id) => {
		const [page] = await seam
			.createPaginator(seam.acs.credentials.list({ acs_system_id, limit: PAGE_SIZE }))
			.firstPage();
		return page;
	});
	return {
		results: credentials.flatMap((c) => {
			const label = `${c.display_name ?? c.access_method} · ${c.acs_credential_id}`;
			return matches(filter, label, c.acs_user_id) ? [item(label, c.acs_credential_id)] : [];
		}),
	};
}

/** The access methods of the grant chosen in the form (Seam lists them per grant). */
export async function searchAccessMethods(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	let accessGrantId = '';
	try {
		accessGrantId = String(
			this.getCurrentNodeParameter('accessGrantId', { extractValue: true }) ?? '',
		).trim();
	} catch {
		// This form has no grant field: nothing to list by.
	}
	if (!accessGrantId) return { results: [] };
	const api = await connectToSeam(this);
	const methods = (await api.call((seam) =>
		seam.accessMethods.list({ access_grant_id: accessGrantId }),
	)) as unknown as IDataObject[];
	return {
		results: methods
			.map((m) =>
				item(
					`${m.display_name ?? m.mode}${m.is_issued ? '' : ' (not issued yet)'}`,
					m.access_method_id,
				),
			)
			.filter((result) => matches(filter, result.name, result.value)),
	};
}

/** What Lock → Lock / Lock → Unlock need of a lock; other forms list every lock. */
function remoteCapabilityWanted(
	context: ILoadOptionsFunctions,
): 'can_remotely_lock' | 'can_remotely_unlock' | undefined {
	try {
		if (context.getCurrentNodeParameter('resource') !== 'lock') return undefined;
		const operation = context.getCurrentNodeParameter('operation');
		if (operation === 'lock') return 'can_remotely_lock';
		if (operation === 'unlock') return 'can_remotely_unlock';
	} catch {
		// A form without resource or operation: no capability to ask for.
	}
	return undefined;
}

/**
 * Smart locks (devices with Seam's "lock" capability); for Lock and Unlock only those Seam can
 * operate remotely, asked of Seam with include_if. Offline locks say so.
 */
export async function searchLocks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const capability = remoteCapabilityWanted(this);
	const api = await connectToSeam(this);
	const page = {
		search: filter?.trim() || undefined,
		limit: PAGE_SIZE,
		...(capability ? { include_if: [capability] } : {}),
	};
	const [devices, pagination] = await api.call((seam) => {
		const reader = seam.createPaginator(seam.devices.list(page));
		return paginationToken ? reader.nextPage(paginationToken as PageCursor) : reader.firstPage();
	});
	return {
		results: (devices as unknown as IDataObject[]).filter(isLock).map((lock) => {
			const offline = (lock.properties as IDataObject | undefined)?.online === false;
			return item(
				`${displayName(lock, lock.device_id)}${offline ? ' (offline)' : ''}`,
				lock.device_id,
			);
		}),
		paginationToken: pagination.hasNextPage ? (pagination.nextPageCursor ?? undefined) : undefined,
	};
}

/** The lock chosen higher up in the form (Access Code forms), if it is filled in. */
function chosenDeviceId(context: ILoadOptionsFunctions): string | undefined {
	try {
		const value = context.getCurrentNodeParameter('deviceId', { extractValue: true }) as unknown;
		const id = typeof value === 'string' ? value.trim() : '';
		return id === '' ? undefined : id;
	} catch {
		// This form has no lock field: nothing to list by.
		return undefined;
	}
}

/**
 * Locks that take access codes: online (Seam programs them) or offline (the lock computes
 * them). Seam's include_if asks for all its flags at once, so "either" is filtered here.
 */
export async function searchCodeLocks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const page = { search: filter?.trim() || undefined, limit: PAGE_SIZE };
	const [devices, pagination] = await api.call((seam) => {
		const reader = seam.createPaginator(seam.devices.list(page));
		return paginationToken ? reader.nextPage(paginationToken as PageCursor) : reader.firstPage();
	});
	return {
		results: (devices as unknown as IDataObject[])
			.filter(
				(d) =>
					d.can_program_online_access_codes === true || d.can_program_offline_access_codes === true,
			)
			.map((d) =>
				item(
					`${displayName(d, d.device_id)}${d.can_program_online_access_codes === true ? '' : ' (offline codes only)'}`,
					d.device_id,
				),
			),
		paginationToken: pagination.hasNextPage ? (pagination.nextPageCursor ?? undefined) : undefined,
	};
}

/** A code in a picker: its name, and what a person checks before choosing it. */
function accessCodeItem(code: IDataObject): INodeListSearchItems {
	const name = String(code.name || code.access_code_id);
	const ends = typeof code.ends_at === 'string' ? `, until ${code.ends_at.slice(0, 10)}` : '';
	return item(`${name} (${String(code.status ?? 'unknown')}${ends})`, code.access_code_id);
}

/** The access codes of the lock chosen in the form (Seam lists them per lock). */
export async function searchAccessCodes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const device_id = chosenDeviceId(this);
	if (!device_id) return { results: [] };
	return await pagedSearch(
		(seam, page) => seam.createPaginator(seam.accessCodes.list({ device_id, ...page })),
		accessCodeItem,
	).call(this, filter, paginationToken);
}

/** The codes set on the chosen lock outside Seam, for Convert to Managed. */
export async function searchUnmanagedAccessCodes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const device_id = chosenDeviceId(this);
	if (!device_id) return { results: [] };
	return await pagedSearch(
		(seam, page) => seam.createPaginator(seam.accessCodes.unmanaged.list({ device_id, ...page })),
		accessCodeItem,
	).call(this, filter, paginationToken);
}
