import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox';
import { EXAMPLES, EXAMPLES_DIR, seamCredential } from '../harness/examples';
import { N8nHome } from '../harness/n8nHome';
import { N8nInstance } from '../harness/n8nInstance';
import { packageWarnings } from './packageWarnings';
import { packPackage, REPO_ROOT } from '../harness/packPackage';
import { provisionN8n } from '../harness/provision';
import { onlyItem, type Json } from '../harness/runData';
import { accessGroupIdsByName, entranceNamesOfAccessGroups, seamPost } from './seamQueries';
import {
	expectAccessGrantResults,
	expectLatchResults,
	expectQuickStartResults,
	expectSaltoKsResults,
	expectSucceeded,
	locatorValue,
	sorted,
} from './exampleChecks';
import { lockApiFixtures } from './lockApi';
import { mcpFixtures } from './mcp';
import { stayFixtures } from './stays';
import { staySyncFixtures } from './staySync';
import { nodeLabel, type N8nTarget } from '../harness/targets';

// The end-to-end suite, run once per supported n8n release (one test file each): the packed
// package installed into a real n8n, the example workflows imported and run against the local
// Seam sandbox, and their results checked the way a user reads them.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** First run on a machine: Node.js and n8n come from the registry (minutes; see the README). */
const SETUP_TIMEOUT = 60 * MINUTE;
const RUN_TIMEOUT = 5 * MINUTE;

/** This repository's package.json: what the package tells n8n to load. */
function packageManifest(): { n8n: { nodes: string[]; credentials: string[] } } {
	return JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
}

