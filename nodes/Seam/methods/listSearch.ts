import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { PageReader } from '../shared/transport/paginate';
import { connectToSeam, type SeamApi } from '../shared/transport/client';
import type { SeamClient } from '../shared/transport/sdk';
import { chosenAcsSystemId } from './parent';

const PAGE_SIZE = 100;

/** n8n hands back the cursor we gave it as a plain string; the SDK brands its cursor type. */
type PageCursor = Parameters<PageReader['nextPage']>[0];

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

function item(name: string, value: unknown): INodeListSearchItems {
	return { name, value: String(value) };
}

function nameOf(thing: IDataObject, fallback: unknown): string {
	return String(
		thing.display_name ??
			thing.name ??
			(thing.properties as IDataObject | undefined)?.name ??
			fallback,
	);
}

/**
 * One page of a paginated Seam list as n8n's list search wants it: n8n passes back the cursor of
 * the previous page when the user scrolls. `search` is Seam's own server-side search.
 */
async function searchPage(
	context: ILoadOptionsFunctions,
	paginationToken: string | undefined,
	makeReader: (seam: SeamClient) => PageReader,
	toItem: (thing: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const api = await connectToSeam(context);
	const [things, pagination] = await api.call((seam) => {
		const reader = makeReader(seam);
		return paginationToken ? reader.nextPage(paginationToken as PageCursor) : reader.firstPage();
	});
	return {
		results: (things as unknown as IDataObject[]).map(toItem),
		paginationToken: pagination.hasNextPage ? (pagination.nextPageCursor ?? undefined) : undefined,
	};
}

const searchText = (filter?: string) => filter?.trim() || undefined;

/** The system chosen in the form, or else every system: groups and credentials belong to one. */
async function systemsToSearch(context: ILoadOptionsFunctions, api: SeamApi): Promise<string[]> {
	const chosen = chosenAcsSystemId(context);
	if (chosen) return [chosen];
	const systems = (await api.call((seam) => seam.acs.systems.list())) as unknown as IDataObject[];
	return systems.map((s) => String(s.acs_system_id));
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

export async function searchAcsUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const acs_system_id = chosenAcsSystemId(this);
	return await searchPage(
		this,
		paginationToken,
		(seam) =>
			seam.createPaginator(
				seam.acs.users.list({ acs_system_id, search: searchText(filter), limit: PAGE_SIZE }),
			),
		(u) =>
			item(
				u.email_address
					? `${u.full_name} <${u.email_address}>`
					: String(u.full_name ?? u.acs_user_id),
				u.acs_user_id,
			),
	);
}

export async function searchEntrances(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const acs_system_id = chosenAcsSystemId(this);
	return await searchPage(
		this,
		paginationToken,
		(seam) =>
			seam.createPaginator(
				seam.acs.entrances.list({ acs_system_id, search: searchText(filter), limit: PAGE_SIZE }),
			),
		(e) =>
			item(
				`${e.display_name}${e.can_unlock_with_code === false ? ' (no PIN)' : ''}`,
				e.acs_entrance_id,
			),
	);
}

export async function searchUserIdentities(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		paginationToken,
		(seam) =>
			seam.createPaginator(
				seam.userIdentities.list({ search: searchText(filter), limit: PAGE_SIZE }),
			),
		(u) =>
			item(
				u.email_address
					? `${u.full_name ?? u.display_name} <${u.email_address}>`
					: nameOf(u, u.user_identity_id),
				u.user_identity_id,
			),
	);
}

export async function searchDevices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		paginationToken,
		(seam) =>
			seam.createPaginator(seam.devices.list({ search: searchText(filter), limit: PAGE_SIZE })),
		(d) => item(nameOf(d, d.device_id), d.device_id),
	);
}

export async function searchSpaces(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		paginationToken,
		(seam) =>
			seam.createPaginator(seam.spaces.list({ search: searchText(filter), limit: PAGE_SIZE })),
		(s) => item(nameOf(s, s.space_id), s.space_id),
	);
}

export async function searchAccessGrants(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// Seam's grant list has no text search: filter the page here.
	const page = await searchPage(
		this,
		paginationToken,
		(seam) => seam.createPaginator(seam.accessGrants.list({ limit: PAGE_SIZE })),
		(g) =>
			item(
				`${g.name ?? g.display_name ?? 'Access Grant'}${g.access_grant_key ? ` (${g.access_grant_key})` : ''}`,
				g.access_grant_id,
			),
	);
	return { ...page, results: page.results.filter((r) => matches(filter, r.name, r.value)) };
}

export async function searchAccessGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const results: INodeListSearchItems[] = [];
	for (const acs_system_id of await systemsToSearch(this, api)) {
		const groups = (await api.call((seam) =>
			seam.acs.accessGroups.list({ acs_system_id }),
		)) as unknown as IDataObject[];
		for (const g of groups) {
			if (matches(filter, g.name, g.display_name, g.acs_access_group_id))
				results.push(item(nameOf(g, g.acs_access_group_id), g.acs_access_group_id));
		}
	}
	return { results };
}

export async function searchCredentials(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const results: INodeListSearchItems[] = [];
	for (const acs_system_id of await systemsToSearch(this, api)) {
		const [credentials] = await api.call((seam) =>
			seam
				.createPaginator(seam.acs.credentials.list({ acs_system_id, limit: PAGE_SIZE }))
				.firstPage(),
		);
		for (const c of credentials as unknown as IDataObject[]) {
			const label = `${c.display_name ?? c.access_method} · ${c.acs_credential_id}`;
			if (matches(filter, label, c.acs_user_id)) results.push(item(label, c.acs_credential_id));
		}
	}
	return { results };
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
