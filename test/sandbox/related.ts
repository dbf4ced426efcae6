import { accessMethodsOf } from './access-grant-lifecycle';
import { presentAccessGrant, presentAccessMethod } from './access-grant-presenters';
import { methodCoversSpace } from './access-grant-queries';
import { doorsOf } from './access-method-plan';
import { presentDevice, presentSpace } from './device-presenters';
import { presentAcsSystem, presentEntrance, presentUserIdentity } from './presenters';
import { spaceHoldsAny } from './spaces';
import type { AccessGrantRecord, AccessMethodRecord, SpaceRecord, Store } from './store';

// The `batch` objects of /access_methods/get_related,
// /access_grants/get_related and /spaces/get_related: every resource the given
// methods, grants or spaces involve, one list per kind, each resource once, in
// creation order.
// `include` narrows the kinds, `exclude` removes some. Kinds the sandbox does
// not model (instant keys, client sessions, the ACS credentials and connected
// accounts behind the scenes, access groups) are returned as empty lists.

type SeamObject = Record<string, unknown>;
type Batch = Record<string, SeamObject[]>;

const ACCESS_METHOD_KINDS = [
	'spaces',
	'devices',
	'acs_entrances',
	'access_grants',
	'access_methods',
	'instant_keys',
	'client_sessions',
	'acs_credentials',
] as const;

const ACCESS_GRANT_KINDS = [
	'spaces',
	'devices',
	'acs_entrances',
	'connected_accounts',
	'acs_systems',
	'user_identities',
	'acs_access_groups',
	'access_methods',
] as const;

const SPACE_KINDS = [
	'spaces',
	'devices',
	'acs_entrances',
	'connected_accounts',
	'acs_systems',
	'access_methods',
] as const;

export function accessMethodBatch(
	store: Store,
	methods: AccessMethodRecord[],
	include: string[] | undefined,
	exclude: string[] | undefined,
): Batch {
	const grants = uniqueGrants(store, methods);
	const deviceIds = new Set(methods.flatMap((method) => method.device_ids));
	const entranceIds = new Set(methods.flatMap((method) => method.acs_entrance_ids));
	// The spaces a method covers: those its grant targets that hold one of its doors.
	const spaceIds = new Set(
		methods.flatMap((method) => {
			const grant = store.accessGrants.get(method.access_grant_id);
			return (grant?.space_ids ?? []).filter((id) => {
				const space = store.spaces.get(id);
				return space != null && spaceHoldsAny(space, method);
			});
		}),
	);
	const methodIds = new Set(methods.map((method) => method.access_method_id));
	const lists: Record<(typeof ACCESS_METHOD_KINDS)[number], () => SeamObject[]> = {
		spaces: () => inOrder(store.spaces, spaceIds).map((space) => presentSpace(store, space)),
		devices: () => inOrder(store.devices, deviceIds).map((device) => presentDevice(store, device)),
		acs_entrances: () =>
			inOrder(store.entrances, entranceIds).map((entrance) => presentEntrance(store, entrance)),
		access_grants: () => grants.map((grant) => presentAccessGrant(store, grant)),
		access_methods: () =>
			inOrder(store.accessMethods, methodIds).map((method) => presentAccessMethod(store, method)),
		instant_keys: () => [],
		client_sessions: () => [],
		acs_credentials: () => [],
	};
	return buildBatch(lists, ACCESS_METHOD_KINDS, include, exclude);
}

