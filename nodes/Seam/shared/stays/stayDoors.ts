import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { providerRules } from '../access/providers';
import { displayName } from '../seamObjects/displayName';
import type { SeamApi } from '../transport/client';
import { unlessNotFound } from '../transport/unlessNotFound';

/** How the form names the stay's doors. */
export type DoorsBy = 'spaces' | 'spaceKeys' | 'devices' | 'entrances';

export interface DoorRequest {
	by: DoorsBy;
	/** Space IDs, space keys, device IDs or entrance IDs, as `by` says. */
	values: string[];
	/** The form's label for the field the values came from. */
	label: string;
}

/** A door the guest's PIN is meant to open. */
export interface Door {
	type: 'device' | 'acs_entrance';
	id: string;
	name: string;
	takesPin: boolean;
	/** The code lengths the lock accepts, when Seam reports them. */
	codeLengths?: number[];
	/** The entrance's access system. */
	systemId?: string;
	/** The access system that generates every PIN itself (Salto KS, Latch), once learned. */
	generatesPinsAs?: string;
}

export interface StayDoors {
	/** The spaces asked for (empty unless the doors are given as spaces). */
	spaceIds: string[];
	spaceNames: string[];
	doors: Door[];
	/** What the Access Grant is created with. */
	targets: IDataObject;
	/** Whether the entrances' access systems have been read (learnPinGenerators). */
	providersKnown?: boolean;
}

function deviceDoor(device: IDataObject): Door {
	const lengths = (device.properties as IDataObject | undefined)?.supported_code_lengths;
	return {
		type: 'device',
		id: String(device.device_id),
		name: displayName(device, device.device_id),
		takesPin: device.can_program_online_access_codes === true,
		...(Array.isArray(lengths) && lengths.length > 0 ? { codeLengths: lengths.map(Number) } : {}),
	};
}

function entranceDoor(entrance: IDataObject): Door {
	return {
		type: 'acs_entrance',
		id: String(entrance.acs_entrance_id),
		name: displayName(entrance, entrance.acs_entrance_id),
		takesPin: entrance.can_unlock_with_code === true,
		systemId: String(entrance.acs_system_id),
	};
}

/**
 * Marks the entrances whose access system generates every PIN itself (Salto KS, Latch): one
 * read of the ACS systems, made only when a chosen code has to be checked against entrances.
 */
export async function learnPinGenerators(api: SeamApi, stay: StayDoors, i: number): Promise<void> {
	const entrances = stay.doors.filter((door) => door.systemId !== undefined);
	if (entrances.length === 0 || stay.providersKnown) return;
	const systems = (await api.call(
		(seam) => seam.acs.systems.list({}),
		i,
	)) as unknown as IDataObject[];
	const byId = new Map(systems.map((system) => [String(system.acs_system_id), system]));
	for (const door of entrances) {
		const system = byId.get(String(door.systemId));
		const rules = providerRules(system?.external_type as string | undefined);
		if (rules.generatesPinCodes) door.generatesPinsAs = rules.name;
	}
	stay.providersKnown = true;
}

function missing(
	context: IExecuteFunctions,
	request: DoorRequest,
	found: Set<string> | null,
	i: number,
): void {
	const absent = request.values.filter((value) => !found?.has(value));
	if (absent.length === 0) return;
	const named = absent.map((value) => `"${value}"`).join(', ');
	throw new NodeOperationError(
		context.getNode(),
		found || absent.length === 1
			? `${request.label}: Seam has no ${named}`
			: `${request.label}: Seam does not know one of ${named}`,
		{
			itemIndex: i,
			description: `Check ${request.label} against your Seam workspace (Seam node → Space, Device or Entrance → Get Many lists them). Nothing was sent.`,
		},
	);
}

/**
 * Spaces (by ID or by key) with their devices and entrances: one `spaces/get_related` however
 * many spaces. A space Seam does not have (it answers 404, or leaves it out) is an error naming it.
 */
async function spacesWithDoors(
	context: IExecuteFunctions,
	api: SeamApi,
	request: DoorRequest,
	i: number,
): Promise<{ spaces: IDataObject[]; devices: IDataObject[]; entrances: IDataObject[] }> {
	const lookup =
		request.by === 'spaces' ? { space_ids: request.values } : { space_keys: request.values };
	const batch = (await api.call(
		(seam) =>
			unlessNotFound(
				seam.spaces.getRelated({ ...lookup, include: ['spaces', 'devices', 'acs_entrances'] }),
			),
		i,
	)) as unknown as null | {
		spaces?: IDataObject[];
		devices?: IDataObject[];
		acs_entrances?: IDataObject[];
	};
	const spaces = batch?.spaces ?? [];
	const keyOf = (space: IDataObject) =>
		String(request.by === 'spaces' ? space.space_id : space.space_key);
	missing(context, request, batch && new Set(spaces.map(keyOf)), i);
	return { spaces, devices: batch?.devices ?? [], entrances: batch?.acs_entrances ?? [] };
}

