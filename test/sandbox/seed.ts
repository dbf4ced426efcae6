import type { DeviceKind } from './device-models';
import type { ProviderKind } from './providers';
import { Store } from './store';

export interface SeedIds {
	workspaceId: string;
	saltoSystemId: string;
	latchSystemId: string;
	accessGroups: { mainGroup: string; staffGroup: string; poolGroup: string };
	entrances: {
		mainEntrance: string;
		lobby: string;
		staffRoom: string;
		poolGate: string;
		frontDoor: string;
		garage: string;
		room101: string;
		room102: string;
	};
	userIdentities: { jane: string };
	devices: {
		frontDoorLock: string;
		backDoorLock: string;
		garageKeypad: string;
		oldDeadbolt: string;
		storageRoomLock: string;
	};
	/** Codes put on the Front Door Lock outside Seam (/access_codes/unmanaged/*). */
	unmanagedAccessCodes: { owner: string; oldCleaner: string };
	spaces: { unit101: string; unit102: string; cottage: string; poolArea: string };
}

// Ids are fixed, in the style of Seam's docs, so that reset(), a second sandbox, the example
// workflows under examples/ and the demo all agree on them across processes and machines.
const seedIds: SeedIds = {
	workspaceId: '00000000-0000-4000-8000-000000000001',
	saltoSystemId: '11111111-1111-4111-8111-111111111111',
	latchSystemId: '11111111-1111-4111-8111-222222222222',
	accessGroups: {
		mainGroup: '44444444-4444-4444-8444-444444444444',
		staffGroup: '44444444-4444-4444-8444-333333333333',
		poolGroup: '44444444-4444-4444-8444-555555555555',
	},
	entrances: {
		mainEntrance: '55555555-5555-4555-8555-000000000001',
		lobby: '55555555-5555-4555-8555-000000000002',
		staffRoom: '55555555-5555-4555-8555-000000000003',
		poolGate: '55555555-5555-4555-8555-000000000004',
		frontDoor: '55555555-5555-4555-8555-000000000101',
		garage: '55555555-5555-4555-8555-000000000102',
		room101: '55555555-5555-4555-8555-000000000103',
		room102: '55555555-5555-4555-8555-000000000104',
	},
	userIdentities: { jane: '22222222-2222-4222-8222-222222222222' },
	devices: {
		frontDoorLock: '66666666-6666-4666-8666-000000000001',
		backDoorLock: '66666666-6666-4666-8666-000000000002',
		garageKeypad: '66666666-6666-4666-8666-000000000003',
		oldDeadbolt: '66666666-6666-4666-8666-000000000004',
		storageRoomLock: '66666666-6666-4666-8666-000000000005',
	},
	unmanagedAccessCodes: {
		owner: '88888888-8888-4888-8888-000000000001',
		oldCleaner: '88888888-8888-4888-8888-000000000002',
	},
	spaces: {
		unit101: '77777777-7777-4777-8777-000000000101',
		unit102: '77777777-7777-4777-8777-000000000102',
		cottage: '77777777-7777-4777-8777-000000000103',
		poolArea: '77777777-7777-4777-8777-000000000201',
	},
};
const connectedAccountIds: Record<ProviderKind | DeviceKind, string> = {
	salto_ks: '99999999-9999-4999-8999-000000000001',
	latch: '99999999-9999-4999-8999-000000000002',
	august_lock: '99999999-9999-4999-8999-000000000003',
	yale_lock: '99999999-9999-4999-8999-000000000004',
	schlage_lock: '99999999-9999-4999-8999-000000000005',
	igloohome_lock: '99999999-9999-4999-8999-000000000006',
};
const seededAt = new Date().toISOString();

export function getSeedIds(): SeedIds {
	return structuredClone(seedIds);
}

