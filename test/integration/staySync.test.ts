/**
 * Sync Stays: Seam made to match a listing's whole list of bookings, from input items or from an
 * iCal feed, in n8n's engine against the sandbox. Each step checks the plan a host reads and
 * Seam's state, and that only the sync's own stays are touched.
 */
import { SeamHttp } from '@seamapi/http';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { calendarFeed, type FeedServer, startFeedServer } from '../helpers/calendarFeeds';
import { inDays, type SeamTarget, startSeamTarget, usingRealSeam } from '../helpers/seamTarget';

let target: SeamTarget;
let feeds: FeedServer;
const describeSandbox = usingRealSeam ? describe.skip : describe;

const WRITES = ['/access_grants/create', '/access_grants/update', '/access_grants/delete'];

const fromItems = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'stay',
	operation: 'sync',
	source: 'items',
	stayKeyPrefix: 'pms-a:',
	reservationId: '={{ $json.id }}',
	guestName: '={{ $json.guest }}',
	doorsBy: 'spaceKeys',
	spaceKeys: '={{ $json.unit }}',
	checkIn: '={{ $json.in }}',
	checkOut: '={{ $json.out }}',
	options: { timeZone: 'Europe/Madrid' },
	...overrides,
});

const booking = (id: string, unit: string, from: number, to: number) => ({
	id,
	guest: `Guest ${id}`,
	unit,
	in: inDays(from, 15),
	out: inDays(to, 10),
});

