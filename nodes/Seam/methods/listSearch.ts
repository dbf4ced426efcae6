import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import type { PageReader } from '../helpers/paginate';
import { connectToSeam, type SeamApi } from '../transport/client';
import { chosenAcsSystemId } from './parent';

const PAGE_SIZE = 100;

/** n8n hands back the cursor we gave it as a plain string; the SDK brands its cursor type. */
type PageCursor = Parameters<PageReader['nextPage']>[0];

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

/** The system chosen in the form, or else every system: groups and credentials belong to one. */
async function systemsToSearch(context: ILoadOptionsFunctions, api: SeamApi): Promise<string[]> {
	const chosen = chosenAcsSystemId(context);
	if (chosen) return [chosen];
	const systems = (await api.call((seam) => seam.acs.systems.list())) as unknown as IDataObject[];
	return systems.map((s) => String(s.acs_system_id));
}

function item(name: string, value: unknown): INodeListSearchItems {
	return { name, value: String(value) };
}

export async function searchAcsSystems(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const systems = (await api.call((seam) => seam.acs.systems.list())) as unknown as IDataObject[];
	return {
		results: systems
			.filter((s) => matches(filter, s.name, s.external_type_display_name, s.acs_system_id))
			.map((s) => item(`${s.name} (${s.external_type_display_name ?? s.external_type ?? 'ACS'})`, s.acs_system_id)),
	};
}

export async function searchAcsUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const acs_system_id = chosenAcsSystemId(this);
	const search = filter?.trim() || undefined;
	const [users, pagination] = await api.call((seam) => {
		const request = seam.acs.users.list({ acs_system_id, search, limit: PAGE_SIZE });
		const paginator = seam.createPaginator(request);
		return paginationToken ? paginator.nextPage(paginationToken as PageCursor) : paginator.firstPage();
	});
	return {
		results: (users as unknown as IDataObject[]).map((u) =>
			item(u.email_address ? `${u.full_name} <${u.email_address}>` : String(u.full_name ?? u.acs_user_id), u.acs_user_id),
		),
		paginationToken: pagination.hasNextPage ? (pagination.nextPageCursor ?? undefined) : undefined,
	};
}

export async function searchAccessGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const systemIds = await systemsToSearch(this, api);
	const results: INodeListSearchItems[] = [];
	for (const id of systemIds) {
		const groups = (await api.call((seam) => seam.acs.accessGroups.list({ acs_system_id: id }))) as unknown as IDataObject[];
		for (const g of groups) {
			if (matches(filter, g.name, g.display_name, g.acs_access_group_id)) results.push(item(String(g.name ?? g.display_name), g.acs_access_group_id));
		}
	}
	return { results };
}

export async function searchEntrances(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const acs_system_id = chosenAcsSystemId(this);
	const search = filter?.trim() || undefined;
	const [entrances, pagination] = await api.call((seam) => {
		const paginator = seam.createPaginator(seam.acs.entrances.list({ acs_system_id, search, limit: PAGE_SIZE }));
		return paginationToken ? paginator.nextPage(paginationToken as PageCursor) : paginator.firstPage();
	});
	return {
		results: (entrances as unknown as IDataObject[]).map((e) =>
			item(`${e.display_name}${e.can_unlock_with_code === false ? ' (no PIN)' : ''}`, e.acs_entrance_id),
		),
		paginationToken: pagination.hasNextPage ? (pagination.nextPageCursor ?? undefined) : undefined,
	};
}

export async function searchCredentials(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const systemIds = await systemsToSearch(this, api);
	const results: INodeListSearchItems[] = [];
	for (const id of systemIds) {
		const credentials = (await api.call((seam) =>
			seam.createPaginator(seam.acs.credentials.list({ acs_system_id: id, limit: PAGE_SIZE })).firstPage(),
		))[0] as unknown as IDataObject[];
		for (const c of credentials) {
			const label = `${c.display_name ?? c.access_method} · ${c.acs_credential_id}`;
			if (matches(filter, label, c.acs_user_id)) results.push(item(label, c.acs_credential_id));
		}
	}
	return { results };
}

export async function searchUserIdentities(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const search = filter?.trim() || undefined;
	const [identities, pagination] = await api.call((seam) => {
		const paginator = seam.createPaginator(seam.userIdentities.list({ search, limit: PAGE_SIZE }));
		return paginationToken ? paginator.nextPage(paginationToken as PageCursor) : paginator.firstPage();
	});
	return {
		results: (identities as unknown as IDataObject[]).map((u) =>
			item(u.email_address ? `${u.full_name ?? u.display_name} <${u.email_address}>` : String(u.full_name ?? u.display_name), u.user_identity_id),
		),
		paginationToken: pagination.hasNextPage ? (pagination.nextPageCursor ?? undefined) : undefined,
	};
}

export async function searchAccessGrants(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const [grants, pagination] = await api.call((seam) => {
		const paginator = seam.createPaginator(seam.accessGrants.list({ limit: PAGE_SIZE }));
		return paginationToken ? paginator.nextPage(paginationToken as PageCursor) : paginator.firstPage();
	});
	return {
		results: (grants as unknown as IDataObject[])
			.map((g) => item(`${g.name ?? g.display_name ?? 'Access Grant'}${g.access_grant_key ? ` (${g.access_grant_key})` : ''}`, g.access_grant_id))
			.filter((result) => matches(filter, result.name, result.value)),
		paginationToken: pagination.hasNextPage ? (pagination.nextPageCursor ?? undefined) : undefined,
	};
}

/** The access methods of the grant chosen in the form (Seam lists them per grant). */
export async function searchAccessMethods(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	let accessGrantId = '';
	try {
		accessGrantId = String(this.getCurrentNodeParameter('accessGrantId', { extractValue: true }) ?? '').trim();
	} catch {
		// No grant field in this form.
	}
	if (!accessGrantId) return { results: [] };
	const api = await connectToSeam(this);
	const methods = (await api.call((seam) => seam.accessMethods.list({ access_grant_id: accessGrantId }))) as unknown as IDataObject[];
	return {
		results: methods
			.map((m) => item(`${m.display_name ?? m.mode}${m.is_issued ? '' : ' (not issued yet)'}`, m.access_method_id))
			.filter((result) => matches(filter, result.name, result.value)),
	};
}

export async function searchDevices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const search = filter?.trim() || undefined;
	const [devices, pagination] = await api.call((seam) => {
		const paginator = seam.createPaginator(seam.devices.list({ search, limit: PAGE_SIZE }));
		return paginationToken ? paginator.nextPage(paginationToken as PageCursor) : paginator.firstPage();
	});
	return {
		results: (devices as unknown as IDataObject[]).map((d) =>
			item(String(d.display_name ?? (d.properties as IDataObject | undefined)?.name ?? d.device_id), d.device_id),
		),
		paginationToken: pagination.hasNextPage ? (pagination.nextPageCursor ?? undefined) : undefined,
	};
}

export async function searchSpaces(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await connectToSeam(this);
	const search = filter?.trim() || undefined;
	const [spaces, pagination] = await api.call((seam) => {
		const paginator = seam.createPaginator(seam.spaces.list({ search, limit: PAGE_SIZE }));
		return paginationToken ? paginator.nextPage(paginationToken as PageCursor) : paginator.firstPage();
	});
	return {
		results: (spaces as unknown as IDataObject[]).map((s) => item(String(s.display_name ?? s.name), s.space_id)),
		paginationToken: pagination.hasNextPage ? (pagination.nextPageCursor ?? undefined) : undefined,
	};
}