export function createSeededStore(): Store {
	const ids = seedIds;
	const store = new Store({
		workspace_id: ids.workspaceId,
		name: 'n8n-nodes-seam sandbox',
		company_name: 'n8n-nodes-seam',
	});

	const addSystem = (
		acs_system_id: string,
		provider: ProviderKind,
		name: string,
		time_zone: string,
	) =>
		store.acsSystems.set(acs_system_id, {
			seq: store.nextSeq(),
			acs_system_id,
			provider,
			name,
			connected_account_id: connectedAccountIds[provider],
			time_zone,
			created_at: seededAt,
		});
	const addEntrance = (acs_entrance_id: string, acs_system_id: string, name: string) =>
		store.entrances.set(acs_entrance_id, {
			seq: store.nextSeq(),
			acs_entrance_id,
			acs_system_id,
			name,
			can_unlock_with_code: true,
			created_at: seededAt,
		});
	const addGroup = (acs_access_group_id: string, name: string, entrance_ids: string[]) =>
		store.accessGroups.set(acs_access_group_id, {
			seq: store.nextSeq(),
			acs_access_group_id,
			acs_system_id: ids.saltoSystemId,
			name,
			entrance_ids,
			created_at: seededAt,
		});

	const { entrances: e, accessGroups: g } = ids;

	addSystem(ids.saltoSystemId, 'salto_ks', 'Main Site', 'Europe/Madrid');
	addEntrance(e.mainEntrance, ids.saltoSystemId, 'Main Entrance');
	addEntrance(e.lobby, ids.saltoSystemId, 'Lobby');
	addEntrance(e.staffRoom, ids.saltoSystemId, 'Staff Room');
	addEntrance(e.poolGate, ids.saltoSystemId, 'Pool Gate');
	addGroup(g.mainGroup, 'Main Group', [e.mainEntrance, e.lobby]);
	addGroup(g.staffGroup, 'Staff Group', [e.staffRoom, e.mainEntrance]);
	addGroup(g.poolGroup, 'Pool Group', [e.poolGate]);

	addSystem(ids.latchSystemId, 'latch', 'Building A', 'America/New_York');
	addEntrance(e.frontDoor, ids.latchSystemId, 'Front Door');
	addEntrance(e.garage, ids.latchSystemId, 'Garage');
	addEntrance(e.room101, ids.latchSystemId, 'Room 101');
	addEntrance(e.room102, ids.latchSystemId, 'Room 102');

	const addDevice = (
		device_id: string,
		kind: DeviceKind,
		name: string,
		codes: { online: boolean; offline?: boolean },
		battery_level: number,
	) =>
		store.devices.set(device_id, {
			seq: store.nextSeq(),
			device_id,
			kind,
			name,
			connected_account_id: connectedAccountIds[kind],
			can_program_online_access_codes: codes.online,
			can_program_offline_access_codes: codes.offline ?? false,
			time_zone: 'America/New_York',
			created_at: seededAt,
			locked: true,
			online: true,
			offline_since: null,
			battery_level,
		});
	const addSpace = (
		space_id: string,
		space_key: string,
		name: string,
		doors: { device_ids?: string[]; acs_entrance_ids?: string[] },
	) =>
		store.spaces.set(space_id, {
			seq: store.nextSeq(),
			space_id,
			space_key,
			name,
			device_ids: doors.device_ids ?? [],
			acs_entrance_ids: doors.acs_entrance_ids ?? [],
			created_at: seededAt,
		});

	// Standalone smart locks (Seam's "Using PIN Codes" guide). The Old Deadbolt
	// has no keypad, so Seam cannot program PIN codes on it.
	const d = ids.devices;
	addDevice(d.frontDoorLock, 'august_lock', 'Front Door Lock', { online: true }, 0.86);
	addDevice(d.backDoorLock, 'yale_lock', 'Back Door Lock', { online: true }, 0.64);
	addDevice(d.garageKeypad, 'schlage_lock', 'Garage Keypad', { online: true }, 0.42);
	addDevice(d.oldDeadbolt, 'august_lock', 'Old Deadbolt', { online: false }, 0.97);
	// An igloohome keypad: Seam cannot program PINs on it over the internet, but
	// igloohome generates offline (algoPIN) codes for it. In no space, so stays
	// and space tests do not see it.
	addDevice(
		d.storageRoomLock,
		'igloohome_lock',
		'Storage Room Lock',
		{ online: false, offline: true },
		0.71,
	);

	// Codes somebody set on the Front Door Lock's keypad before Seam managed it.
	const addUnmanagedCode = (
		access_code_id: string,
		device_id: string,
		name: string,
		code: string,
	) =>
		store.unmanagedAccessCodes.set(access_code_id, {
			seq: store.nextSeq(),
			access_code_id,
			device_id,
			name,
			code,
			starts_at: null,
			ends_at: null,
			created_at: seededAt,
		});
	addUnmanagedCode(ids.unmanagedAccessCodes.owner, d.frontDoorLock, 'Owner', '9136');
	addUnmanagedCode(
		ids.unmanagedAccessCodes.oldCleaner,
		d.frontDoorLock,
		'Old cleaner code',
		'5820',
	);

	addSpace(ids.spaces.unit101, 'unit-101', 'Unit 101', {
		device_ids: [d.frontDoorLock, d.backDoorLock],
		acs_entrance_ids: [e.room101],
	});
	// A second rental unit whose only lock takes 4-digit codes only (Schlage).
	addSpace(ids.spaces.unit102, 'unit-102', 'Unit 102', {
		device_ids: [d.garageKeypad],
		acs_entrance_ids: [e.room102],
	});
	// A holiday cottage with one smart lock and nothing else: the common vacation rental, where a
	// PIN of the host's choosing (the guest's phone digits) fits every door.
	addSpace(ids.spaces.cottage, 'cottage', 'Garden Cottage', { device_ids: [d.backDoorLock] });
	addSpace(ids.spaces.poolArea, 'pool-area', 'Pool Area', { acs_entrance_ids: [e.poolGate] });

	store.userIdentities.set(ids.userIdentities.jane, {
		seq: store.nextSeq(),
		user_identity_id: ids.userIdentities.jane,
		user_identity_key: null,
		email_address: 'jane@example.com',
		phone_number: null,
		full_name: 'Jane Doe',
		created_at: seededAt,
	});

	return store;
}