describeSandbox('Sync Stays', () => {
	beforeAll(async () => {
		target = await startSeamTarget({ accessMethodIssueDelayMs: 0 });
		feeds = await startFeedServer();
	});
	afterAll(async () => {
		await target.close();
		await feeds.close();
	});
	beforeEach(() => target.sandbox!.requests.splice(0));
	const requests = () => target.sandbox!.requests;
	const writes = () => requests().filter((r) => WRITES.includes(r.path));
	const seam = () => SeamHttp.fromApiKey(target.apiKey, { endpoint: target.apiUrl });
	const stays = async (prefix: string) =>
		(await seam().accessGrants.list({}))
			.filter((g) => g.reservation_key?.startsWith(prefix))
			.map((g) => ({ key: g.reservation_key, spaces: g.space_ids, ends: g.ends_at }))
			.sort((a, b) => String(a.key).localeCompare(String(b.key)));
	const run = async (
		parameters: INodeParameters,
		input: IDataObject[] = [{}],
	): Promise<Array<IDataObject & { item: number }>> =>
		(await target.ok(parameters, { input })).map((item) => ({
			...item.json,
			item: (item.pairedItem as { item: number }).item,
		}));

	const list = [
		booking('A1', 'unit-101', 2, 4),
		booking('A2', 'unit-101', 5, 8),
		booking('A3', 'unit-102', 3, 6),
		booking('OLD', 'unit-101', -6, -2),
	];

	test('a dry run returns the plan, one item per change with its reason, and writes nothing', async () => {
		const plan = await run(fromItems({ dryRun: true }), list);
		expect(plan.map((p) => [p.action, p.status, p.reservation_id, p.reason, p.item])).toEqual([
			['create', 'planned', 'A1', 'new booking', 0],
			['create', 'planned', 'A2', 'new booking', 1],
			['create', 'planned', 'A3', 'new booking', 2],
		]);
		expect(writes()).toEqual([]);
		expect(await stays('pms-a:')).toEqual([]);
	});

	test('the real run creates the stays; a booking that is over gets none', async () => {
		const done = await run(fromItems(), list);
		expect(done.map((d) => [d.status, d.reservation_key])).toEqual([
			['created', 'pms-a:A1'],
			['created', 'pms-a:A2'],
			['created', 'pms-a:A3'],
		]);
		expect(done[0]).toMatchObject({
			unit: ['Unit 101'],
			dry_run: false,
			time_zone: 'Europe/Madrid',
		});
		expect((await stays('pms-a:')).map((s) => s.key)).toEqual(['pms-a:A1', 'pms-a:A2', 'pms-a:A3']);
	});

	test('the same list again: nothing to do, no write, two reads', async () => {
		expect(await run(fromItems(), list)).toEqual([]);
		expect(writes()).toEqual([]);
		expect(requests().map((r) => r.path)).toEqual(['/spaces/get_related', '/access_grants/list']);
	});

	test('changed dates, a new unit and a cancellation: update, move and revoke; other prefixes untouched', async () => {
		const other = await target.ok({
			resource: 'stay',
			operation: 'grantAccess',
			reservationId: 'pms-b:B1',
			guestName: 'Other Listing',
			doorsBy: 'spaceKeys',
			spaceKeys: 'unit-101',
			checkIn: inDays(2, 15),
			checkOut: inDays(3, 10),
			waitUntilIssued: false,
		});
		requests().splice(0);
		const changed = [{ ...list[0], out: inDays(5, 10) }, { ...list[2], unit: 'unit-101' }, list[3]];
		const done = await run(fromItems(), changed);
		expect(done.map((d) => [d.action, d.status, d.reservation_id])).toEqual([
			['update', 'updated', 'A1'],
			['move', 'moved', 'A3'],
			['revoke', 'revoked', 'A2'],
		]);
		expect(String(done[0].reason)).toMatch(/^dates changed: /);
		expect(done[1].reason).toBe('unit is now unit-101');
		expect(done[2].reason).toMatch(/no longer in the source/);
		const now = await stays('pms-a:');
		expect(now.map((s) => s.key)).toEqual(['pms-a:A1', 'pms-a:A3']);
		expect(now[0].ends).toBe(inDays(5, 10));
		expect(await stays('pms-b:')).toHaveLength(1);
		expect(other[0].json.status).toBe('created');
	});

	test('a bad booking stops the sync before anything changes (it would otherwise be revoked)', async () => {
		const result = await target.run(fromItems(), {
			input: [booking('A1', 'unit-101', 2, 5), { ...booking('A3', 'unit-101', 3, 6), out: null }],
		});
		expect(result.error?.message).toBe('Check-Out is required');
		expect(writes()).toEqual([]);
		expect((await stays('pms-a:')).map((s) => s.key)).toEqual(['pms-a:A1', 'pms-a:A3']);
	});

	test('the same reservation twice in the list is refused', async () => {
		const result = await target.run(fromItems(), {
			input: [booking('A1', 'unit-101', 2, 5), booking('A1', 'unit-102', 2, 5)],
		});
		expect(result.error?.message).toBe('Reservation A1 appears twice in the source');
		expect(writes()).toEqual([]);
	});

	test('an empty prefix is refused: a sync never owns every stay', async () => {
		const result = await target.run(fromItems({ stayKeyPrefix: '={{ "" }}' }), {
			input: [booking('A1', 'unit-101', 2, 5)],
		});
		expect(result.error?.message).toBe('Stay Key Prefix is required');
		expect(writes()).toEqual([]);
	});

	describe('from an iCal feed', () => {
		const fromFeed = (name: string, overrides: INodeParameters = {}): INodeParameters => ({
			resource: 'stay',
			operation: 'sync',
			source: 'ical',
			stayKeyPrefix: `ical-${name}:`,
			icalUrl: feeds.url(name),
			doorsBy: 'spaceKeys',
			spaceKeys: 'unit-101',
			checkInTime: '16:00',
			checkOutTime: '10:00',
			options: { timeZone: 'America/New_York' },
			...overrides,
		});

		test('Airbnb: reservations become stays with the property times and the phone digits as PIN; blocked dates do not', async () => {
			feeds.set(
				'airbnb',
				calendarFeed('airbnb', [
					{ uid: 'r1@airbnb.com', from: 3, to: 5, phoneLast4: '4821' },
					{ uid: 'blk@airbnb.com', from: 6, to: 9, blocked: true },
				]),
			);
			const done = await run(
				fromFeed('airbnb', { icalPinChoice: 'phoneDigits', spaceKeys: 'cottage' }),
			);
			expect(done).toHaveLength(1);
			expect(done[0]).toMatchObject({
				status: 'created',
				reservation_id: 'r1@airbnb.com',
				pin: '4821',
			});
			expect(String(done[0].valid_from_local)).toMatch(/, 4:00 PM$/);
			expect(String(done[0].valid_until_local)).toMatch(/, 10:00 AM$/);
			expect(done[0].unit).toEqual(['Garden Cottage']);
			const methods = await seam().accessMethods.list({
				access_grant_id: String(done[0].access_grant_id),
			});
			expect(methods.filter((m) => m.code === '4821').length).toBeGreaterThan(0);
		});

		test('a malformed feed, or one that cannot be fetched, changes nothing', async () => {
			feeds.set('airbnb', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Reserved\r\n');
			const broken = await target.run(fromFeed('airbnb'));
			expect(broken.error?.message).toMatch(/airbnb\.ics/);
			feeds.set('airbnb', 'gone', 404);
			const missing = await target.run(fromFeed('airbnb'));
			expect(missing.error?.message).toBe(`Could not read the iCal feed at ${feeds.url('airbnb')}`);
			// The link's query is its secret: the error's text shows the link without it (the node's
			// parameters, which n8n attaches to every node error, are the workflow's own).
			const secret = await target.run(
				fromFeed('airbnb', { icalUrl: `${feeds.url('airbnb')}?s=feed-secret-1234` }),
			);
			expect(secret.error?.message).toBe(
				`Could not read the iCal feed at ${feeds.url('airbnb')}?…`,
			);
			expect(String(secret.error?.description)).not.toContain('feed-secret-1234');
			// The phone-digit PIN on a unit with a Latch door (which makes its own PINs) is refused
			// before anything is written.
			feeds.set(
				'airbnb',
				calendarFeed('airbnb', [{ uid: 'r1@airbnb.com', from: 3, to: 5, phoneLast4: '4821' }]),
			);
			const latch = await target.run(fromFeed('airbnb', { icalPinChoice: 'phoneDigits' }));
			expect(latch.error?.message).toBe(
				'The PIN of reservation r1@airbnb.com cannot be used: "Room 101" is a Latch door: Latch generates every PIN itself',
			);
			expect(writes()).toEqual([]);
			expect((await stays('ical-airbnb:')).map((s) => s.key)).toEqual([
				'ical-airbnb:r1@airbnb.com',
			]);
		});

		test('a booking that disappears from the feed is revoked', async () => {
			feeds.set('airbnb', calendarFeed('airbnb', []));
			const done = await run(fromFeed('airbnb'));
			expect(done.map((d) => [d.action, d.reservation_id])).toEqual([['revoke', 'r1@airbnb.com']]);
			expect(await stays('ical-airbnb:')).toEqual([]);
		});

		test('one input item per listing: each feed syncs its own unit under its own prefix', async () => {
			feeds.set(
				'vrbo',
				calendarFeed('vrbo', [{ uid: 'v1', from: 2, to: 4, guestName: 'Vera Guest' }]),
			);
			feeds.set('booking', calendarFeed('bookingCom', [{ uid: 'b1@booking.com', from: 4, to: 7 }]));
			const done = await run(
				fromFeed('x', {
					stayKeyPrefix: '={{ $json.prefix }}',
					icalUrl: '={{ $json.url }}',
					spaceKeys: '={{ $json.unit }}',
				}),
				[
					{ prefix: 'vrbo-102:', url: feeds.url('vrbo'), unit: 'unit-102' },
					{ prefix: 'booking-101:', url: feeds.url('booking'), unit: 'unit-101' },
				],
			);
			expect(done.map((d) => [d.status, d.reservation_key, d.item])).toEqual([
				['created', 'vrbo-102:v1', 0],
				['created', 'booking-101:b1@booking.com', 1],
			]);
			expect(done[0]).toMatchObject({ guest: { name: 'Vera Guest' }, unit: ['Unit 102'] });
		});
	});
});
