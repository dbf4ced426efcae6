import { randomUUID } from 'node:crypto';

import { DateTime } from 'luxon';

import { startSandbox, type Sandbox } from '../sandbox';
import {
	EXAMPLE_SMTP_CREDENTIAL,
	EXAMPLES,
	loadExample,
	seamCredential,
	smtpCredential,
} from '../harness/examples';
import type { N8nHome } from '../harness/n8nHome';
import type { N8nInstance } from '../harness/n8nInstance';
import { nodeOutput, onlyItem, runError, type ExecutionData, type Json } from '../harness/runData';
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from '../helpers/smtpInbox';
import { seamPost } from './seamQueries';

// The stay templates (examples/stay-*.json) in a real n8n, with their emails read from a real SMTP
// server (test/helpers/smtpInbox) as the guest would get them, and Seam's state read from the
// sandbox after every step. Part of the end-to-end suite (suite.ts), so it runs in n8n 2.x and 1.x.
//
// Two Seam sandboxes: the suite's, whose locks issue PINs within a second, and one whose locks
// take longer than the PMS template waits (20 s), for the slow-lock path. The templates run as
// shipped; for the slow sandbox they are imported a second time under other ids, pointing at a
// second Seam credential.

const MINUTE = 60_000;
const RUN_TIMEOUT = 5 * MINUTE;
/** The property's time zone, as the stay templates set it in their Seam nodes. */
const PROPERTY_ZONE = 'America/New_York';
/** Longer than the PMS template's Wait Timeout (20 s). */
const SLOW_ISSUE_MS = 25_000;

const SMTP_LOGIN = { user: 'n8n-stays', password: `smtp-${randomUUID()}` };
const SLOW_CREDENTIAL = { id: 'SeamApiSlowLock1', name: 'Seam API (slow locks)' };
const PROBE_WORKFLOW = 'smtpProbeE2e0001';
const SLOW = {
	pms: { id: 'seamStayPmsSlow1', webhookPath: 'seam-pms-stay-slow' },
	pinIssued: { id: 'seamStayPinSlow1' },
};

type Answer = {
	status: string;
	reservation_id: string;
	pin: string | null;
	pin_status: string;
	pins: Array<{ code: string | null; doors: string[] }>;
	valid_from: string;
	valid_until: string;
};

interface SeamGrant {
	access_grant_id: string;
	starts_at: string;
	ends_at: string;
	space_ids: string[];
	reservation_key?: string;
}

/** A template imported a second time: new ids and paths, its Seam nodes on another credential. */
function copyOf(
	file: string,
	id: string,
	options: { webhookPath?: string; seamCredential: { id: string; name: string } },
): Json {
	const workflow = loadExample(file);
	return {
		...workflow,
		id,
		name: `${String(workflow.name)} (slow locks)`,
		nodes: workflow.nodes.map((node) => {
			const copy: Json = { ...node, id: randomUUID() };
			if (node.webhookId) copy.webhookId = randomUUID();
			const parameters = node.parameters as Json;
			if (node.type === 'n8n-nodes-base.webhook' && options.webhookPath) {
				copy.parameters = { ...parameters, path: options.webhookPath };
			}
			const credentials = node.credentials as Json | undefined;
			if (credentials?.seamApi) {
				copy.credentials = { ...credentials, seamApi: { ...options.seamCredential } };
			}
			return copy;
		}),
	};
}

