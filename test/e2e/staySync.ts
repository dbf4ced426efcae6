import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { DateTime } from 'luxon';

import type { Sandbox } from '../sandbox';
import { EXAMPLES, loadExample } from '../harness/examples';
import type { N8nHome } from '../harness/n8nHome';
import type { N8nInstance } from '../harness/n8nInstance';
import { nodeOutput, runError, type ExecutionData, type Json } from '../harness/runData';
import {
	calendarFeed,
	type Channel,
	type FeedEvent,
	type FeedServer,
	startFeedServer,
} from '../helpers/calendarFeeds';
import { seamPost } from './seamQueries';

// The sync templates (examples/stay-sync-*.json) in a real n8n, run by their own Schedule Trigger:
// the workflows are imported as shipped except for what a host fills in (the feed's or the PMS's
// URL, and for the other channels the listing's unit, prefix and PIN) and for the schedule, which
// fires every few seconds instead of every 15 minutes. A local server plays Airbnb, Booking.com and
// Vrbo (test/helpers/calendarFeeds), another the PMS's reservation list; both change between runs,
// and after each scheduled run Seam's state is read from the sandbox. Part of the end-to-end suite
// (suite.ts), so it runs in n8n 2.x and 1.x.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const RUN_TIMEOUT = 5 * MINUTE;
/** The test copies' schedule: short, and longer than a sync run, so that runs never overlap. */
const EVERY_SECONDS = 5;
/** The property's time zone, as both templates set it in their Seam node. */
const PROPERTY_ZONE = 'America/New_York';
/** A calendar export link carries its secret in the query string, as Airbnb's does (?s=…). */
const FEED_SECRET = `s=${randomBytes(12).toString('hex')}`;
const PMS_PATH = '/api/reservations';

type Parameters = Record<string, unknown>;

interface Listing {
	label: string;
	channel: Channel;
	workflowId: string;
	feed: string;
	prefix: string;
	unit: string;
	unitName: string;
	/** The template's choice (Airbnb's feed has the phone's last 4 digits), or Seam's PINs. */
	phonePins: boolean;
}

/** One listing per channel, each on its own unit under its own prefix. */
const LISTINGS: Record<'airbnb' | 'bookingCom' | 'vrbo', Listing> = {
	// The template's own listing: only its feed URL changes.
	airbnb: {
		label: 'Airbnb',
		channel: 'airbnb',
		workflowId: 'syncE2eAirbnb001',
		feed: 'airbnb-cottage',
		prefix: 'airbnb-cottage:',
		unit: 'cottage',
		unitName: 'Garden Cottage',
		phonePins: true,
	},
	bookingCom: {
		label: 'Booking.com',
		channel: 'bookingCom',
		workflowId: 'syncE2eBooking01',
		feed: 'booking-101',
		prefix: 'booking-101:',
		unit: 'unit-101',
		unitName: 'Unit 101',
		phonePins: false,
	},
	vrbo: {
		label: 'Vrbo',
		channel: 'vrbo',
		workflowId: 'syncE2eVrbo00001',
		feed: 'vrbo-102',
		prefix: 'vrbo-102:',
		unit: 'unit-102',
		unitName: 'Unit 102',
		phonePins: false,
	},
};
/** The Airbnb listing's workflow with Dry Run on, reading the calendar as it will be next. */
const DRY_RUN = { workflowId: 'syncE2eDryRun001', feed: 'airbnb-cottage-next' };
const PMS = { workflowId: 'syncE2ePmsList01', prefix: 'pms:' };

const ALL_WORKFLOWS = [
	...Object.values(LISTINGS).map((listing) => listing.workflowId),
	DRY_RUN.workflowId,
	PMS.workflowId,
];

interface SeamGrant {
	access_grant_id: string;
	user_identity_id: string;
	starts_at: string;
	ends_at: string;
	space_ids: string[];
	reservation_key?: string;
}

/** A booking as the test expects it in Seam: its days (from today, UTC) and the property times. */
interface Expected {
	id: string;
	from: number;
	to: number;
	/** The PIN Seam must hold on every door, when the workflow chooses it. */
	pin?: string;
	/** Its unit's space key, when not the listing's. */
	unit?: string;
}

/** A day `offset` days from now, as calendarFeeds writes it (UTC date), e.g. "2026-05-04". */
const dayOf = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** That day at a wall-clock hour in the property's zone, as an instant (ms). */
const localInstant = (offset: number, hour: number) =>
	DateTime.fromISO(dayOf(offset), { zone: PROPERTY_ZONE }).set({ hour }).toMillis();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Seam node of a template, by its type. */
function seamNode(file: string): Json & { name: string; parameters: Parameters } {
	const node = loadExample(file).nodes.find(
		(candidate) => candidate.type === 'n8n-nodes-seam.seam',
	);
	if (!node) throw new Error(`${file} has no Seam node`);
	return node as unknown as Json & { name: string; parameters: Parameters };
}

