import { randomBytes, randomUUID } from 'node:crypto';

import { DateTime } from 'luxon';

import type { Sandbox } from '../sandbox';
import {
	DELIVERY_SECRET_HEADER,
	deliverySecretCredential,
	EXAMPLES,
	loadExample,
} from '../harness/examples';
import type { N8nHome } from '../harness/n8nHome';
import type { N8nInstance } from '../harness/n8nInstance';
import { nodeOutput, runError, type ExecutionData, type Json } from '../harness/runData';
import type { ReceivedMail, SmtpInbox } from '../helpers/smtpInbox';
import { seamPost } from './seamQueries';

// The templates on Seam's lock API (examples/cleaner-code-weekly.json, unlock-on-delivery.json)
// in a real n8n, each run by its own trigger, with Seam's state read from the sandbox afterwards
// and the emails read from the suite's SMTP server. Part of the end-to-end suite (suite.ts), so it
// runs in n8n 2.x and 1.x.
//
// What changes against the templates as shipped, and why:
// - the cleaner's weekly Schedule Trigger fires every 30 s instead (a Monday 6:00 cannot be
//   waited for) and the workflow is deactivated after its first run; its time zone is one where it
//   is early morning now, as the template's Monday 6:00 run is, so that 10:00–14:00 today is
//   ahead (Seam takes no code that has already ended);
// - a second copy of the delivery template waits 5 s instead of 3 minutes before locking again,
//   so that the relock can be seen; the failure and wrong-secret cases run the template as shipped.

const MINUTE = 60_000;
const RUN_TIMEOUT = 5 * MINUTE;
/** The test copy's schedule: longer than a run, so the copy is deactivated before a second one. */
const EVERY_SECONDS = 30;
/** The quick copy's wait before locking again (the template: 3 minutes). */
const RELOCK_SECONDS = 5;
const CLEANER_COPY = { id: 'lockE2eCleaner01' };
const QUICK_RELOCK = { id: 'lockE2eDelivery1', webhookPath: 'seam-delivery-relock' };
/**
 * Time zones whose UTC offsets are at most 5 hours apart around the clock (-5, 0, +4, +9, +14):
 * in one of them it is always between midnight and 7:00. The template's own zone comes first.
 */
const ZONES = [
	'America/New_York',
	'Africa/Abidjan',
	'Asia/Dubai',
	'Asia/Tokyo',
	'Pacific/Kiritimati',
	'America/Bogota',
];

type Parameters = Record<string, unknown>;
type SeamNode = Json & { name: string; type: string; parameters: Parameters };

interface AccessCode {
	access_code_id: string;
	device_id: string;
	name: string | null;
	code: string | null;
	starts_at?: string;
	ends_at?: string;
	common_code_key?: string | null;
	status: string;
}

interface Device {
	device_id: string;
	display_name: string;
	can_program_online_access_codes?: boolean;
	properties: { locked?: boolean; online?: boolean; name?: string };
}

/** A zone where it is now between midnight and 7:00, the template's first. */
function earlyMorningZone(): string {
	const zone = ZONES.find((candidate) => DateTime.now().setZone(candidate).hour < 7);
	if (!zone) throw new Error('No early-morning zone: the ZONES list leaves a gap');
	return zone;
}

function nodesOf(file: string): SeamNode[] {
	return loadExample(file).nodes as SeamNode[];
}

/** The one node of a template with this type (and operation, for Seam nodes). */
function nodeOf(file: string, type: string, operation?: string): SeamNode {
	const found = nodesOf(file).filter(
		(node) => node.type === type && (!operation || node.parameters.operation === operation),
	);
	if (found.length !== 1) throw new Error(`${file}: ${found.length} ${type} ${operation ?? ''}`);
	return found[0];
}

const SEAM = 'n8n-nodes-seam.seam';
const CLEANER_FILE = EXAMPLES.cleanerCode.file;
const DELIVERY_FILE = EXAMPLES.unlockOnDelivery.file;
const CREATE_NODE = nodeOf(CLEANER_FILE, SEAM, 'createMultiple').name;
const UNLOCK_NODE = nodeOf(DELIVERY_FILE, SEAM, 'unlock').name;
const RELOCK_NODE = nodeOf(DELIVERY_FILE, SEAM, 'lock').name;
/** Who the templates email, as shipped. */
const CLEANER_EMAIL = String(nodeOf(CLEANER_FILE, 'n8n-nodes-base.emailSend').parameters.toEmail);
const HOST_EMAIL = 'host@example.com';