export function accessGrantBatch(
	store: Store,
	grants: AccessGrantRecord[],
	include: string[] | undefined,
	exclude: string[] | undefined,
): Batch {
	const doors = grants.map((grant) => doorsOf(store, grant));
	const deviceIds = new Set(doors.flatMap((door) => door.device_ids));
	const entranceIds = new Set(doors.flatMap((door) => door.acs_entrance_ids));
	const systemIds = new Set(
		[...entranceIds].map((id) => store.entrances.get(id)?.acs_system_id ?? ''),
	);
	const spaceIds = new Set(grants.flatMap((grant) => grant.space_ids));
	const identityIds = new Set(grants.map((grant) => grant.user_identity_id));
	const methodIds = new Set(
		grants.flatMap((grant) =>
			accessMethodsOf(store, grant).map((method) => method.access_method_id),
		),
	);
	const lists: Record<(typeof ACCESS_GRANT_KINDS)[number], () => SeamObject[]> = {
		spaces: () => inOrder(store.spaces, spaceIds).map((space) => presentSpace(store, space)),
		devices: () => inOrder(store.devices, deviceIds).map((device) => presentDevice(store, device)),
		acs_entrances: () =>
			inOrder(store.entrances, entranceIds).map((entrance) => presentEntrance(store, entrance)),
		connected_accounts: () => [],
		acs_systems: () =>
			inOrder(store.acsSystems, systemIds).map((system) => presentAcsSystem(store, system)),
		user_identities: () =>
			inOrder(store.userIdentities, identityIds).map((identity) =>
				presentUserIdentity(store, identity),
			),
		acs_access_groups: () => [],
		access_methods: () =>
			inOrder(store.accessMethods, methodIds).map((method) => presentAccessMethod(store, method)),
	};
	return buildBatch(lists, ACCESS_GRANT_KINDS, include, exclude);
}

/**
 * The spaces, the devices and entrances in them, the access systems of those
 * entrances, and the access methods granted through the spaces (as
 * /access_methods/list filters by space_id).
 */
export function spaceBatch(
	store: Store,
	spaces: SpaceRecord[],
	include: string[] | undefined,
	exclude: string[] | undefined,
): Batch {
	const spaceIds = new Set(spaces.map((space) => space.space_id));
	const deviceIds = new Set(spaces.flatMap((space) => space.device_ids));
	const entranceIds = new Set(spaces.flatMap((space) => space.acs_entrance_ids));
	const systemIds = new Set(
		[...entranceIds].map((id) => store.entrances.get(id)?.acs_system_id ?? ''),
	);
	const lists: Record<(typeof SPACE_KINDS)[number], () => SeamObject[]> = {
		spaces: () => inOrder(store.spaces, spaceIds).map((space) => presentSpace(store, space)),
		devices: () => inOrder(store.devices, deviceIds).map((device) => presentDevice(store, device)),
		acs_entrances: () =>
			inOrder(store.entrances, entranceIds).map((entrance) => presentEntrance(store, entrance)),
		connected_accounts: () => [],
		acs_systems: () =>
			inOrder(store.acsSystems, systemIds).map((system) => presentAcsSystem(store, system)),
		access_methods: () =>
			[...store.accessMethods.values()]
				.filter((method) => [...spaceIds].some((id) => methodCoversSpace(store, method, id)))
				.map((method) => presentAccessMethod(store, method)),
	};
	return buildBatch(lists, SPACE_KINDS, include, exclude);
}

function buildBatch<K extends string>(
	lists: Record<K, () => SeamObject[]>,
	kinds: readonly K[],
	include: string[] | undefined,
	exclude: string[] | undefined,
): Batch {
	const batch: Batch = {};
	for (const kind of kinds) {
		if (include != null && !include.includes(kind)) continue;
		if (exclude != null && exclude.includes(kind)) continue;
		batch[kind] = lists[kind]();
	}
	return batch;
}

function uniqueGrants(store: Store, methods: AccessMethodRecord[]): AccessGrantRecord[] {
	const ids = new Set(methods.map((method) => method.access_grant_id));
	return inOrder(store.accessGrants, ids);
}

/** The records whose ids are in `ids`, in creation order (Map insertion order). */
function inOrder<T>(records: Map<string, T>, ids: ReadonlySet<string>): T[] {
	return [...records.entries()].filter(([id]) => ids.has(id)).map(([, record]) => record);
}
