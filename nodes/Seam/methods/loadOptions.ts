import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { displayName } from '../shared/seamObjects/displayName';
import { connectToSeam } from '../shared/transport/client';
import { chosenAcsSystemId } from './parent';

// Every export of this file is a load options method of the node: helpers stay unexported.

/** Entrances say whether a PIN can open them, so the user sees it before choosing. */
async function entranceOptions(
	context: ILoadOptionsFunctions,
	acs_system_id?: string,
): Promise<INodePropertyOptions[]> {
	const api = await connectToSeam(context);
	const entrances = (await api.call((seam) =>
		seam
			.createPaginator(seam.acs.entrances.list(acs_system_id ? { acs_system_id } : {}))
			.flattenToArray(),
	)) as unknown as IDataObject[];
	return entrances.map((e) => ({
		name: displayName(e, e.acs_entrance_id),
		value: String(e.acs_entrance_id),
		description:
			e.can_unlock_with_code === false ? 'A PIN code cannot open this entrance' : undefined,
	}));
}

/** Multi-select options need a chosen ACS system: groups and entrances belong to one. */
export async function getAccessGroups(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const acs_system_id = chosenAcsSystemId(this);
	if (!acs_system_id) return [];
	const api = await connectToSeam(this);
	const groups = (await api.call((seam) =>
		seam.acs.accessGroups.list({ acs_system_id }),
	)) as unknown as IDataObject[];
	return groups.map((g) => ({
		// The group's own name first, as this list has always shown it.
		name: String(g.name ?? displayName(g, g.acs_access_group_id)),
		value: String(g.acs_access_group_id),
	}));
}

export async function getEntrances(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const acs_system_id = chosenAcsSystemId(this);
	if (!acs_system_id) return [];
	return await entranceOptions(this, acs_system_id);
}

export async function getDevices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await connectToSeam(this);
	const devices = (await api.call((seam) =>
		seam.createPaginator(seam.devices.list({})).flattenToArray(),
	)) as unknown as IDataObject[];
	return devices
		.map((d) => ({
			name: displayName(d, d.device_id),
			value: String(d.device_id),
			description:
				d.can_program_online_access_codes === true ? undefined : 'Cannot take online PIN codes',
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getAcsSystems(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await connectToSeam(this);
	const systems = (await api.call((seam) => seam.acs.systems.list({}))) as unknown as IDataObject[];
	return systems
		.map((system) => ({
			name: String(system.name ?? system.acs_system_id),
			value: String(system.acs_system_id),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every entrance, for Access Grant → Create: its form has no ACS system to narrow by. */
export async function getAllEntrances(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await entranceOptions(this);
}

export async function getSpaces(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await connectToSeam(this);
	const spaces = (await api.call((seam) =>
		seam.createPaginator(seam.spaces.list({})).flattenToArray(),
	)) as unknown as IDataObject[];
	return spaces.map((s) => ({ name: displayName(s, s.space_id), value: String(s.space_id) }));
}

/**
 * Locks Seam can program codes on over the internet, for Access Code → Create on Several Locks
 * (Seam's create_multiple sets online codes only).
 */
export async function getCodeLocks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await connectToSeam(this);
	const devices = (await api.call((seam) =>
		seam.createPaginator(seam.devices.list({})).flattenToArray(),
	)) as unknown as IDataObject[];
	return devices
		.filter((d) => d.can_program_online_access_codes === true)
		.map((d) => ({ name: displayName(d, d.device_id), value: String(d.device_id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