const ICAL_SYNC_NODE = seamNode(EXAMPLES.staySyncIcal.file).name;
const PMS_SYNC_NODE = seamNode(EXAMPLES.staySyncPms.file).name;

/**
 * A template imported under another id as a host would set it up (`seam` and `http`: parameters
 * of its Seam and HTTP Request nodes), its Schedule Trigger firing every few seconds.
 */
function scheduledCopy(
	file: string,
	id: string,
	label: string,
	changes: { seam?: Parameters; http?: Parameters },
): Json {
	const workflow = loadExample(file);
	return {
		...workflow,
		id,
		// No "Seam" in the name: n8n's log names failed runs, and the suite reads the log.
		name: `${label} (e2e copy)`,
		nodes: workflow.nodes.map((node) => {
			const copy: Json = { ...node, id: randomUUID() };
			const parameters = node.parameters as Parameters;
			if (node.type === 'n8n-nodes-base.scheduleTrigger') {
				copy.parameters = {
					rule: { interval: [{ field: 'seconds', secondsInterval: EVERY_SECONDS }] },
				};
			}
			if (node.type === 'n8n-nodes-seam.seam' && changes.seam) {
				copy.parameters = { ...parameters, ...changes.seam };
			}
			if (node.type === 'n8n-nodes-base.httpRequest' && changes.http) {
				copy.parameters = { ...parameters, ...changes.http };
			}
			return copy;
		}),
	};
}

/** The Vrbo event `uid` marked cancelled (STATUS:CANCELLED) where it stands in a feed. */
function cancelled(feed: string, uid: string): string {
	const marked = feed.replace(`UID:${uid}\r\n`, `UID:${uid}\r\nSTATUS:CANCELLED\r\n`);
	if (marked === feed) throw new Error(`No event ${uid} in the feed`);
	return marked;
}

/** A reservation as the test PMS lists it. */
interface PmsReservation {
	id: string;
	status: 'confirmed' | 'cancelled';
	guest: { name: string; email: string; phone: string };
	unit_key: string;
	check_in: string;
	check_out: string;
}

interface PmsServer {
	url: string;
	set(reservations: PmsReservation[]): void;
	requests: number;
	close(): Promise<void>;
}