/**
 * The stay's doors with what a PIN needs to know about each, read with one list request per
 * kind of door (spaces with their devices and entrances in one `get_related`), not one per door.
 */
export async function resolveDoors(
	context: IExecuteFunctions,
	api: SeamApi,
	request: DoorRequest,
	i: number,
): Promise<StayDoors> {
	const { by, values } = request;
	if (by === 'devices') {
		const devices = (await api.call(
			(seam) => seam.devices.list({ device_ids: values }),
			i,
		)) as unknown as IDataObject[];
		missing(context, request, new Set(devices.map((d) => String(d.device_id))), i);
		return {
			spaceIds: [],
			spaceNames: [],
			doors: devices.map(deviceDoor),
			targets: { device_ids: values },
		};
	}
	if (by === 'entrances') {
		const entrances = (await api.call(
			(seam) => seam.acs.entrances.list({ acs_entrance_ids: values }),
			i,
		)) as unknown as IDataObject[];
		missing(context, request, new Set(entrances.map((e) => String(e.acs_entrance_id))), i);
		return {
			spaceIds: [],
			spaceNames: [],
			doors: entrances.map(entranceDoor),
			targets: { acs_entrance_ids: values },
		};
	}
	const { spaces, devices, entrances } = await spacesWithDoors(context, api, request, i);
	return {
		spaceIds: spaces.map((s) => String(s.space_id)).sort(),
		spaceNames: spaces.map((s) => displayName(s, s.space_id)),
		doors: [...devices.map(deviceDoor), ...entrances.map(entranceDoor)],
		targets: by === 'spaces' ? { space_ids: values } : { space_keys: values },
	};
}

/**
 * Whether the PIN can work on these doors, said before anything is created. Doors chosen one by
 * one must all take a PIN; in a space, doors without a keypad are left out by Seam (and reported
 * in the grant's warnings), but a chosen code must fit every door that takes one.
 */
export function pinProblems(stay: StayDoors, by: DoorsBy, code: string | undefined): string[] {
	const problems: string[] = [];
	const chosenOneByOne = by === 'devices' || by === 'entrances';
	const pinDoors = stay.doors.filter((door) => door.takesPin);
	if (pinDoors.length === 0) {
		problems.push(
			`none of the doors (${stay.doors.map((d) => d.name).join(', ') || 'none found'}) takes a PIN code`,
		);
		return problems;
	}
	if (chosenOneByOne) {
		for (const door of stay.doors.filter((d) => !d.takesPin)) {
			problems.push(`"${door.name}" (${door.id}) cannot take a PIN code`);
		}
	}
	if (code === undefined) return problems;
	for (const door of pinDoors) {
		if (door.generatesPinsAs) {
			problems.push(
				`"${door.name}" is a ${door.generatesPinsAs} door: ${door.generatesPinsAs} generates every PIN itself`,
			);
		} else if (door.codeLengths && !door.codeLengths.includes(code.length)) {
			problems.push(
				`"${door.name}" takes ${door.codeLengths.join(', ')}-digit codes, not ${code.length} digits`,
			);
		}
	}
	return problems;
}

/**
 * The doors of several units at once, for a sync: one `spaces/get_related` for every unit named
 * (by key or by ID), each unit's doors told apart by the spaces each door belongs to. A unit
 * Seam does not have is an error naming it, before anything is written.
 */
export async function resolveUnits(
	context: IExecuteFunctions,
	api: SeamApi,
	by: 'spaces' | 'spaceKeys',
	units: string[],
	label: string,
	i: number,
): Promise<Map<string, StayDoors>> {
	const values = [...new Set(units)];
	const resolved = new Map<string, StayDoors>();
	if (values.length === 0) return resolved;
	const { spaces, devices, entrances } = await spacesWithDoors(
		context,
		api,
		{ by, values, label },
		i,
	);
	const inSpace = (door: IDataObject, spaceId: string) =>
		((door.space_ids ?? []) as string[]).map(String).includes(spaceId);
	for (const space of spaces) {
		const spaceId = String(space.space_id);
		const value = String(by === 'spaces' ? space.space_id : space.space_key);
		resolved.set(value, {
			spaceIds: [spaceId],
			spaceNames: [displayName(space, space.space_id)],
			doors: [
				...devices.filter((d) => inSpace(d, spaceId)).map(deviceDoor),
				...entrances.filter((e) => inSpace(e, spaceId)).map(entranceDoor),
			],
			targets: by === 'spaces' ? { space_ids: [value] } : { space_keys: [value] },
		});
	}
	return resolved;
}