/** The cleaner template with its schedule every few seconds, in an early-morning time zone. */
function cleanerCopy(zone: string): Json {
	const workflow = loadExample(CLEANER_FILE);
	return {
		...workflow,
		id: CLEANER_COPY.id,
		// No "Seam" in the name: n8n's log names failed runs, and the suite reads the log.
		name: `Cleaner code (e2e copy, ${zone})`,
		settings: { ...(workflow.settings as Json), timezone: zone },
		nodes: workflow.nodes.map((node) => {
			const copy: Json = { ...node, id: randomUUID() };
			if (node.type === 'n8n-nodes-base.scheduleTrigger') {
				copy.parameters = {
					rule: { interval: [{ field: 'seconds', secondsInterval: EVERY_SECONDS }] },
				};
			}
			return copy;
		}),
	};
}

/** The delivery template on another path, locking again after seconds instead of minutes. */
function quickRelockCopy(): Json {
	const workflow = loadExample(DELIVERY_FILE);
	return {
		...workflow,
		id: QUICK_RELOCK.id,
		name: 'Delivery unlock, quick relock (e2e copy)',
		nodes: workflow.nodes.map((node) => {
			const copy: Json = { ...node, id: randomUUID() };
			if (node.webhookId) copy.webhookId = randomUUID();
			const parameters = node.parameters as Parameters;
			if (node.type === 'n8n-nodes-base.webhook') {
				copy.parameters = { ...parameters, path: QUICK_RELOCK.webhookPath };
			}
			if (node.type === 'n8n-nodes-base.wait') {
				copy.parameters = { ...parameters, amount: RELOCK_SECONDS, unit: 'seconds' };
			}
			return copy;
		}),
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LockApiWorld {
	sandbox: () => Sandbox;
	home: () => N8nHome;
	n8n: () => N8nInstance;
	/** The SMTP server the examples' SMTP credential points at. */
	inbox: () => SmtpInbox;
}

/**
 * The lock-API part of the suite: `setUp` in the suite's beforeAll (the delivery secret's
 * credential and the two test copies, imported with n8n's CLI), `describeLockApiTemplates` in
 * the running n8n.
 */
export function lockApiFixtures(world: LockApiWorld) {
	const secret = `delivery-${randomBytes(18).toString('hex')}`;
	let zone: string;

	async function setUp(): Promise<void> {
		zone = earlyMorningZone();
		const home = world.home();
		await home.importCredentials([deliverySecretCredential(secret)]);
		await home.importWorkflows([cleanerCopy(zone), quickRelockCopy()]);
	}

	function describeLockApiTemplates(): void {
		describe('the lock API templates (cleaner-code-weekly.json, unlock-on-delivery.json)', () => {
			const n8n = () => world.n8n();
			const sandbox = () => world.sandbox();
			const seam = async <T>(endpoint: string, body: Json) =>
				await seamPost<T>(sandbox().url, sandbox().apiKey, endpoint, body);

			const deviceOf = async (device_id: string) =>
				(await seam<{ device: Device }>('/devices/get', { device_id })).device;
			const codesOn = async (device_id: string) =>
				(await seam<{ access_codes: AccessCode[] }>('/access_codes/list', { device_id }))
					.access_codes;

			/** The mails to an address once there are `count` of them (they arrive after the run). */
			async function mailsTo(address: string, count: number): Promise<ReceivedMail[]> {
				const deadline = Date.now() + 20_000;
				while (world.inbox().mailsTo(address).length < count) {
					if (Date.now() > deadline) {
						throw new Error(
							`${world.inbox().mailsTo(address).length} mails to ${address} after 20 s, expected ${count}`,
						);
					}
					await sleep(200);
				}
				return world.inbox().mailsTo(address);
			}

			test('the templates as shipped: the cleaner code every Monday at 6:00 for 10:00-14:00 on a space, by email; the delivery webhook behind a secret header, unlock with its result, 3 minutes, lock again; the host told of failures; no Code node', () => {
				for (const file of [CLEANER_FILE, DELIVERY_FILE]) {
					const types = nodesOf(file).map((node) => node.type);
					expect(types).not.toContain('n8n-nodes-base.code');
					const notes = nodesOf(file)
						.filter((node) => node.type === 'n8n-nodes-base.stickyNote')
						.map((node) => String(node.parameters.content))
						.join('\n');
					expect(notes).toMatch(/Before activating/);
					expect(notes).toContain('Seam API');
					expect(notes).toContain('SMTP');
				}

				const cleaner = loadExample(CLEANER_FILE);
				expect(cleaner.settings).toMatchObject({ timezone: 'America/New_York' });
				expect(nodeOf(CLEANER_FILE, 'n8n-nodes-base.scheduleTrigger').parameters).toEqual({
					rule: { interval: [{ field: 'weeks', triggerAtDay: [1], triggerAtHour: 6 }] },
				});
				expect(nodeOf(CLEANER_FILE, SEAM, 'createMultiple').parameters).toMatchObject({
					resource: 'accessCode',
					operation: 'createMultiple',
					locksFrom: 'space',
					spaceId: { __rl: true, mode: 'list', value: sandbox().seed.spaces.unit101 },
					name: 'Cleaner',
					startsAt: '={{ $today.set({ hour: 10 }).toISO() }}',
					endsAt: '={{ $today.set({ hour: 14 }).toISO() }}',
					waitUntilSet: true,
				});
				const cleanerNotes = JSON.stringify(nodesOf(CLEANER_FILE));
				for (const hint of ['Space', 'Timezone', 'To Email', 'When the Code Cannot Be Shared'])
					expect(cleanerNotes).toContain(hint);

				const hook = nodeOf(DELIVERY_FILE, 'n8n-nodes-base.webhook');
				expect(hook.parameters).toMatchObject({
					httpMethod: 'POST',
					path: EXAMPLES.unlockOnDelivery.webhookPath,
					authentication: 'headerAuth',
					responseMode: 'responseNode',
				});
				expect(hook.credentials).toEqual({
					httpHeaderAuth: expect.objectContaining({ id: 'DeliverySecret01' }),
				});
				const door = { __rl: true, mode: 'list', value: sandbox().seed.devices.frontDoorLock };
				for (const operation of ['unlock', 'lock']) {
					const step = nodeOf(DELIVERY_FILE, SEAM, operation);
					expect(step.parameters).toMatchObject({
						resource: 'lock',
						operation,
						deviceId: door,
						waitForResult: true,
					});
					expect(step.onError).toBe('continueErrorOutput');
				}
				expect(nodeOf(DELIVERY_FILE, 'n8n-nodes-base.wait').parameters).toEqual({
					amount: 3,
					unit: 'minutes',
				});
				expect(JSON.stringify(nodesOf(DELIVERY_FILE))).toContain(DELIVERY_SECRET_HEADER);
			});

			test(
				"cleaner-code-weekly.json, run by its Schedule Trigger: one common code on every lock of the space that takes codes, from 10:00 to 14:00 that day in the workflow's time zone, and the cleaner's email with the code and the locks",
				async () => {
					const spaceId = sandbox().seed.spaces.unit101;
					const { batch } = await seam<{ batch: { devices: Device[] } }>('/spaces/get_related', {
						space_ids: [spaceId],
					});
					const codeLocks = batch.devices.filter(
						(device) => device.can_program_online_access_codes,
					);
					const otherLocks = batch.devices.filter(
						(device) => !device.can_program_online_access_codes,
					);
					expect(codeLocks.length).toBeGreaterThan(1);
					const before = new Map<string, string[]>();
					for (const device of batch.devices)
						before.set(
							device.device_id,
							(await codesOn(device.device_id)).map((code) => code.access_code_id),
						);

					// Activated: the first scheduled run, then no other.
					const since = Date.now();
					await n8n().activate(CLEANER_COPY.id);
					let run: ExecutionData & { mode?: string; startedAt?: string };
					try {
						run = await firstRunAfter(CLEANER_COPY.id, since);
					} finally {
						await n8n().deactivate(CLEANER_COPY.id);
					}
					expect(runError(run)).toBeUndefined();
					expect(run.status).toBe('success');
					expect(run.mode).toBe('trigger');
					expect(JSON.stringify(run)).not.toContain(sandbox().apiKey);
					expect(await n8n().executions(CLEANER_COPY.id)).toHaveLength(1);

					// That day, in the workflow's time zone.
					const day = DateTime.fromISO(String(run.startedAt)).setZone(zone).startOf('day');
					const startsAt = day.set({ hour: 10 }).toMillis();
					const endsAt = day.set({ hour: 14 }).toMillis();

					// Seam, asked directly: one new code per lock that takes codes, the same code on each.
					const created: AccessCode[] = [];
					for (const device of batch.devices) {
						const fresh = (await codesOn(device.device_id)).filter(
							(code) => !before.get(device.device_id)?.includes(code.access_code_id),
						);
						const expected = codeLocks.includes(device) ? 1 : 0;
						expect({ lock: device.display_name, codes: fresh.length }).toEqual({
							lock: device.display_name,
							codes: expected,
						});
						created.push(...fresh);
					}
					const [first] = created;
					expect(first.code).toMatch(/^\d{4,8}$/);
					for (const code of created) {
						expect({
							name: code.name,
							code: code.code,
							starts_at: Date.parse(String(code.starts_at)),
							ends_at: Date.parse(String(code.ends_at)),
							common_code_key: code.common_code_key,
						}).toEqual({
							name: 'Cleaner',
							code: first.code,
							starts_at: startsAt,
							ends_at: endsAt,
							common_code_key: first.common_code_key,
						});
					}

					// The run's output: one item per code; each starts later, so it is scheduled on its lock
					// (the lock takes it at 10:00) rather than waited for.
					const items = nodeOutput(run, CREATE_NODE);
					expect(items.map((item) => item.access_code_id).sort()).toEqual(
						created.map((code) => code.access_code_id).sort(),
					);
					expect(items.map((item) => [item.is_scheduled, item.name])).toEqual(
						items.map(() => [true, 'Cleaner']),
					);

					// The cleaner's email: the code, every lock by name, the day and the hours.
					const mails = await mailsTo(CLEANER_EMAIL, 1);
					expect(mails).toHaveLength(1);
					const [mail] = mails;
					expect(mail.subject).toContain(String(first.code));
					expect(mail.text).toContain(String(first.code));
					for (const device of codeLocks) expect(mail.text).toContain(device.display_name);
					for (const device of otherLocks) expect(mail.text).not.toContain(device.display_name);
					expect(mail.text).toContain(day.toFormat('cccc d LLLL'));
					expect(mail.text).toMatch(/from 10:00 to 14:00/);
					expect(mail.text).not.toMatch(/undefined|null|\[object Object\]|Invalid DateTime/);
				},
				RUN_TIMEOUT,
			);

			/**
			 * The first run of a workflow started after `since`, once finished (the public API lists
			 * running executions only when asked for them).
			 */
			async function firstRunAfter(
				workflowId: string,
				since: number,
			): Promise<ExecutionData & { mode?: string; startedAt?: string }> {
				const deadline = Date.now() + (EVERY_SECONDS + 60) * 1000;
				while (Date.now() < deadline) {
					const { data } = await n8n().publicApi<{
						data: Array<{ id: string; status: string; startedAt?: string | null }>;
					}>('GET', `/executions?workflowId=${workflowId}&limit=20`);
					const finished = data.find(
						(execution) =>
							Date.parse(String(execution.startedAt)) > since &&
							!['new', 'running', 'waiting'].includes(execution.status),
					);
					if (finished) return await n8n().execution(finished.id);
					await sleep(500);
				}
				throw new Error(`No scheduled run of ${workflowId} finished in time`);
			}

			describe('unlock-on-delivery.json, activated', () => {
				const { id, webhookPath } = EXAMPLES.unlockOnDelivery;
				const door = () => sandbox().seed.devices.frontDoorLock;
				const withSecret = { [DELIVERY_SECRET_HEADER]: secret };
				const parcel = { carrier: 'UPS', tracking_number: '1Z999AA10123456784' };
				const locked = async () => (await deviceOf(door())).properties.locked;
				const unlockRequests = () =>
					sandbox().requests.filter((request) => request.path === '/locks/unlock_door').length;

				beforeAll(async () => {
					await n8n().activate(id);
					await n8n().activate(QUICK_RELOCK.id);
				}, RUN_TIMEOUT);

				afterAll(async () => {
					sandbox().setDeviceOnline(door(), true);
					for (const workflowId of [id, QUICK_RELOCK.id])
						await n8n()
							.deactivate(workflowId)
							.catch(() => undefined);
				}, RUN_TIMEOUT);

				test(
					"a delivery with the secret: the front door unlocks, the caller hears the action attempt's success, and the door locks again",
					async () => {
						expect(await locked()).toBe(true);
						const known = (await n8n().executions(QUICK_RELOCK.id)).map((run) => run.id);

						const response = await n8n().callWebhook(QUICK_RELOCK.webhookPath, {
							body: parcel,
							headers: withSecret,
						});
						expect({ status: response.status, body: response.json() }).toMatchObject({
							status: 200,
							body: {
								status: 'unlocked',
								succeeded: true,
								door: 'Front Door Lock',
								action_attempt_id: expect.any(String),
							},
						});
						// Open now, as the courier is told, before the template locks it again.
						expect(await locked()).toBe(false);
						const { action_attempt } = await seam<{
							action_attempt: { status: string; action_type: string };
						}>('/action_attempts/get', {
							action_attempt_id: response.json().action_attempt_id,
						});
						expect(action_attempt).toMatchObject({ status: 'success', action_type: 'UNLOCK_DOOR' });

						// The wait, then locked again.
						const run = await n8n().waitForExecution(QUICK_RELOCK.id, {
							known,
							timeoutMs: (RELOCK_SECONDS + 60) * 1000,
						});
						expect(runError(run)).toBeUndefined();
						expect(run.status).toBe('success');
						expect(nodeOutput(run, UNLOCK_NODE)).toEqual([
							expect.objectContaining({ succeeded: true, action: 'unlock', device_id: door() }),
						]);
						expect(nodeOutput(run, RELOCK_NODE)).toEqual([
							expect.objectContaining({ succeeded: true, action: 'lock', locked: true }),
						]);
						expect(await locked()).toBe(true);
						expect(world.inbox().mailsTo(HOST_EMAIL)).toEqual([]);
					},
					RUN_TIMEOUT,
				);

				test(
					"the lock is offline: the caller gets 503 with Seam's error, the door stays locked, and the host gets an email saying why",
					async () => {
						const mailsBefore = world.inbox().mailsTo(HOST_EMAIL).length;
						sandbox().setDeviceOnline(door(), false);
						try {
							const response = await n8n().callWebhook(webhookPath, {
								body: parcel,
								headers: withSecret,
							});
							const body = response.json<{ error: string; description?: string }>();
							expect({ status: response.status, body }).toMatchObject({
								status: 503,
								body: { status: 'not_unlocked', succeeded: false, error: expect.any(String) },
							});
							expect(`${body.error} ${body.description ?? ''}`).toMatch(/offline/i);
							expect(body.error).toContain('Front Door Lock');
							expect(await locked()).toBe(true);

							const [mail] = (await mailsTo(HOST_EMAIL, mailsBefore + 1)).slice(mailsBefore);
							expect(mail.subject).toMatch(/did not open/);
							expect(mail.text).toContain(body.error);
							expect(mail.text).toContain(parcel.tracking_number);
						} finally {
							sandbox().setDeviceOnline(door(), true);
						}
					},
					RUN_TIMEOUT,
				);

				test(
					'a wrong or missing secret: 403, no run, nothing sent to the lock',
					async () => {
						const runsBefore = (await n8n().executions(id)).length;
						const requestsBefore = unlockRequests();
						const wrong: Array<Record<string, string>> = [
							{ [DELIVERY_SECRET_HEADER]: `${secret}x` },
							{},
						];
						for (const headers of wrong) {
							const response = await n8n().callWebhook(webhookPath, { body: parcel, headers });
							expect(response.status).toBe(403);
							expect(response.text).not.toContain(secret);
						}
						expect(unlockRequests()).toBe(requestsBefore);
						expect(await locked()).toBe(true);
						await sleep(1000);
						expect(await n8n().executions(id)).toHaveLength(runsBefore);
					},
					RUN_TIMEOUT,
				);
			});
		});
	}

	return {
		setUp,
		describeLockApiTemplates,
		/** For the suite's check that n8n never printed them. */
		secrets: () => [secret],
	};
}