/** The PMS's reservation-list API: GET /api/reservations answers `{ reservations: [...] }`. */
async function startPmsServer(): Promise<PmsServer> {
	let reservations: PmsReservation[] = [];
	const state = { requests: 0 };
	const server = http.createServer((req, res) => {
		if (req.method !== 'GET' || req.url !== PMS_PATH) {
			res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
			return;
		}
		state.requests += 1;
		res
			.writeHead(200, { 'content-type': 'application/json' })
			.end(JSON.stringify({ count: reservations.length, reservations }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${PMS_PATH}`,
		set: (list) => {
			reservations = list;
		},
		get requests() {
			return state.requests;
		},
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export interface StaySyncWorld {
	sandbox: () => Sandbox;
	home: () => N8nHome;
	n8n: () => N8nInstance;
}

/**
 * The sync part of the suite: `setUp` in the suite's beforeAll (the feed and PMS servers, the
 * workflow copies imported with n8n's CLI), `describeSyncTemplates` in the running n8n.
 */
export function staySyncFixtures(world: StaySyncWorld) {
	let feeds: FeedServer;
	let pms: PmsServer;

	const feedUrl = (name: string) => `${feeds.url(name)}?${FEED_SECRET}`;

	async function setUp(): Promise<void> {
		feeds = await startFeedServer();
		pms = await startPmsServer();
		const ical = EXAMPLES.staySyncIcal.file;
		await world.home().importWorkflows([
			scheduledCopy(ical, LISTINGS.airbnb.workflowId, 'Airbnb calendar sync', {
				seam: { icalUrl: feedUrl(LISTINGS.airbnb.feed) },
			}),
			...[LISTINGS.bookingCom, LISTINGS.vrbo].map((listing) =>
				scheduledCopy(ical, listing.workflowId, `${listing.label} calendar sync`, {
					seam: {
						icalUrl: feedUrl(listing.feed),
						stayKeyPrefix: listing.prefix,
						spaceKeys: listing.unit,
						icalPinChoice: 'seam',
					},
				}),
			),
			scheduledCopy(ical, DRY_RUN.workflowId, 'Airbnb calendar sync, dry run', {
				seam: { icalUrl: feedUrl(DRY_RUN.feed), dryRun: true },
			}),
			scheduledCopy(EXAMPLES.staySyncPms.file, PMS.workflowId, 'PMS list sync', {
				http: { url: pms.url },
			}),
		]);
	}

	async function tearDown(): Promise<void> {
		await feeds?.close();
		await pms?.close();
	}

	function describeSyncTemplates(): void {
		describe('the sync templates (stay-sync-*.json), run by their Schedule Trigger', () => {
			const n8n = () => world.n8n();
			const sandbox = () => world.sandbox();

			afterAll(async () => {
				for (const id of ALL_WORKFLOWS)
					await n8n()
						.deactivate(id)
						.catch(() => undefined);
			}, RUN_TIMEOUT);

			type Summary = { id: string; status: string; startedAt?: string | null };
			const summaries = async (workflowId: string, status?: string): Promise<Summary[]> =>
				(
					await n8n().publicApi<{ data: Summary[] }>(
						'GET',
						`/executions?workflowId=${workflowId}&limit=100${status ? `&status=${status}` : ''}`,
					)
				).data;
			const startedAt = (execution: Summary) => Date.parse(String(execution.startedAt));

			/**
			 * The first scheduled run of a workflow that started after `since` (so it read the feed or
			 * list as set before `since`), once it has finished. (The public API lists running
			 * executions only when asked for them.)
			 */
			async function firstRunAfter(workflowId: string, since: number): Promise<ExecutionData> {
				const deadline = Date.now() + 90_000;
				while (Date.now() < deadline) {
					const [first] = (await summaries(workflowId))
						.filter(
							(execution) =>
								startedAt(execution) > since &&
								!['new', 'running', 'waiting'].includes(execution.status),
						)
						.sort((a, b) => startedAt(a) - startedAt(b));
					if (first) {
						const earlierRunning = (await summaries(workflowId, 'running')).some(
							(execution) =>
								startedAt(execution) > since && startedAt(execution) < startedAt(first),
						);
						if (!earlierRunning) {
							const execution = await n8n().execution(first.id);
							// Started by the Schedule Trigger, as every 15 minutes in production.
							expect((execution as unknown as Json).mode).toBe('trigger');
							expect(JSON.stringify(execution)).not.toContain(sandbox().apiKey);
							return execution;
						}
					}
					await sleep(500);
				}
				throw new Error(`No scheduled run of ${workflowId} finished within 90 s`);
			}

			/** Seam's grants whose reservation key starts with a prefix, by key, from the sandbox. */
			async function grantsOf(prefix: string): Promise<Map<string, SeamGrant[]>> {
				const { access_grants } = await seamPost<{ access_grants: SeamGrant[] }>(
					sandbox().url,
					sandbox().apiKey,
					'/access_grants/list',
					{ limit: 500 },
				);
				const byKey = new Map<string, SeamGrant[]>();
				for (const grant of access_grants) {
					const key = grant.reservation_key ?? '';
					if (!key.startsWith(prefix)) continue;
					byKey.set(key, [...(byKey.get(key) ?? []), grant]);
				}
				return byKey;
			}

			const spaceIds = new Map<string, string>();
			async function spaceIdOf(spaceKey: string): Promise<string> {
				if (!spaceIds.has(spaceKey)) {
					const { spaces } = await seamPost<{ spaces: Array<{ space_id: string }> }>(
						sandbox().url,
						sandbox().apiKey,
						'/spaces/list',
						{ space_key: spaceKey },
					);
					expect(spaces).toHaveLength(1);
					spaceIds.set(spaceKey, spaces[0].space_id);
				}
				return spaceIds.get(spaceKey) as string;
			}

			/** The codes of a grant's PINs, once the locks have them. */
			async function codesOf(accessGrantId: string): Promise<string[]> {
				const deadline = Date.now() + 20_000;
				for (;;) {
					const { access_methods } = await seamPost<{
						access_methods: Array<{ code?: string | null; mode: string }>;
					}>(sandbox().url, sandbox().apiKey, '/access_methods/list', {
						access_grant_id: accessGrantId,
					});
					const codes = access_methods.filter((method) => method.mode === 'code');
					if (codes.length > 0 && codes.every((method) => method.code)) {
						return codes.map((method) => String(method.code));
					}
					if (Date.now() > deadline) throw new Error(`No PIN issued for ${accessGrantId}`);
					await sleep(250);
				}
			}

			/**
			 * Seam holds exactly one grant per expected booking under the prefix, none other: on
			 * the unit, from check-in to check-out at the property's times, with the PIN when one is
			 * expected. Returns the grants by reservation ID.
			 */
			async function expectSeamHolds(
				prefix: string,
				unit: string,
				expected: Expected[],
				times: { checkIn: number; checkOut: number },
			): Promise<Map<string, SeamGrant>> {
				const grants = await grantsOf(prefix);
				expect([...grants.keys()].sort()).toEqual(expected.map((b) => `${prefix}${b.id}`).sort());
				const byId = new Map<string, SeamGrant>();
				for (const booking of expected) {
					const space = await spaceIdOf(booking.unit ?? unit);
					const found = grants.get(`${prefix}${booking.id}`) ?? [];
					expect(found).toHaveLength(1);
					const [grant] = found;
					expect({
						id: booking.id,
						space_ids: grant.space_ids,
						starts_at: Date.parse(grant.starts_at),
						ends_at: Date.parse(grant.ends_at),
					}).toEqual({
						id: booking.id,
						space_ids: [space],
						starts_at: localInstant(booking.from, times.checkIn),
						ends_at: localInstant(booking.to, times.checkOut),
					});
					if (booking.pin) {
						const codes = await codesOf(grant.access_grant_id);
						expect(codes.length).toBeGreaterThan(0);
						expect(new Set(codes)).toEqual(new Set([booking.pin]));
					}
					byId.set(booking.id, grant);
				}
				return byId;
			}

			/** The iCal template's times: check-in 16:00, check-out 10:00. */
			const ICAL_TIMES = { checkIn: 16, checkOut: 10 };
			/** The PMS template's times (the list gives days): check-in 15:00, check-out 11:00. */
			const PMS_TIMES = { checkIn: 15, checkOut: 11 };

			const expectListing = async (listing: Listing, expected: Expected[]) =>
				await expectSeamHolds(listing.prefix, listing.unit, expected, ICAL_TIMES);

			/** What a run's Sync node said, as [action, status, reservation_id], sorted. */
			const changesOf = (execution: ExecutionData, node: string) =>
				nodeOutput(execution, node)
					.map((item) => [item.action, item.status, item.reservation_id].map(String))
					.sort((a, b) => a.join().localeCompare(b.join()));

			const succeeded = (execution: ExecutionData) => {
				expect(runError(execution)).toBeUndefined();
				expect(execution.status).toBe('success');
				return execution;
			};

			// The calendars, as each channel writes them (relative days; "blocked" = not a guest).
			const AIRBNB = {
				a1: { uid: 'e2e-a1-1418fb94e984@airbnb.com', phoneLast4: '4821' },
				a2: { uid: 'e2e-a2-6a7dc4e21b3f@airbnb.com', phoneLast4: '3907' },
				a3: { uid: 'e2e-a3-09c2b8ad77e0@airbnb.com', phoneLast4: '7788' },
				a4: { uid: 'e2e-a4-5f3e2d1c0b9a@airbnb.com', phoneLast4: '2468' },
				past: { uid: 'e2e-past-3c1b8e0f9d2a@airbnb.com', phoneLast4: '1111' },
			};
			const airbnbV1: FeedEvent[] = [
				{ ...AIRBNB.past, from: -6, to: -3 },
				{ ...AIRBNB.a1, from: 3, to: 5 },
				{ ...AIRBNB.a2, from: 8, to: 11 },
				{ uid: 'e2e-blocked-1@airbnb.com', from: 12, to: 14, blocked: true },
			];
			const airbnbV2: FeedEvent[] = [
				{ ...AIRBNB.past, from: -6, to: -3 },
				{ ...AIRBNB.a1, from: 4, to: 6 }, // new dates
				// a2 cancelled: Airbnb drops it from the calendar
				{ uid: 'e2e-blocked-1@airbnb.com', from: 12, to: 14, blocked: true },
				{ ...AIRBNB.a3, from: 15, to: 18 }, // a new booking
				{ uid: 'e2e-blocked-2@airbnb.com', from: 20, to: 23, blocked: true }, // owner's stay
			];
			const airbnbV3: FeedEvent[] = [
				// a1 cancelled
				{ uid: 'e2e-blocked-1@airbnb.com', from: 12, to: 14, blocked: true },
				{ ...AIRBNB.a3, from: 15, to: 19 }, // one night longer
				{ uid: 'e2e-blocked-2@airbnb.com', from: 20, to: 23, blocked: true },
				{ ...AIRBNB.a4, from: 25, to: 27 },
			];
			const pinOf = (event: { phoneLast4: string }) => event.phoneLast4;
			const airbnbExpectedV2: Expected[] = [
				{ id: AIRBNB.a1.uid, from: 4, to: 6, pin: pinOf(AIRBNB.a1) },
				{ id: AIRBNB.a3.uid, from: 15, to: 18, pin: pinOf(AIRBNB.a3) },
			];

			test('the templates as shipped: a Schedule Trigger every 15 minutes; the iCal one for one Airbnb listing (cottage, 16:00 to 10:00, phone-digit PINs, its own prefix), the PMS one from the list, field by field; no Code node', () => {
				for (const file of [EXAMPLES.staySyncIcal.file, EXAMPLES.staySyncPms.file]) {
					const workflow = loadExample(file);
					expect(workflow.nodes.map((node) => node.type)).not.toContain('n8n-nodes-base.code');
					const trigger = workflow.nodes.find(
						(node) => node.type === 'n8n-nodes-base.scheduleTrigger',
					);
					expect(trigger?.parameters).toEqual({
						rule: { interval: [{ field: 'minutes', minutesInterval: 15 }] },
					});
					// The host's instructions: where the link is, one prefix per listing, Dry Run first.
					const notes = workflow.nodes
						.filter((node) => node.type === 'n8n-nodes-base.stickyNote')
						.map((node) => String((node.parameters as Parameters).content))
						.join('\n');
					expect(notes).toMatch(/Dry Run first/);
					expect(notes).toMatch(/What a run returns/);
				}
				const icalNotes = JSON.stringify(loadExample(EXAMPLES.staySyncIcal.file).nodes);
				for (const hint of [
					'Airbnb',
					'Booking.com',
					'Only reserved dates',
					'Vrbo',
					'One listing, one prefix',
				])
					expect(icalNotes).toContain(hint);
				expect(seamNode(EXAMPLES.staySyncIcal.file).parameters).toMatchObject({
					resource: 'stay',
					operation: 'sync',
					source: 'ical',
					stayKeyPrefix: LISTINGS.airbnb.prefix,
					doorsBy: 'spaceKeys',
					spaceKeys: LISTINGS.airbnb.unit,
					checkInTime: '16:00',
					checkOutTime: '10:00',
					icalPinChoice: 'phoneDigits',
					dryRun: false,
					options: { timeZone: PROPERTY_ZONE },
				});
				expect(seamNode(EXAMPLES.staySyncPms.file).parameters).toMatchObject({
					resource: 'stay',
					operation: 'sync',
					source: 'items',
					stayKeyPrefix: PMS.prefix,
					reservationId: '={{ $json.id }}',
					guestName: '={{ $json.guest.name }}',
					guestEmail: '={{ $json.guest.email }}',
					guestPhone: '={{ $json.guest.phone }}',
					doorsBy: 'spaceKeys',
					spaceKeys: '={{ $json.unit_key }}',
					checkIn: '={{ $json.check_in }}',
					checkOut: '={{ $json.check_out }}',
					datesAre: 'dates',
					checkInTime: '15:00',
					checkOutTime: '11:00',
					dryRun: false,
					options: { timeZone: PROPERTY_ZONE },
				});
			});

			test(
				'Airbnb, Booking.com and Vrbo calendars, one listing each: every scheduled run makes Seam match its feed (new bookings, new dates, cancellations), blocked periods and past stays get nothing, and a run with nothing new changes nothing',
				async () => {
					const { airbnb, bookingCom, vrbo } = LISTINGS;
					const vrboV1 = calendarFeed('vrbo', [
						{ uid: 'e2e-v1', from: 2, to: 4, guestName: 'Vera Guest' },
						{ uid: 'e2e-v-blocked', from: 5, to: 7, blocked: true },
						{ uid: 'e2e-v2', from: 8, to: 10, guestName: 'Victor Guest' },
					]);
					feeds.set(airbnb.feed, calendarFeed('airbnb', airbnbV1));
					feeds.set(
						bookingCom.feed,
						calendarFeed('bookingCom', [
							{ uid: 'e2e-b1@booking.com', from: 2, to: 5 },
							{ uid: 'e2e-b2@booking.com', from: 6, to: 9 },
						]),
					);
					feeds.set(vrbo.feed, vrboV1);

					// 1. Activated: the first scheduled run of each creates a stay per booking.
					let since = Date.now();
					for (const listing of [airbnb, bookingCom, vrbo]) {
						await n8n().activate(listing.workflowId);
					}
					let [airbnbRun, bookingRun, vrboRun] = await Promise.all(
						[airbnb, bookingCom, vrbo].map(
							async (listing) => await firstRunAfter(listing.workflowId, since),
						),
					);
					for (const run of [airbnbRun, bookingRun, vrboRun]) succeeded(run);
					expect(changesOf(airbnbRun, ICAL_SYNC_NODE)).toEqual([
						['create', 'created', AIRBNB.a1.uid],
						['create', 'created', AIRBNB.a2.uid],
					]);
					const [a1Created] = nodeOutput(airbnbRun, ICAL_SYNC_NODE).filter(
						(item) => item.reservation_id === AIRBNB.a1.uid,
					);
					expect(a1Created).toMatchObject({
						dry_run: false,
						reservation_key: `${airbnb.prefix}${AIRBNB.a1.uid}`,
						unit: [airbnb.unitName],
						doors: ['Back Door Lock'],
						pin: '4821',
						time_zone: PROPERTY_ZONE,
					});
					expect(String(a1Created.valid_from_local)).toMatch(/4:00\sPM$/);
					expect(String(a1Created.valid_until_local)).toMatch(/10:00\sAM$/);
					expect(changesOf(bookingRun, ICAL_SYNC_NODE)).toEqual([
						['create', 'created', 'e2e-b1@booking.com'],
						['create', 'created', 'e2e-b2@booking.com'],
					]);
					expect(changesOf(vrboRun, ICAL_SYNC_NODE)).toEqual([
						['create', 'created', 'e2e-v1'],
						['create', 'created', 'e2e-v2'],
					]);
					expect(
						nodeOutput(vrboRun, ICAL_SYNC_NODE).map((item) => (item.guest as Json).name),
					).toEqual(['Vera Guest', 'Victor Guest']);

					const airbnbGrants = await expectListing(airbnb, [
						{ id: AIRBNB.a1.uid, from: 3, to: 5, pin: '4821' },
						{ id: AIRBNB.a2.uid, from: 8, to: 11, pin: '3907' },
					]);
					const bookingGrants = await expectListing(bookingCom, [
						{ id: 'e2e-b1@booking.com', from: 2, to: 5 },
						{ id: 'e2e-b2@booking.com', from: 6, to: 9 },
					]);
					await expectListing(vrbo, [
						{ id: 'e2e-v1', from: 2, to: 4 },
						{ id: 'e2e-v2', from: 8, to: 10 },
					]);
					// The guest Seam knows is the one the feed names (Vrbo gives the name).
					const vrboGrants = await grantsOf(vrbo.prefix);
					const { user_identity } = await seamPost<{ user_identity: { full_name: string } }>(
						sandbox().url,
						sandbox().apiKey,
						'/user_identities/get',
						{ user_identity_id: vrboGrants.get(`${vrbo.prefix}e2e-v1`)?.[0].user_identity_id },
					);
					expect(user_identity.full_name).toBe('Vera Guest');

					// 2. Nothing new in the calendars: the next run changes nothing and says nothing.
					since = Date.now();
					const quiet = await Promise.all(
						[airbnb, bookingCom, vrbo].map(
							async (listing) => await firstRunAfter(listing.workflowId, since),
						),
					);
					for (const run of quiet) expect(nodeOutput(succeeded(run), ICAL_SYNC_NODE)).toEqual([]);
					const unchanged = await expectListing(airbnb, [
						{ id: AIRBNB.a1.uid, from: 3, to: 5 },
						{ id: AIRBNB.a2.uid, from: 8, to: 11 },
					]);
					expect(unchanged.get(AIRBNB.a1.uid)?.access_grant_id).toBe(
						airbnbGrants.get(AIRBNB.a1.uid)?.access_grant_id,
					);

					// 3. The calendars change: new dates, cancellations, a new booking, a new block.
					feeds.set(airbnb.feed, calendarFeed('airbnb', airbnbV2));
					feeds.set(
						bookingCom.feed,
						calendarFeed('bookingCom', [
							{ uid: 'e2e-b1@booking.com', from: 3, to: 5 },
							// b2 cancelled: gone from the export
							{ uid: 'e2e-b3@booking.com', from: 10, to: 12 },
						]),
					);
					feeds.set(
						vrbo.feed,
						cancelled(
							calendarFeed('vrbo', [
								{ uid: 'e2e-v1', from: 2, to: 4, guestName: 'Vera Guest' },
								{ uid: 'e2e-v-blocked', from: 5, to: 7, blocked: true },
								{ uid: 'e2e-v2', from: 8, to: 10, guestName: 'Victor Guest' },
								{ uid: 'e2e-v3', from: 11, to: 13, guestName: 'Wendy Guest' },
								{ uid: 'e2e-v-blocked-2', from: 14, to: 16, blocked: true },
							]),
							'e2e-v2',
						),
					);
					since = Date.now();
					[airbnbRun, bookingRun, vrboRun] = await Promise.all(
						[airbnb, bookingCom, vrbo].map(
							async (listing) => await firstRunAfter(listing.workflowId, since),
						),
					);
					expect(changesOf(succeeded(airbnbRun), ICAL_SYNC_NODE)).toEqual([
						['create', 'created', AIRBNB.a3.uid],
						['revoke', 'revoked', AIRBNB.a2.uid],
						['update', 'updated', AIRBNB.a1.uid],
					]);
					expect(changesOf(succeeded(bookingRun), ICAL_SYNC_NODE)).toEqual([
						['create', 'created', 'e2e-b3@booking.com'],
						['revoke', 'revoked', 'e2e-b2@booking.com'],
						['update', 'updated', 'e2e-b1@booking.com'],
					]);
					expect(changesOf(succeeded(vrboRun), ICAL_SYNC_NODE)).toEqual([
						['create', 'created', 'e2e-v3'],
						['revoke', 'revoked', 'e2e-v2'],
					]);
					const reasons = Object.fromEntries(
						nodeOutput(airbnbRun, ICAL_SYNC_NODE).map((item) => [item.reservation_id, item.reason]),
					);
					expect(reasons[AIRBNB.a1.uid]).toMatch(/^dates changed: /);
					expect(reasons[AIRBNB.a2.uid]).toMatch(/no longer in the source/);
					expect(reasons[AIRBNB.a3.uid]).toBe('new booking');
					const updated = await expectListing(airbnb, airbnbExpectedV2);
					// New dates move the same grant (and its PIN); they do not replace it.
					expect(updated.get(AIRBNB.a1.uid)?.access_grant_id).toBe(
						airbnbGrants.get(AIRBNB.a1.uid)?.access_grant_id,
					);
					const bookingNow = await expectListing(bookingCom, [
						{ id: 'e2e-b1@booking.com', from: 3, to: 5 },
						{ id: 'e2e-b3@booking.com', from: 10, to: 12 },
					]);
					expect(bookingNow.get('e2e-b1@booking.com')?.access_grant_id).toBe(
						bookingGrants.get('e2e-b1@booking.com')?.access_grant_id,
					);
					await expectListing(vrbo, [
						{ id: 'e2e-v1', from: 2, to: 4 },
						{ id: 'e2e-v3', from: 11, to: 13 },
					]);

					for (const listing of [bookingCom, vrbo]) await n8n().deactivate(listing.workflowId);
				},
				RUN_TIMEOUT,
			);

			test(
				'Dry Run on (the Airbnb workflow reading the next calendar): the plan, one item per change with its reason, and Seam unchanged; the next real run makes exactly those changes',
				async () => {
					const { airbnb } = LISTINGS;
					const before = await expectListing(airbnb, airbnbExpectedV2);
					feeds.set(DRY_RUN.feed, calendarFeed('airbnb', airbnbV3));

					const since = Date.now();
					await n8n().activate(DRY_RUN.workflowId);
					const dryRun = succeeded(await firstRunAfter(DRY_RUN.workflowId, since));
					await n8n().deactivate(DRY_RUN.workflowId);
					expect(changesOf(dryRun, ICAL_SYNC_NODE)).toEqual([
						['create', 'planned', AIRBNB.a4.uid],
						['revoke', 'planned', AIRBNB.a1.uid],
						['update', 'planned', AIRBNB.a3.uid],
					]);
					const plan = nodeOutput(dryRun, ICAL_SYNC_NODE);
					for (const item of plan) {
						expect(item).toMatchObject({ dry_run: true, reason: expect.any(String) });
						expect(String(item.reason)).not.toBe('');
					}
					expect(plan.find((item) => item.action === 'create')).toMatchObject({
						pin: '2468',
						unit: [airbnb.unitName],
					});
					const after = await expectListing(airbnb, airbnbExpectedV2);
					expect([...after.values()]).toEqual([...before.values()]);

					// The calendar as planned: the real run does what the plan said.
					feeds.set(airbnb.feed, calendarFeed('airbnb', airbnbV3));
					const real = succeeded(await firstRunAfter(airbnb.workflowId, Date.now()));
					expect(changesOf(real, ICAL_SYNC_NODE).map(([action, , id]) => [action, id])).toEqual(
						changesOf(dryRun, ICAL_SYNC_NODE).map(([action, , id]) => [action, id]),
					);
					await expectListing(airbnb, [
						{ id: AIRBNB.a3.uid, from: 15, to: 19, pin: '7788' },
						{ id: AIRBNB.a4.uid, from: 25, to: 27, pin: '2468' },
					]);
				},
				RUN_TIMEOUT,
			);

			test(
				'a malformed calendar, or one that cannot be fetched: the scheduled run fails with a clear error naming the feed, and Seam is unchanged; once the feed is back, the next run finds nothing to do',
				async () => {
					const { airbnb } = LISTINGS;
					const expected = [
						{ id: AIRBNB.a3.uid, from: 15, to: 19 },
						{ id: AIRBNB.a4.uid, from: 25, to: 27 },
					];
					const before = await expectListing(airbnb, expected);
					const feedPattern = feeds.url(airbnb.feed).replace(/[.?]/g, '\\$&');

					// Cut off mid-download: no END:VEVENT, no END:VCALENDAR.
					feeds.set(
						airbnb.feed,
						'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Reserved\r\n',
					);
					const broken = await firstRunAfter(airbnb.workflowId, Date.now());
					expect(broken.status).toBe('error');
					const error = broken.data.resultData.error;
					expect(error?.message).toMatch(new RegExp(`^The calendar feed ${feedPattern}\\?… `));
					expect(error?.description).toMatch(/no stay was created, changed or ended/);
					// The link's secret is in the workflow, not in what the error says.
					expect(`${error?.message} ${error?.description}`).not.toContain(FEED_SECRET);
					expect([...(await expectListing(airbnb, expected)).values()]).toEqual([
						...before.values(),
					]);

					// The channel's server answers 404 (a link revoked, a listing removed).
					feeds.set(airbnb.feed, 'no such calendar', 404);
					const missing = await firstRunAfter(airbnb.workflowId, Date.now());
					expect(missing.status).toBe('error');
					// (Unlike the parse errors above, this one names the whole link, query string included.)
					expect(missing.data.resultData.error?.message).toMatch(
						new RegExp(`^Could not read the iCal feed at ${feedPattern}`),
					);
					expect(missing.data.resultData.error?.description).toMatch(/Nothing was changed in Seam/);
					expect([...(await expectListing(airbnb, expected)).values()]).toEqual([
						...before.values(),
					]);

					feeds.set(airbnb.feed, calendarFeed('airbnb', airbnbV3));
					const back = succeeded(await firstRunAfter(airbnb.workflowId, Date.now()));
					expect(nodeOutput(back, ICAL_SYNC_NODE)).toEqual([]);
					await n8n().deactivate(airbnb.workflowId);
				},
				RUN_TIMEOUT,
			);

			test(
				"stay-sync-pms-list.json: the PMS's reservation list, fetched on schedule, split into items and synced by its fields: new, re-dated, moved and cancelled reservations; stays of other prefixes untouched",
				async () => {
					const others = async () =>
						(
							await seamPost<{ access_grants: SeamGrant[] }>(
								sandbox().url,
								sandbox().apiKey,
								'/access_grants/list',
								{ limit: 500 },
							)
						).access_grants
							.filter((grant) => !String(grant.reservation_key ?? '').startsWith(PMS.prefix))
							.map((grant) => grant.access_grant_id)
							.sort();
					const othersBefore = await others();
					const reservation = (
						id: string,
						unit: string,
						from: number,
						to: number,
						status: PmsReservation['status'] = 'confirmed',
					): PmsReservation => ({
						id,
						status,
						guest: {
							name: `Guest ${id}`,
							email: `${id.toLowerCase()}@example.com`,
							phone: `+1555555${id.replace(/\D/g, '').slice(-4)}`,
						},
						unit_key: unit,
						check_in: dayOf(from),
						check_out: dayOf(to),
					});
					pms.set([
						reservation('R-1001', 'unit-101', 2, 5),
						reservation('R-1002', 'unit-102', 4, 6),
						reservation('R-1003', 'unit-101', 7, 9, 'cancelled'),
						reservation('R-1005', 'unit-102', 10, 13),
					]);
					const requestsBefore = pms.requests;

					let since = Date.now();
					await n8n().activate(PMS.workflowId);
					const first = succeeded(await firstRunAfter(PMS.workflowId, since));
					expect(pms.requests).toBeGreaterThan(requestsBefore);
					expect(nodeOutput(first, 'One item per reservation')).toHaveLength(4);
					expect(changesOf(first, PMS_SYNC_NODE)).toEqual([
						['create', 'created', 'R-1001'],
						['create', 'created', 'R-1002'],
						['create', 'created', 'R-1005'],
					]);
					const created = await expectSeamHolds(
						PMS.prefix,
						'unit-101',
						[
							{ id: 'R-1001', from: 2, to: 5 },
							{ id: 'R-1002', from: 4, to: 6, unit: 'unit-102' },
							{ id: 'R-1005', from: 10, to: 13, unit: 'unit-102' },
						],
						PMS_TIMES,
					);
					// The guest, as the PMS listed them.
					const { user_identity } = await seamPost<{ user_identity: Json }>(
						sandbox().url,
						sandbox().apiKey,
						'/user_identities/get',
						{ user_identity_id: created.get('R-1001')?.user_identity_id },
					);
					expect(user_identity).toMatchObject({
						full_name: 'Guest R-1001',
						email_address: 'r-1001@example.com',
						phone_number: '+15555551001',
					});

					// The list changes: R-1001 cancelled, R-1002 moved to Unit 101, R-1005 re-dated,
					// R-1004 new.
					pms.set([
						reservation('R-1001', 'unit-101', 2, 5, 'cancelled'),
						reservation('R-1002', 'unit-101', 4, 6),
						reservation('R-1003', 'unit-101', 7, 9, 'cancelled'),
						reservation('R-1004', 'unit-102', 7, 9),
						reservation('R-1005', 'unit-102', 11, 14),
					]);
					since = Date.now();
					const second = succeeded(await firstRunAfter(PMS.workflowId, since));
					expect(changesOf(second, PMS_SYNC_NODE)).toEqual([
						['create', 'created', 'R-1004'],
						['move', 'moved', 'R-1002'],
						['revoke', 'revoked', 'R-1001'],
						['update', 'updated', 'R-1005'],
					]);
					const now = await expectSeamHolds(
						PMS.prefix,
						'unit-101',
						[
							{ id: 'R-1002', from: 4, to: 6 },
							{ id: 'R-1004', from: 7, to: 9, unit: 'unit-102' },
							{ id: 'R-1005', from: 11, to: 14, unit: 'unit-102' },
						],
						PMS_TIMES,
					);
					// Moved: a new grant on the new unit (the old one is gone, checked above).
					expect(now.get('R-1002')?.access_grant_id).not.toBe(
						created.get('R-1002')?.access_grant_id,
					);
					// Re-dated: the same grant.
					expect(now.get('R-1005')?.access_grant_id).toBe(created.get('R-1005')?.access_grant_id);

					// The same list again: nothing to do.
					const third = succeeded(await firstRunAfter(PMS.workflowId, Date.now()));
					expect(nodeOutput(third, PMS_SYNC_NODE)).toEqual([]);

					// An empty list (no reservation left): the Seam step gets no item, so it does not run
					// and revokes nothing, as the template's note says.
					pms.set([reservation('R-1002', 'unit-101', 4, 6, 'cancelled')]);
					const empty = succeeded(await firstRunAfter(PMS.workflowId, Date.now()));
					expect(nodeOutput(empty, 'Only reservations that stand')).toEqual([]);
					expect(Object.keys(empty.data.resultData.runData)).not.toContain(PMS_SYNC_NODE);
					expect([...(await grantsOf(PMS.prefix)).keys()].sort()).toEqual([
						'pms:R-1002',
						'pms:R-1004',
						'pms:R-1005',
					]);
					await n8n().deactivate(PMS.workflowId);

					expect(await others()).toEqual(othersBefore);
				},
				RUN_TIMEOUT,
			);
		});
	}

	return { setUp, tearDown, describeSyncTemplates };
}