/** Manual Trigger → Send Email: the SMTP credential and n8n's Send Email node, on their own. */
function smtpProbeWorkflow(to: string): Json {
	return {
		id: PROBE_WORKFLOW,
		name: 'SMTP probe (e2e)',
		nodes: [
			{
				parameters: {},
				id: randomUUID(),
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
			{
				parameters: {
					fromEmail: 'Your host <stays@example.com>',
					toEmail: to,
					subject: 'Probe: ünïcode and a PIN 0042',
					emailFormat: 'text',
					text: 'Line one\nLine two: 0042',
					options: { appendAttribution: false },
				},
				id: randomUUID(),
				name: 'Send a probe',
				type: 'n8n-nodes-base.emailSend',
				typeVersion: 2.1,
				position: [240, 0],
				credentials: { smtp: { ...EXAMPLE_SMTP_CREDENTIAL } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Send a probe', type: 'main', index: 0 }]] },
		},
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** n8n and luxon format the same way through Intl; ICU versions differ in the space before "PM". */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** How the guest reads an instant at the property: e.g. "Fri, Dec 4, 2026, 3:00 PM". */
function localTime(iso: string): string {
	return plainSpaces(
		new Intl.DateTimeFormat('en-US', {
			timeZone: PROPERTY_ZONE,
			weekday: 'short',
			month: 'short',
			day: 'numeric',
			year: 'numeric',
			hour: 'numeric',
			minute: '2-digit',
		}).format(new Date(iso)),
	);
}

/** A stay that starts `days` from now at 15:00 and ends `nights` later at 11:00, property time. */
function stayDates(days: number, nights: number): { check_in: string; check_out: string } {
	const day = DateTime.now().setZone(PROPERTY_ZONE).startOf('day').plus({ days });
	return {
		check_in: day.set({ hour: 15 }).toISO() as string,
		check_out: day.plus({ days: nights }).set({ hour: 11 }).toISO() as string,
	};
}

export interface StayWorld {
	sandbox: () => Sandbox;
	home: () => N8nHome;
	n8n: () => N8nInstance;
}

/**
 * The stay part of the suite: `setUp` in the suite's beforeAll (before n8n starts: the inbox, the
 * slow sandbox, their credentials and the template copies are imported with n8n's CLI),
 * `describeSmtpProbe` among the CLI tests, `describeStayTemplates` in the running n8n.
 */
export function stayFixtures(world: StayWorld) {
	let inbox: SmtpInbox;
	let slowSandbox: Sandbox;

	async function setUp(): Promise<void> {
		inbox = await startSmtpInbox({ auth: SMTP_LOGIN });
		slowSandbox = await startSandbox({ accessMethodIssueDelayMs: SLOW_ISSUE_MS });
		const home = world.home();
		await home.importCredentials([
			smtpCredential({ host: inbox.host, port: inbox.port, auth: SMTP_LOGIN }),
			{ ...seamCredential(slowSandbox.url, slowSandbox.apiKey), ...SLOW_CREDENTIAL },
		]);
		await home.importWorkflows([
			smtpProbeWorkflow('probe@example.com'),
			copyOf(EXAMPLES.stayPms.file, SLOW.pms.id, {
				webhookPath: SLOW.pms.webhookPath,
				seamCredential: SLOW_CREDENTIAL,
			}),
			copyOf(EXAMPLES.stayPinIssued.file, SLOW.pinIssued.id, { seamCredential: SLOW_CREDENTIAL }),
		]);
	}

	async function tearDown(): Promise<void> {
		await slowSandbox?.close();
		await inbox?.close();
	}

	function describeSmtpProbe(): void {
		test(
			"n8n's Send Email node with the SMTP credential delivers to the test inbox",
			async () => {
				const execution = await world.home().execute(PROBE_WORKFLOW);
				expect(runError(execution)).toBeUndefined();
				const [mail] = await inbox.waitForMails(1, 10_000);
				expect(mail).toMatchObject({
					to: ['probe@example.com'],
					from: 'stays@example.com',
					subject: 'Probe: ünïcode and a PIN 0042',
					text: 'Line one\nLine two: 0042',
					user: SMTP_LOGIN.user,
				});
				expect(onlyItem(execution, 'Send a probe').accepted).toEqual(['probe@example.com']);
				inbox.clear();
			},
			RUN_TIMEOUT,
		);
	}

	/** Seam's grants of a reservation, asked of the sandbox directly. */
	async function grantsOf(sandbox: Sandbox, reservationKey: string): Promise<SeamGrant[]> {
		const { access_grants } = await seamPost<{ access_grants: SeamGrant[] }>(
			sandbox.url,
			sandbox.apiKey,
			'/access_grants/list',
			{ reservation_key: reservationKey },
		);
		return access_grants;
	}

	async function spaceIdOf(sandbox: Sandbox, spaceKey: string): Promise<string> {
		const { spaces } = await seamPost<{ spaces: Array<{ space_id: string }> }>(
			sandbox.url,
			sandbox.apiKey,
			'/spaces/list',
			{ space_key: spaceKey },
		);
		if (spaces.length !== 1) throw new Error(`The sandbox has no space "${spaceKey}"`);
		return spaces[0].space_id;
	}

	/** Each PIN of a grant as Seam has it, with the names of the doors it opens. */
	async function pinsOf(
		sandbox: Sandbox,
		accessGrantId: string,
	): Promise<Array<{ code: string | null; doors: string[] }>> {
		const { access_methods } = await seamPost<{
			access_methods: Array<{ access_method_id: string; code?: string | null; mode: string }>;
		}>(sandbox.url, sandbox.apiKey, '/access_methods/list', { access_grant_id: accessGrantId });
		const pins = [];
		for (const method of access_methods.filter((candidate) => candidate.mode === 'code')) {
			const { batch } = await seamPost<{
				batch: {
					devices: Array<{ display_name: string }>;
					acs_entrances: Array<{ display_name: string }>;
				};
			}>(sandbox.url, sandbox.apiKey, '/access_methods/get_related', {
				access_method_ids: [method.access_method_id],
			});
			pins.push({
				code: method.code ?? null,
				doors: [...batch.devices, ...batch.acs_entrances].map((door) => door.display_name).sort(),
			});
		}
		return pins;
	}

	/** What the guest must read in a PIN email: every PIN with its doors, and the local times. */
	function expectPinMail(
		mail: ReceivedMail,
		pins: Array<{ code: string | null; doors: string[] }>,
		grant: SeamGrant,
		reservationId: string,
	): void {
		expect(mail.subject).toContain(reservationId);
		const text = plainSpaces(mail.text);
		expect(pins.length).toBeGreaterThan(0);
		for (const pin of pins) {
			expect(pin.code).toMatch(/^\d{4,9}$/);
			expect(text).toContain(String(pin.code));
			for (const door of pin.doors) expect(text).toContain(door);
		}
		expect(text).toContain(localTime(grant.starts_at));
		expect(text).toContain(localTime(grant.ends_at));
		expect(text).not.toMatch(/undefined|null|\[object Object\]/);
	}

	function describeStayTemplates(): void {
		describe('the stay templates (stay-*.json), activated, with a real SMTP server', () => {
			const n8n = () => world.n8n();
			const sandbox = () => world.sandbox();

			beforeAll(async () => {
				for (const id of [
					EXAMPLES.stayPms.id,
					EXAMPLES.stayPinIssued.id,
					EXAMPLES.stayEnd.id,
					SLOW.pms.id,
					SLOW.pinIssued.id,
				]) {
					await n8n().activate(id);
				}
			}, RUN_TIMEOUT);

			/** The status and the answer together, so that a failure shows what n8n answered. */
			const answered = (response: { status: number; text: string }) => ({
				status: response.status,
				body: JSON.parse(response.text) as Json,
			});

			/** Posts a booking event as the PMS does; every event gets exactly one answer. */
			const pms = async (body: Json, path: string = EXAMPLES.stayPms.webhookPath) =>
				await n8n().callWebhook(path, { body });

			/**
			 * Nothing late: the Seam events of the grants so far have been delivered and the PIN-email
			 * workflow has finished with each of them (it sends nothing for a PIN that was quick).
			 */
			const settled = async (of: Sandbox, workflowId: string) => {
				await of.flushDeliveries(30_000);
				const deadline = Date.now() + 60_000;
				while (Date.now() < deadline) {
					const running = (await n8n().executions(workflowId)).filter((execution) =>
						['new', 'running', 'waiting'].includes(execution.status),
					);
					if (running.length === 0) return;
					await new Promise((resolve) => setTimeout(resolve, 500));
				}
				throw new Error(`Executions of ${workflowId} still running after 60 s`);
			};

			test(
				'a booking, a change of dates, a move to another unit, the same booking again, a cancellation: one email per change, Seam follows each step',
				async () => {
					const reservationId = `pms-${Date.now()}`;
					const email = `guest-${Date.now()}@example.com`;
					const booking = {
						reservation_id: reservationId,
						guest_name: 'Paula Guest',
						email,
						phone: '+15555550123',
						unit: 'unit-101',
						...stayDates(1, 3),
					};
					const unit101 = await spaceIdOf(sandbox(), 'unit-101');
					const unit102 = await spaceIdOf(sandbox(), 'unit-102');
					const mails = () => inbox.mailsTo(email);

					/** One step: the answer, Seam's one grant of the reservation, its PINs. */
					const step = async (body: Json, expected: { status: string; space: string }) => {
						const response = await pms(body);
						expect(response.status).toBe(200);
						const answer = response.json<Answer>();
						const grants = await grantsOf(sandbox(), reservationId);
						expect(grants).toHaveLength(1);
						const [grant] = grants;
						expect(grant.space_ids).toEqual([expected.space]);
						expect(Date.parse(grant.starts_at)).toBe(Date.parse(String(body.check_in)));
						expect(Date.parse(grant.ends_at)).toBe(Date.parse(String(body.check_out)));
						const pins = await pinsOf(sandbox(), grant.access_grant_id);
						expect(answer).toEqual({
							status: expected.status,
							reservation_id: reservationId,
							pin: expect.stringMatching(/^\d{4,9}$/),
							pin_status: 'issued',
							pins: expect.any(Array),
							valid_from: grant.starts_at,
							valid_until: grant.ends_at,
						});
						expect(pins.map((pin) => pin.code)).toContain(answer.pin);
						// Every code the guest holds, each with its doors, as Seam has them.
						const byCode = (list: Array<{ code: string | null; doors: string[] }>) =>
							list.map((pin) => `${pin.code}: ${[...pin.doors].sort().join(', ')}`).sort();
						expect(byCode(answer.pins)).toEqual(byCode(pins));
						return { answer, grant, pins };
					};

					// 1. Booked: the guest gets one email with every PIN, its doors and the local times.
					const created = await step(
						{ event: 'created', ...booking },
						{ status: 'created', space: unit101 },
					);
					expect(mails()).toHaveLength(1);
					expectPinMail(mails()[0], created.pins, created.grant, reservationId);
					expect(created.pins.flatMap((pin) => pin.doors).sort()).toEqual(
						['Back Door Lock', 'Front Door Lock', 'Room 101'].sort(),
					);
					expect(mails()[0]).toMatchObject({ from: 'stays@example.com', user: SMTP_LOGIN.user });

					// 2. New dates: the same grant and PINs, moved in time; one email with the new times.
					const later = { ...booking, ...stayDates(2, 4) };
					const modified = await step(
						{ event: 'modified', ...later },
						{ status: 'updated', space: unit101 },
					);
					expect(modified.grant.access_grant_id).toBe(created.grant.access_grant_id);
					expect(modified.pins).toEqual(created.pins);
					expect(mails()).toHaveLength(2);
					expectPinMail(mails()[1], modified.pins, modified.grant, reservationId);

					// 3. Moved to Unit 102: its doors, the old unit's gone; one email with the new doors.
					const moved = { ...later, unit: 'unit-102' };
					const move = await step(
						{ event: 'modified', ...moved },
						{ status: 'moved', space: unit102 },
					);
					expect(move.pins.flatMap((pin) => pin.doors).sort()).toEqual(
						['Garage Keypad', 'Room 102'].sort(),
					);
					expect(mails()).toHaveLength(3);
					expectPinMail(mails()[2], move.pins, move.grant, reservationId);
					expect(mails()[2].text).not.toContain('Room 101');

					// 4. The same booking again (a PMS retry): nothing changes, nobody is emailed.
					const again = await step(
						{ event: 'modified', ...moved },
						{ status: 'unchanged', space: unit102 },
					);
					expect(again.grant.access_grant_id).toBe(move.grant.access_grant_id);
					expect(again.answer.pin).toBe(move.answer.pin);
					expect(mails()).toHaveLength(3);

					// 5. Cancelled: no grant left, no email.
					const cancelled = await pms({ event: 'cancelled', reservation_id: reservationId });
					expect(cancelled.status).toBe(200);
					expect(cancelled.json()).toEqual({ status: 'revoked', reservation_id: reservationId });
					expect(await grantsOf(sandbox(), reservationId)).toEqual([]);

					// And nothing arrives late: the PIN-email template saw every grant's PINs arrive
					// quickly and left them to this workflow.
					await settled(sandbox(), EXAMPLES.stayPinIssued.id);
					const emailRuns = await n8n().executions(EXAMPLES.stayPinIssued.id);
					expect(emailRuns.length).toBeGreaterThanOrEqual(2); // the first grant and the move's
					expect(emailRuns.every((run) => run.status === 'success')).toBe(true);
					expect(mails()).toHaveLength(3);
					expect(inbox.mails.filter((mail) => mail.to.includes(email))).toHaveLength(3);
				},
				RUN_TIMEOUT,
			);

			test(
				'a cancellation of a booking Seam never had, an unknown event and an impossible booking: each answered once, nothing created, nobody emailed',
				async () => {
					const reservationId = `pms-bad-${Date.now()}`;
					const email = `nobody-${Date.now()}@example.com`;
					const unknownCancel = await pms({ event: 'cancelled', reservation_id: reservationId });
					expect(unknownCancel.status).toBe(200);
					expect(unknownCancel.json()).toEqual({
						status: 'not_found',
						reservation_id: reservationId,
					});

					const unknownEvent = await pms({ event: 'checked_in', reservation_id: reservationId });
					expect(answered(unknownEvent)).toMatchObject({
						status: 422,
						body: {
							status: 'error',
							reservation_id: reservationId,
							error: expect.stringContaining('checked_in'),
						},
					});

					const dates = stayDates(1, 2);
					const backwards = await pms({
						event: 'created',
						reservation_id: reservationId,
						guest_name: 'Nobody Else',
						email,
						unit: 'unit-101',
						check_in: dates.check_out,
						check_out: dates.check_in,
					});
					expect(answered(backwards)).toMatchObject({
						status: 422,
						body: {
							status: 'error',
							reservation_id: reservationId,
							error: 'Check-Out must be after Check-In',
							description: expect.stringContaining('Check-In is'),
						},
					});

					const noSuchUnit = await pms({
						event: 'created',
						reservation_id: reservationId,
						guest_name: 'Nobody Else',
						email,
						unit: 'unit-999',
						...dates,
					});
					expect(answered(noSuchUnit)).toMatchObject({
						status: 422,
						body: { status: 'error', reservation_id: reservationId },
					});

					expect(await grantsOf(sandbox(), reservationId)).toEqual([]);
					expect(inbox.mailsTo(email)).toEqual([]);
				},
				RUN_TIMEOUT,
			);

			test(
				'stay-end.json: a stay ends at once ("revoked"), and asking again says "not_found"',
				async () => {
					const reservationId = `pms-end-${Date.now()}`;
					const email = `early-${Date.now()}@example.com`;
					const booked = await pms({
						event: 'created',
						reservation_id: reservationId,
						guest_name: 'Early Leaver',
						email,
						unit: 'unit-101',
						...stayDates(0, 2),
					});
					expect(booked.json<Answer>().status).toBe('created');
					expect(await grantsOf(sandbox(), reservationId)).toHaveLength(1);
					expect(inbox.mailsTo(email)).toHaveLength(1);

					const ended = await n8n().callWebhook(EXAMPLES.stayEnd.webhookPath, {
						body: { reservation_id: reservationId },
					});
					expect(ended.status).toBe(200);
					expect(ended.json()).toEqual({ status: 'revoked', reservation_id: reservationId });
					expect(await grantsOf(sandbox(), reservationId)).toEqual([]);

					const again = await n8n().callWebhook(EXAMPLES.stayEnd.webhookPath, {
						body: { reservation_id: reservationId },
					});
					expect(again.status).toBe(200);
					expect(again.json()).toEqual({ status: 'not_found', reservation_id: reservationId });
					expect(inbox.mailsTo(email)).toHaveLength(1);
				},
				RUN_TIMEOUT,
			);

			test(
				'locks slower than the PMS waits: the PMS hears "pending" and no email goes out; the PIN email follows once Seam reports the PINs issued, exactly once',
				async () => {
					const reservationId = `pms-slow-${Date.now()}`;
					const email = `patient-${Date.now()}@example.com`;
					const triggerRuns = (await n8n().executions(SLOW.pinIssued.id)).map((run) => run.id);
					const pmsRuns = (await n8n().executions(SLOW.pms.id)).map((run) => run.id);
					const booking = {
						event: 'created',
						reservation_id: reservationId,
						guest_name: 'Patient Guest',
						email,
						unit: 'unit-101',
						...stayDates(1, 2),
					};
					const response = await pms(booking, SLOW.pms.webhookPath);
					expect(response.status).toBe(200);
					expect(response.json()).toMatchObject({
						status: 'created',
						reservation_id: reservationId,
						pin: null,
						pin_status: 'pending',
					});
					const run: ExecutionData = await n8n().waitForExecution(SLOW.pms.id, { known: pmsRuns });
					expect(onlyItem(run, 'Grant or update the stay')).toMatchObject({
						pin_status: 'pending',
						notify_guest: false,
					});
					expect(nodeOutput(run, 'Tell the guest?', { output: 1 })).toHaveLength(1);
					expect(inbox.mailsTo(email)).toEqual([]);

					// The locks get the PINs; Seam's event starts the PIN-email template.
					const [grant] = await grantsOf(slowSandbox, reservationId);
					const trigger = await n8n().waitForExecution(SLOW.pinIssued.id, {
						known: triggerRuns,
						timeoutMs: SLOW_ISSUE_MS + MINUTE,
					});
					expect(trigger.status).toBe('success');
					expect(inbox.mailsTo(email)).toHaveLength(1);
					const pins = await pinsOf(slowSandbox, grant.access_grant_id);
					expectPinMail(inbox.mailsTo(email)[0], pins, grant, reservationId);

					// Once: no second email for the same stay, however many PINs it has.
					await settled(slowSandbox, SLOW.pinIssued.id);
					expect(inbox.mailsTo(email)).toHaveLength(1);
					expect(slowSandbox.contractViolations).toEqual([]);
				},
				RUN_TIMEOUT,
			);
		});
	}

	return {
		setUp,
		tearDown,
		describeSmtpProbe,
		describeStayTemplates,
		/** The test SMTP server behind the examples' SMTP credential, for other templates' mails. */
		inbox: () => inbox,
		/** For the suite's last checks. */
		contractViolations: () => slowSandbox?.contractViolations ?? [],
		secrets: () => [SMTP_LOGIN.password, slowSandbox?.apiKey].filter(Boolean) as string[],
	};
}