export function describeEndToEnd(target: N8nTarget): void {
	const run = process.env.N8N_E2E === '0' ? describe.skip : describe;

	run(`n8n ${target.n8nVersion} on ${nodeLabel(target)}: the packed package in a real n8n`, () => {
		let sandbox: Sandbox;
		let home: N8nHome;
		let n8n: N8nInstance;
		const apiKey = () => sandbox.apiKey;
		const stays = stayFixtures({ sandbox: () => sandbox, home: () => home, n8n: () => n8n });
		const staySync = staySyncFixtures({ sandbox: () => sandbox, home: () => home, n8n: () => n8n });
		const lockApi = lockApiFixtures({
			sandbox: () => sandbox,
			home: () => home,
			n8n: () => n8n,
			inbox: () => stays.inbox(),
		});
		const mcp = mcpFixtures({
			sandbox: () => sandbox,
			home: () => home,
			n8n: () => n8n,
			n8nVersion: target.n8nVersion,
		});

		beforeAll(async () => {
			const runtime = await provisionN8n(target);
			sandbox = await startSandbox();
			home = N8nHome.create(runtime);
			const tarball = await packPackage(mkdtempSync(path.join(home.userFolder, 'pack-')));
			await home.installPackage(tarball);
			await home.importCredentials([seamCredential(sandbox.url, sandbox.apiKey)]);
			await home.importWorkflowFolder(EXAMPLES_DIR);
			await stays.setUp();
			await mcp.setUp();
			await staySync.setUp();
			await lockApi.setUp();
		}, SETUP_TIMEOUT);

		afterAll(async () => {
			await stays.tearDown();
			await staySync.tearDown();
			await sandbox?.close();
			home?.remove();
		});

		test(
			'n8n loads the package: every node and credential it declares, the Seam node among them',
			async () => {
				const { nodes, output } = await home.exportNodes();
				const seam = nodes.find((node) => node.name === 'n8n-nodes-seam.seam');
				expect(seam).toBeDefined();
				expect(seam?.displayName).toBe('Seam');
				expect(seam?.credentials).toEqual([expect.objectContaining({ name: 'seamApi' })]);
				// As many nodes as package.json declares (n8n adds an AI-tool variant of usable-as-tool ones).
				const declared = packageManifest().n8n;
				const packageNodes = nodes.filter(
					(node) => node.name.startsWith('n8n-nodes-seam.') && !node.name.endsWith('Tool'),
				);
				expect(packageNodes).toHaveLength(declared.nodes.length);
				// The loader's own account of what the package contributed (debug log).
				const loaded =
					/Loaded all credentials and nodes from n8n-nodes-seam \{ "credentials": (\d+), "nodes": (\d+)/.exec(
						output,
					);
				expect(loaded?.slice(1).map(Number)).toEqual([
					declared.credentials.length,
					declared.nodes.length,
				]);
			},
			RUN_TIMEOUT,
		);

		test(
			'000 PIN code quick start: June gets a 6-digit PIN for the doors of Main Group',
			async () => {
				const startedAt = Date.now();
				const execution = await home.execute(EXAMPLES.quickStart.id);
				await expectQuickStartResults(EXAMPLES.quickStart.file, execution, sandbox, startedAt);
			},
			RUN_TIMEOUT,
		);

		test(
			'001 Salto KS: Jane joins several access groups and gets one 6-digit PIN for all their doors',
			async () => {
				const execution = await home.execute(EXAMPLES.saltoKs.id);
				await expectSaltoKsResults(EXAMPLES.saltoKs.file, execution, sandbox);
			},
			RUN_TIMEOUT,
		);

		test(
			'004 Latch: one 7-digit PIN per chosen door, each opening exactly that door, for the same dates',
			async () => {
				const startedAt = Date.now();
				const execution = await home.execute(EXAMPLES.latch.id);
				expectLatchResults(EXAMPLES.latch.file, execution, sandbox, startedAt);
			},
			RUN_TIMEOUT,
		);

		test(
			'003 Access Grant: Gina gets a PIN on the front door, sees its doors, then it is moved and revoked',
			async () => {
				const execution = await home.execute(EXAMPLES.accessGrant.id);
				await expectAccessGrantResults(execution, sandbox);
			},
			RUN_TIMEOUT,
		);

		stays.describeSmtpProbe();

		describe('in a running n8n (n8n start)', () => {
			beforeAll(async () => {
				n8n = await N8nInstance.start(home);
				await n8n.setupOwner();
			}, RUN_TIMEOUT);

			afterAll(async () => {
				await n8n?.stop();
			});

			test(
				'the editor offers the Seam node and the Seam API credential',
				async () => {
					expect((await n8n.nodeTypes()).map((type) => type.name)).toContain('n8n-nodes-seam.seam');
					const credential = (await n8n.credentialTypes()).find((type) => type.name === 'seamApi');
					expect(credential).toMatchObject({ displayName: 'Seam API' });
				},
				RUN_TIMEOUT,
			);

			describe('reservation-webhook-pin.json, activated', () => {
				const { id, file, webhookPath } = EXAMPLES.reservation;
				const siteId = locatorValue(file, 'Get the access groups of Main Site', 'acsSystemId');
				const tomorrow = new Date(Math.ceil(Date.now() / DAY) * DAY);
				const stay = {
					check_in: new Date(tomorrow.getTime() + 15 * 60 * MINUTE).toISOString(),
					check_out: new Date(tomorrow.getTime() + 3 * DAY + 11 * 60 * MINUTE).toISOString(),
				};
				const usersOfSite = async () =>
					(
						await seamPost<{ acs_users: Json[] }>(sandbox.url, apiKey(), '/acs/users/list', {
							acs_system_id: siteId,
						})
					).acs_users.length;

				beforeAll(async () => {
					await n8n.activate(id);
				}, RUN_TIMEOUT);

				test(
					'the booking system gets back one PIN valid for the stay and the booked doors',
					async () => {
						const known = (await n8n.executions(id)).map((execution) => execution.id);
						const groupIds = await accessGroupIdsByName(sandbox.url, apiKey(), siteId);
						const bookedGroups = ['Main Group', 'Pool Group'];
						const reservation = {
							guest_name: 'June Doe',
							email: 'june@example.com',
							...stay,
							doors: bookedGroups,
						};
						const expectedDoors = await entranceNamesOfAccessGroups(
							sandbox.url,
							apiKey(),
							bookedGroups.map((name) => groupIds[name]),
						);

						const response = await n8n.callWebhook(webhookPath, { body: reservation });
						expect(response.status).toBe(200);
						const answer = response.json<{
							guest: string;
							pin_code: string;
							valid_from: string;
							valid_until: string;
							doors: string[];
						}>();
						expect(answer.guest).toBe(reservation.guest_name);
						expect(answer.pin_code).toMatch(/^\d{6}$/);
						expect(Date.parse(answer.valid_from)).toBe(Date.parse(reservation.check_in));
						expect(Date.parse(answer.valid_until)).toBe(Date.parse(reservation.check_out));
						expect(sorted(answer.doors)).toEqual(sorted(expectedDoors));

						// The run, read back from n8n: the guest's access schedule is the stay.
						const execution = await n8n.waitForExecution(id, { known });
						expect(execution.status).toBe('success');
						expectSucceeded(execution, apiKey());
						const guest = onlyItem(execution, 'Create the guest with the stay as schedule');
						const schedule = guest.access_schedule as { starts_at: string; ends_at: string };
						expect([Date.parse(schedule.starts_at), Date.parse(schedule.ends_at)]).toEqual([
							Date.parse(reservation.check_in),
							Date.parse(reservation.check_out),
						]);
						expect(guest.email_address).toBe(reservation.email);
						expect(sorted(guest.joined_acs_access_group_ids as string[])).toEqual(
							sorted(bookedGroups.map((name) => groupIds[name])),
						);
						expect(onlyItem(execution, 'Create the PIN for the stay').code).toBe(answer.pin_code);
					},
					RUN_TIMEOUT,
				);

				test(
					'a reservation naming a door that does not exist is refused (422) and creates nobody',
					async () => {
						const usersBefore = await usersOfSite();
						const reservation = {
							guest_name: 'Nobody Else',
							email: 'nobody@example.com',
							...stay,
							doors: ['Main Group', 'Rooftop Bar'],
						};
						const response = await n8n.callWebhook(webhookPath, { body: reservation });
						expect(response.status).toBe(422);
						expect(response.json()).toEqual({
							error: expect.stringMatching(/not access groups/),
							doors: reservation.doors,
						});
						expect(await usersOfSite()).toBe(usersBefore);
					},
					RUN_TIMEOUT,
				);
			});

			describe('reservation-access-grant-pin.json, activated', () => {
				const { id, webhookPath } = EXAMPLES.reservationGrant;
				const tomorrow = new Date(Math.ceil(Date.now() / DAY) * DAY);
				const reservation = {
					reservation_id: `res-${Date.now()}`,
					guest_name: 'Rita Renter',
					email: 'rita@example.com',
					check_in: new Date(tomorrow.getTime() + 15 * 60 * MINUTE).toISOString(),
					check_out: new Date(tomorrow.getTime() + 2 * DAY + 11 * 60 * MINUTE).toISOString(),
				};
				type Answer = {
					reservation_id: string;
					guest: string;
					pin_codes: Array<{ code: string; doors: string[] }>;
					valid_from: string;
					valid_until: string;
					access_grant_id: string;
				};

				beforeAll(async () => {
					await n8n.activate(id);
				}, RUN_TIMEOUT);

				test(
					'the guest gets PINs for every door of the unit, valid for the stay; the same reservation again gets the same grant',
					async () => {
						const first = await n8n.callWebhook(webhookPath, { body: reservation });
						expect(first.status).toBe(200);
						const answer = first.json<Answer>();
						expect(answer).toMatchObject({
							reservation_id: reservation.reservation_id,
							guest: 'Rita Renter',
						});
						expect(Date.parse(answer.valid_from)).toBe(Date.parse(reservation.check_in));
						expect(Date.parse(answer.valid_until)).toBe(Date.parse(reservation.check_out));
						expect(answer.pin_codes.length).toBeGreaterThan(0);
						for (const pin of answer.pin_codes) expect(pin.code).toMatch(/^\d{4,9}$/);
						expect(sorted(answer.pin_codes.flatMap((pin) => pin.doors))).toEqual(
							sorted(['Front Door Lock', 'Back Door Lock', 'Room 101']),
						);

						const again = (
							await n8n.callWebhook(webhookPath, { body: reservation })
						).json<Answer>();
						expect(again.access_grant_id).toBe(answer.access_grant_id);
						expect(sorted(again.pin_codes.map((pin) => pin.code))).toEqual(
							sorted(answer.pin_codes.map((pin) => pin.code)),
						);

						const later = new Date(Date.parse(reservation.check_out) + DAY).toISOString();
						const extended = await n8n.callWebhook(webhookPath, {
							body: { ...reservation, check_out: later },
						});
						expect(extended.json<Answer>()).toMatchObject({
							access_grant_id: answer.access_grant_id,
						});
						expect(Date.parse(extended.json<Answer>().valid_until)).toBe(Date.parse(later));
						const { access_grants } = await seamPost<{ access_grants: Json[] }>(
							sandbox.url,
							apiKey(),
							'/access_grants/list',
							{ access_grant_key: reservation.reservation_id },
						);
						expect(access_grants).toHaveLength(1);
					},
					RUN_TIMEOUT,
				);
			});

			mcp.describeMcpServer();

			stays.describeStayTemplates();

			staySync.describeSyncTemplates();

			lockApi.describeLockApiTemplates();
		});

		test('n8n printed no warning about the package, and never the API key or the SMTP password', () => {
			const output = home.allOutput();
			expect(output).toContain('n8n start'); // the running instance's output is included
			expect(packageWarnings(output)).toEqual([]);
			expect(output).not.toContain(apiKey());
			for (const secret of [...stays.secrets(), ...mcp.secrets(), ...lockApi.secrets()])
				expect(output).not.toContain(secret);
		});

		test('every request the workflows made was a valid Seam API call', () => {
			expect(sandbox.contractViolations).toEqual([]);
			expect(stays.contractViolations()).toEqual([]);
		});
	});
}
