/**
 * Stays: a booking in, the right PIN out, following every change of the booking. Run in n8n's
 * engine against the local sandbox, checking each item the way a host reads it and Seam's state
 * after each step.
 */
import { SeamHttp } from '@seamapi/http';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	byId,
	inDays,
	type SeamTarget,
	startSeamTarget,
	usingRealSeam,
} from '../helpers/seamTarget';
import { getSeedIds } from '../sandbox/seed';

const seed = getSeedIds();
let target: SeamTarget;

const describeSandbox = usingRealSeam ? describe.skip : describe;

const booking = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'stay',
	operation: 'grantAccess',
	reservationId: 'R-1001',
	guestName: 'Gina Guest',
	guestEmail: 'gina.stay@example.com',
	guestPhone: '+1 (555) 010-4821',
	doorsBy: 'spaceKeys',
	spaceKeys: 'unit-101',
	checkIn: inDays(2, 15),
	checkOut: inDays(5, 10),
	options: { timeZone: 'Europe/Madrid' },
	...overrides,
});

const WRITES = ['/access_grants/create', '/access_grants/update', '/access_grants/delete'];

describeSandbox('Stay', () => {
	beforeAll(async () => {
		target = await startSeamTarget({ accessMethodIssueDelayMs: 200 });
	});
	afterAll(async () => target.close());
	beforeEach(() => target.sandbox!.requests.splice(0));
	const requests = () => target.sandbox!.requests;
	const writes = () => requests().filter((r) => WRITES.includes(r.path));
	// Seam's state as the real SDK reads it, not as the node reports it.
	const grantsOf = async (reservation: string) =>
		await SeamHttp.fromApiKey(target.apiKey, { endpoint: target.apiUrl }).accessGrants.list({
			reservation_key: reservation,
		});
	const one = async (parameters: INodeParameters) => (await target.ok(parameters))[0].json;

	test('a new booking creates the stay: PIN per door, doors by name, local times, a message', async () => {
		const stay = await one(booking());
		expect(stay).toMatchObject({
			status: 'created',
			reservation_id: 'R-1001',
			pin_status: 'issued',
			notify_guest: true,
			time_zone: 'Europe/Madrid',
			guest: { name: 'Gina Guest', email: 'gina.stay@example.com' },
		});
		expect(stay.pin).toMatch(/^\d{4,9}$/);
		expect(stay.doors).toEqual(
			expect.arrayContaining(['Front Door Lock', 'Back Door Lock', 'Room 101']),
		);
		const pins = stay.pins as Array<{ code: string; doors: string[] }>;
		expect(pins.flatMap((p) => p.doors).sort()).toEqual([
			'Back Door Lock',
			'Front Door Lock',
			'Room 101',
		]);
		// Check-in 15:00 UTC is 16:00 in Madrid in winter, 17:00 in summer: either way local.
		expect(stay.valid_from).toBe(new Date(inDays(2, 15)).toISOString());
		expect(String(stay.valid_from_local)).toMatch(
			/^\w{3}, \w{3} \d{1,2}, \d{4}, \d{1,2}:00 [AP]M$/,
		);
		for (const pin of pins) expect(stay.message).toContain(pin.code);
		expect(stay.message).toContain('Gina Guest');
		expect(stay.message).toContain(String(stay.valid_until_local));
		expect(stay.message_subject).toContain('R-1001');

		const [grant] = await grantsOf('R-1001');
		expect(await grantsOf('R-1001')).toHaveLength(1);
		expect(grant.space_ids).toEqual([seed.spaces.unit101]);
		expect(grant.ends_at).toBe(new Date(inDays(5, 10)).toISOString());
	});

	test('the same booking again: unchanged, same PIN, reads only, nothing to tell the guest', async () => {
		const before = (await grantsOf('R-1001'))[0].access_grant_id;
		requests().splice(0);
		const stay = await one(booking());
		expect(stay).toMatchObject({
			status: 'unchanged',
			notify_guest: false,
			access_grant_id: before,
		});
		expect(writes()).toEqual([]);
		// One read for the stay, one for the unit's doors, one for its PINs, one per PIN's doors.
		expect(requests().length).toBeLessThanOrEqual(3 + (stay.pins as unknown[]).length);
	});

	test('new dates update the grant in place', async () => {
		const before = await one(booking());
		const stay = await one(booking({ checkOut: inDays(6, 10) }));
		expect(stay).toMatchObject({ status: 'updated', changes: ['dates'], notify_guest: true });
		expect(stay.access_grant_id).toBe(before.access_grant_id);
		expect(stay.pin).toBe(before.pin);
		expect(writes().map((w) => w.path)).toEqual(['/access_grants/update']);
		expect((await grantsOf('R-1001'))[0].ends_at).toBe(new Date(inDays(6, 10)).toISOString());
	});

	test('a new unit moves the stay: one grant, on the new unit only', async () => {
		const before = (await grantsOf('R-1001'))[0];
		const stay = await one(booking({ spaceKeys: 'unit-102', checkOut: inDays(6, 10) }));
		expect(stay).toMatchObject({ status: 'moved', changes: ['doors'], notify_guest: true });
		// Before the stay begins nobody uses the old PIN: the old grant goes first.
		expect(writes().map((w) => w.path)).toEqual(['/access_grants/delete', '/access_grants/create']);
		const grants = await grantsOf('R-1001');
		expect(grants).toHaveLength(1);
		expect(grants[0].space_ids).toEqual([seed.spaces.unit102]);
		expect(grants[0].user_identity_id).toBe(before.user_identity_id);
		expect(stay.doors).toEqual(expect.arrayContaining(['Garage Keypad', 'Room 102']));
		expect(stay.doors).not.toContain('Front Door Lock');
	});

	test('a move before check-in keeps the PIN the guest was told, also on the door both share', async () => {
		const front = seed.devices.frontDoorLock;
		const locks = (deviceIds: string[]) =>
			booking({
				reservationId: 'R-5005',
				guestEmail: 'g5@example.com',
				guestPhone: '',
				doorsBy: 'devices',
				deviceIds,
			});
		const before = await one(locks([front, seed.devices.backDoorLock]));
		requests().splice(0);
		const moved = await one(locks([front, seed.devices.garageKeypad]));
		expect(moved).toMatchObject({ status: 'moved', pin: before.pin, warnings: [] });
		expect((moved.pins as unknown[]).length).toBe(1);
		expect(writes().map((w) => w.path)).toEqual(['/access_grants/delete', '/access_grants/create']);
	});

	test('a move during the stay: the new grant first, so the guest is never locked out', async () => {
		const front = seed.devices.frontDoorLock;
		const locks = (deviceIds: string[]) =>
			booking({
				reservationId: 'R-6006',
				guestEmail: 'g6@example.com',
				guestPhone: '',
				doorsBy: 'devices',
				deviceIds,
				checkIn: inDays(-1, 15),
			});
		await one(locks([front]));
		requests().splice(0);
		const moved = await one(locks([seed.devices.backDoorLock]));
		expect(moved).toMatchObject({ status: 'moved', doors: ['Back Door Lock'] });
		expect(writes().map((w) => w.path)).toEqual(['/access_grants/create', '/access_grants/delete']);
		expect(await grantsOf('R-6006')).toHaveLength(1);
	});

	test('End Stay revokes it; a second time it is not_found, or an error when asked', async () => {
		const ended = await one({ resource: 'stay', operation: 'end', reservationId: 'R-1001' });
		expect(ended).toMatchObject({ status: 'revoked', reservation_id: 'R-1001' });
		expect(await grantsOf('R-1001')).toEqual([]);
		expect(await one({ resource: 'stay', operation: 'end', reservationId: 'R-1001' })).toEqual({
			status: 'not_found',
			reservation_id: 'R-1001',
			access_grant_ids: [],
		});
		const strict = await target.run({
			resource: 'stay',
			operation: 'end',
			reservationId: 'R-1001',
			options: { errorIfNotFound: true },
		});
		expect(strict.error?.message).toBe('No stay for reservation R-1001');
	});

	test('Get Stay by reservation and by access grant ID (as an access_method.issued event names it)', async () => {
		const created = await one(
			booking({ reservationId: 'R-2002', guestEmail: 'g2@example.com', guestPhone: '' }),
		);
		const byReservation = await one({
			resource: 'stay',
			operation: 'get',
			reservationId: 'R-2002',
			options: { timeZone: 'Europe/Madrid' },
		});
		expect(byReservation).toMatchObject({
			status: 'found',
			reservation_id: 'R-2002',
			pin: created.pin,
			pin_status: 'issued',
			guest: { name: 'Gina Guest', email: 'g2@example.com' },
			valid_from_local: created.valid_from_local,
		});
		const byGrant = await one({
			resource: 'stay',
			operation: 'get',
			lookUpBy: 'accessGrantId',
			accessGrantId: byId(String(created.access_grant_id)),
		});
		expect(byGrant).toMatchObject({ status: 'found', reservation_id: 'R-2002', pin: created.pin });
		expect(await one({ resource: 'stay', operation: 'get', reservationId: 'nope' })).toEqual({
			status: 'not_found',
			reservation_id: 'nope',
		});
	});

	test('dates only, with the property check-in and check-out times in its time zone, and buffers', async () => {
		const day = (d: number) => inDays(d).slice(0, 10);
		const stay = await one(
			booking({
				reservationId: 'R-3003',
				guestEmail: 'g3@example.com',
				guestPhone: '',
				datesAre: 'dates',
				checkIn: day(3),
				checkOut: day(4),
				checkInTime: '4:00 PM',
				checkOutTime: '10:30',
				options: { timeZone: 'America/New_York', bufferBeforeCheckIn: 60, bufferAfterCheckOut: 30 },
			}),
		);
		expect(String(stay.valid_from_local)).toMatch(/, 3:00 PM$/);
		expect(String(stay.valid_until_local)).toMatch(/, 11:00 AM$/);
		expect(stay.time_zone).toBe('America/New_York');
	});

	test("the guest's phone's last digits as the PIN, on locks that take that length", async () => {
		const stay = await one(
			booking({
				reservationId: 'R-4004',
				guestEmail: 'g4@example.com',
				guestPhone: '+1 555 010 7788',
				doorsBy: 'devices',
				deviceIds: [seed.devices.frontDoorLock, seed.devices.backDoorLock],
				pinChoice: 'phoneDigits',
				phoneDigitCount: 4,
			}),
		);
		expect(stay).toMatchObject({ status: 'created', pin: '7788' });
		const again = await one(
			booking({
				reservationId: 'R-4004',
				guestEmail: 'g4@example.com',
				guestPhone: '+1 555 010 7788',
				doorsBy: 'devices',
				deviceIds: [seed.devices.backDoorLock, seed.devices.frontDoorLock],
				pinChoice: 'phoneDigits',
				phoneDigitCount: 4,
			}),
		);
		expect(again).toMatchObject({ status: 'unchanged', pin: '7788' });
	});

	describe('bad input: a clear error naming the field, and nothing sent to Seam', () => {
		const refused = async (overrides: INodeParameters, message: RegExp) => {
			const result = await target.run(booking({ reservationId: 'R-BAD', ...overrides }));
			expect(result.error?.message).toMatch(message);
			expect(writes()).toEqual([]);
			expect(await grantsOf('R-BAD')).toEqual([]);
		};
		test('check-out missing', () => refused({ checkOut: '={{ null }}' }, /^Check-Out is required/));
		test('check-out before check-in', () =>
			refused({ checkOut: inDays(1, 10) }, /^Check-Out must be after Check-In/));
		test('a stay that is over', () =>
			refused({ checkIn: inDays(-5, 10), checkOut: inDays(-2, 10) }, /already over/));
		test('an unknown unit key', () => refused({ spaceKeys: 'unit-999' }, /Unit Keys/));
		test('no reservation ID', () =>
			refused({ reservationId: '={{ $json.nothing }}' }, /^Reservation ID is required/));
		test('a time zone that does not exist', () =>
			refused({ options: { timeZone: 'Mars/Olympus' } }, /Property Time Zone: "Mars\/Olympus"/));
		test('a phone too short for the digits asked', () =>
			refused(
				{ pinChoice: 'phoneDigits', phoneDigitCount: 6, guestPhone: '12-34' },
				/fewer than 6 digits/,
			));
		test('phone digits on a Latch door, which makes its own PINs', () =>
			refused({ pinChoice: 'phoneDigits' }, /Latch generates every PIN itself/));
		test('a code length a lock does not take', () =>
			refused(
				{
					doorsBy: 'devices',
					deviceIds: [seed.devices.garageKeypad],
					pinChoice: 'custom',
					pinCode: '123456',
				},
				/Garage Keypad" takes 4-digit codes, not 6 digits/,
			));
		test('a lock without a keypad', () =>
			refused(
				{ doorsBy: 'devices', deviceIds: [seed.devices.oldDeadbolt] },
				/cannot take a PIN code|none of the doors/,
			));
	});
});

describeSandbox('Stay on a lock that issues slowly', () => {
	let slow: SeamTarget;
	beforeAll(async () => {
		slow = await startSeamTarget({ accessMethodIssueDelayMs: 5_000 });
	});
	afterAll(async () => slow.close());

	test('the wait ends at Wait Timeout with the PIN pending, not an error; Get Stay shows it later', async () => {
		const [item] = await slow.ok(
			booking({
				reservationId: 'R-SLOW',
				doorsBy: 'devices',
				deviceIds: [seed.devices.frontDoorLock],
				options: { timeZone: 'Europe/Madrid', waitTimeout: 1 },
			}),
		);
		expect(item.json).toMatchObject({
			status: 'created',
			pin: null,
			pin_status: 'pending',
			notify_guest: false,
		});
		expect(item.json.message).toContain('being set up on the locks');
		const pending = await slow.ok({ resource: 'stay', operation: 'get', reservationId: 'R-SLOW' });
		expect(pending[0].json).toMatchObject({ status: 'found', pin_status: 'pending', pin: null });
	});
});
