import { randomBytes } from 'node:crypto';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { DateTime } from 'luxon';

import type { Sandbox } from '../sandbox';
import { EXAMPLES, loadExample, mcpBearerCredential } from '../harness/examples';
import type { N8nHome } from '../harness/n8nHome';
import type { N8nInstance } from '../harness/n8nInstance';
import type { Json } from '../harness/runData';
import { seamPost } from './seamQueries';

// The Seam node as an AI agent's tools, in a real n8n: examples/ai-agent-mcp-stays.json puts
// three Seam tool nodes (n8n-nodes-seam.seamTool: Stay → Grant or Update Access, Get Stay, End
// Stay, their fields filled by $fromAI) behind n8n's own MCP Server Trigger, and the official MCP
// TypeScript client plays the agent: it lists the tools and calls them with the arguments a model
// would send, no model needed. Seam's state is read from the sandbox after every call. Part of
// the end-to-end suite (suite.ts), so it runs in n8n 2.x and 1.x; both ship the MCP Server Trigger
// (its version 2: Streamable HTTP and SSE on one URL) and turn a community node that declares
// usableAsTool into a tool node with no setting (N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE is gone).

const MINUTE = 60_000;
const RUN_TIMEOUT = 5 * MINUTE;
/** The property's time zone, as the example fixes it in each Seam tool. */
const PROPERTY_ZONE = 'America/New_York';
const TOOLS = {
	grant: 'Grant_or_update_a_stay',
	get: 'Get_a_stay',
	end: 'End_a_stay',
} as const;
const GRANT_ARGUMENTS = [
	'reservation_id',
	'guest_name',
	'guest_email',
	'unit_key',
	'check_in',
	'check_out',
];

/** One Stay item, as the tools answer (a JSON list of the node's output items). */
interface StayAnswer {
	status: string;
	reservation_id: string;
	guest?: { name: string | null; email: string | null };
	pin?: string | null;
	pin_status?: string;
	pins?: Array<{ code: string | null; doors: string[] }>;
	doors?: string[];
	valid_from?: string;
	valid_until?: string;
	access_grant_id?: string;
	access_grant_ids?: string[];
	message?: string;
}

interface SeamGrant {
	access_grant_id: string;
	starts_at: string;
	ends_at: string;
	space_ids: string[];
	reservation_key?: string;
}

interface ToolResult {
	isError: boolean;
	text: string;
}

export interface McpWorld {
	sandbox: () => Sandbox;
	home: () => N8nHome;
	n8n: () => N8nInstance;
	/** The n8n release under test: the MCP Server Trigger's Instructions field is 2.x only. */
	n8nVersion: string;
}

/** A stay `days` from now, `nights` long, as a model writes it: local times without an offset. */
function booking(days: number, nights: number): { check_in: string; check_out: string } {
	const day = DateTime.now().setZone(PROPERTY_ZONE).startOf('day').plus({ days });
	return {
		check_in: day.set({ hour: 15 }).toFormat("yyyy-MM-dd'T'HH:mm"),
		check_out: day.plus({ days: nights }).set({ hour: 11 }).toFormat("yyyy-MM-dd'T'HH:mm"),
	};
}

/** The instant a local time at the property means. */
const atProperty = (local: string) =>
	DateTime.fromISO(local, { zone: PROPERTY_ZONE }).toUTC().toMillis();

/** Seam's reads, which change nothing: what a repeated booking may ask, and nothing more. */
const READ = /\/(get|list|get_related)$/;

/**
 * The MCP part of the suite: `setUp` in the suite's beforeAll (the trigger's Bearer Auth
 * credential, imported with n8n's CLI before n8n starts; the example itself comes with the
 * examples folder), `describeMcpServer` in the running n8n.
 */
export function mcpFixtures(world: McpWorld) {
	const token = `mcp-${randomBytes(18).toString('hex')}`;
	const { id: workflowId, mcpPath, file } = EXAMPLES.aiAgentMcp;
	/** Every answer of a tool call, for the checks on executions and secrets. */
	const answers: ToolResult[] = [];

	async function setUp(): Promise<void> {
		await world.home().importCredentials([mcpBearerCredential(token)]);
	}

	function describeMcpServer(): void {
		describe(`${file}, activated: the Seam node as tools behind n8n's MCP Server Trigger`, () => {
			const n8n = () => world.n8n();
			const sandbox = () => world.sandbox();
			const url = () => new URL(n8n().mcpUrl(mcpPath));
			const authorization = { Authorization: `Bearer ${token}` };
			let client: Client;
			let streamable: StreamableHTTPClientTransport;
			let unauthenticated: { status: number; text: string };

			/** An MCP initialize request as any client opens a session, here without the token. */
			const initializeWithoutToken = async () => {
				const response = await fetch(url(), {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						accept: 'application/json, text/event-stream',
					},
					body: JSON.stringify({
						jsonrpc: '2.0',
						id: 1,
						method: 'initialize',
						params: {
							protocolVersion: '2025-03-26',
							capabilities: {},
							clientInfo: { name: 'no-token', version: '1.0.0' },
						},
					}),
					signal: AbortSignal.timeout(30_000),
				});
				return { status: response.status, text: await response.text() };
			};

			async function call(name: string, args: Json): Promise<ToolResult> {
				const result = await client.callTool({ name, arguments: args });
				const content = result.content as Array<{ type: string; text?: string }>;
				expect(content.map((part) => part.type)).toEqual(['text']);
				const answer = { isError: result.isError === true, text: String(content[0].text) };
				answers.push(answer);
				return answer;
			}

			/** A tool call that succeeded: its one Stay item. */
			async function stay(name: string, args: Json): Promise<StayAnswer> {
				const result = await call(name, args);
				if (result.isError) throw new Error(`${name} answered an error: ${result.text}`);
				const items = JSON.parse(result.text) as StayAnswer[];
				expect(items).toHaveLength(1);
				return items[0];
			}

			async function grantsOf(reservationKey: string): Promise<SeamGrant[]> {
				const { access_grants } = await seamPost<{ access_grants: SeamGrant[] }>(
					sandbox().url,
					sandbox().apiKey,
					'/access_grants/list',
					{ reservation_key: reservationKey },
				);
				return access_grants;
			}

			async function spaceIdOf(spaceKey: string): Promise<string> {
				const { spaces } = await seamPost<{ spaces: Array<{ space_id: string }> }>(
					sandbox().url,
					sandbox().apiKey,
					'/spaces/list',
					{ space_key: spaceKey },
				);
				expect(spaces).toHaveLength(1);
				return spaces[0].space_id;
			}

			/** The codes of a grant's PINs as Seam has them. */
			async function codesOf(accessGrantId: string): Promise<string[]> {
				const { access_methods } = await seamPost<{
					access_methods: Array<{ mode: string; code?: string | null }>;
				}>(sandbox().url, sandbox().apiKey, '/access_methods/list', {
					access_grant_id: accessGrantId,
				});
				return access_methods
					.filter((method) => method.mode === 'code')
					.map((method) => String(method.code))
					.sort();
			}

			beforeAll(async () => {
				await n8n().activate(workflowId);
				// n8n 2.x registers an activated workflow's webhooks after answering: until then the
				// path answers 404 "not registered". The first other answer is the trigger's own.
				const deadline = Date.now() + 30_000;
				do {
					unauthenticated = await initializeWithoutToken();
					if (!(unauthenticated.status === 404 && /not registered/.test(unauthenticated.text)))
						break;
					await new Promise((resolve) => setTimeout(resolve, 250));
				} while (Date.now() < deadline);

				client = new Client({ name: 'n8n-nodes-seam e2e', version: '1.0.0' });
				streamable = new StreamableHTTPClientTransport(url(), {
					requestInit: { headers: authorization },
				});
				await client.connect(streamable);
			}, RUN_TIMEOUT);

			afterAll(async () => {
				await streamable?.terminateSession().catch(() => undefined);
				await client?.close();
			});

			test('without the Bearer token the endpoint refuses the client (403) and shows it nothing', () => {
				expect(unauthenticated.status).toBe(403);
				expect(unauthenticated.text).not.toMatch(/Grant_or_update|tools|Seam/);
			});

			test(
				'an MCP client lists the three Stay tools, each saying what it does, what it needs and what it returns',
				async () => {
					const { tools } = await client.listTools();
					const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
					expect(Object.keys(byName).sort()).toEqual(Object.values(TOOLS).sort());

					const grant = byName[TOOLS.grant];
					expect(grant.description).toMatch(/door PIN/);
					expect(grant.description).toMatch(/safe to call again/i);
					expect(grant.description).toMatch(/created, updated, moved or unchanged/);
					for (const argument of GRANT_ARGUMENTS) expect(grant.description).toContain(argument);
					expect(grant.description).toContain(PROPERTY_ZONE);
					expect(grant.inputSchema.required?.slice().sort()).toEqual([...GRANT_ARGUMENTS].sort());

					const get = byName[TOOLS.get];
					expect(get.description).toMatch(/without changing anything/);
					expect(get.description).toMatch(/PIN/);
					expect(get.inputSchema.required).toEqual(['reservation_id']);

					const end = byName[TOOLS.end];
					expect(end.description).toMatch(/stops working/);
					expect(end.description).toMatch(/cancellation or an early check-out/);
					expect(end.inputSchema.required).toEqual(['reservation_id']);

					// Every argument says what the model must put in it, with an example.
					for (const tool of tools) {
						const properties = tool.inputSchema.properties as Record<
							string,
							{ type: string; description?: string }
						>;
						for (const [name, property] of Object.entries(properties)) {
							expect({ name, type: property.type }).toEqual({ name, type: 'string' });
							expect(property.description).toMatch(/e\.g\. \S+/);
						}
					}
					expect(
						(grant.inputSchema.properties as Record<string, { description: string }>).check_in
							.description,
					).toContain(PROPERTY_ZONE);

					// The trigger's Instructions (n8n 2.x; 1.x's trigger has no such field).
					const instructions = client.getInstructions();
					if (world.n8nVersion.startsWith('1.')) expect(instructions).toBeUndefined();
					else {
						const trigger = loadExample(file).nodes.find(
							(node) => node.type === '@n8n/n8n-nodes-langchain.mcpTrigger',
						);
						expect(instructions).toBe((trigger?.parameters as Json).instructions);
						for (const tool of Object.values(TOOLS)) expect(instructions).toContain(tool);
					}
				},
				RUN_TIMEOUT,
			);

			describe('a stay, granted, read, granted again and ended by tool calls', () => {
				const reservationId = `mcp-${Date.now()}`;
				const guest = {
					guest_name: 'Maya Model',
					guest_email: `maya-${Date.now()}@example.com`,
				};
				const dates = booking(2, 3);
				const request = {
					reservation_id: reservationId,
					...guest,
					unit_key: 'unit-101',
					...dates,
				};
				let created: StayAnswer;

				test(
					"Grant: a new booking gets a PIN (status created); Seam has one grant with the reservation key, on the unit, for the stay's local times",
					async () => {
						created = await stay(TOOLS.grant, request);
						expect(created).toMatchObject({
							status: 'created',
							reservation_id: reservationId,
							guest: { name: guest.guest_name, email: guest.guest_email },
							pin: expect.stringMatching(/^\d{4,9}$/),
							pin_status: 'issued',
						});
						expect(created.message).toContain(String(created.pin));
						expect(created.doors?.slice().sort()).toEqual(
							['Back Door Lock', 'Front Door Lock', 'Room 101'].sort(),
						);

						const grants = await grantsOf(reservationId);
						expect(grants).toHaveLength(1);
						const [grant] = grants;
						expect(grant).toMatchObject({
							access_grant_id: created.access_grant_id,
							reservation_key: reservationId,
							space_ids: [await spaceIdOf('unit-101')],
						});
						// "15:00" without an offset is 15:00 at the property, as the tool says.
						expect(Date.parse(grant.starts_at)).toBe(atProperty(dates.check_in));
						expect(Date.parse(grant.ends_at)).toBe(atProperty(dates.check_out));
						expect([created.valid_from, created.valid_until]).toEqual([
							grant.starts_at,
							grant.ends_at,
						]);
						const codes = await codesOf(grant.access_grant_id);
						expect(codes).toContain(created.pin);
						expect(created.pins?.map((pin) => String(pin.code)).sort()).toEqual(codes);
					},
					RUN_TIMEOUT,
				);

				test(
					'Get: the same stay, the same PIN, read from Seam',
					async () => {
						const found = await stay(TOOLS.get, { reservation_id: reservationId });
						expect(found).toMatchObject({
							status: 'found',
							reservation_id: reservationId,
							pin: created.pin,
							pin_status: 'issued',
							access_grant_id: created.access_grant_id,
							valid_from: created.valid_from,
							valid_until: created.valid_until,
						});
						expect(found.pins).toEqual(created.pins);
					},
					RUN_TIMEOUT,
				);

				test(
					'Grant again with the same booking (a model repeating itself): unchanged, the same PIN, one grant, no write to Seam',
					async () => {
						const from = sandbox().requests.length;
						const again = await stay(TOOLS.grant, request);
						expect(again).toMatchObject({
							status: 'unchanged',
							pin: created.pin,
							access_grant_id: created.access_grant_id,
						});
						const writes = sandbox()
							.requests.slice(from)
							.filter((seen) => !READ.test(seen.path))
							.map((seen) => seen.path);
						expect(writes).toEqual([]);
						expect(await grantsOf(reservationId)).toHaveLength(1);
					},
					RUN_TIMEOUT,
				);

				test(
					'a booking the node cannot do (check-out before check-in) comes back as a tool error the model can act on, and nothing is created',
					async () => {
						const wrongWay = `${reservationId}-bad`;
						const from = sandbox().requests.length;
						const result = await call(TOOLS.grant, {
							...request,
							reservation_id: wrongWay,
							check_in: dates.check_out,
							check_out: dates.check_in,
						});
						expect(result.isError).toBe(true);
						expect(result.text).toContain('Check-Out must be after Check-In');
						expect(sandbox().requests.slice(from)).toEqual([]);
						expect(await grantsOf(wrongWay)).toEqual([]);
					},
					RUN_TIMEOUT,
				);

				test(
					'End: the PINs stop working (revoked, no grant left in Seam); Get then answers not_found',
					async () => {
						const ended = await stay(TOOLS.end, { reservation_id: reservationId });
						expect(ended).toEqual({
							status: 'revoked',
							reservation_id: reservationId,
							access_grant_ids: [created.access_grant_id],
						});
						expect(await grantsOf(reservationId)).toEqual([]);
						expect(await stay(TOOLS.get, { reservation_id: reservationId })).toEqual({
							status: 'not_found',
							reservation_id: reservationId,
						});
					},
					RUN_TIMEOUT,
				);
			});

			test(
				'an SSE client (the older MCP transport, same URL) gets the same tools',
				async () => {
					const sseClient = new Client({ name: 'n8n-nodes-seam e2e (SSE)', version: '1.0.0' });
					await sseClient.connect(
						// Its headers go with the event stream's GET and with every POST.
						new SSEClientTransport(url(), { requestInit: { headers: authorization } }),
					);
					try {
						const { tools } = await sseClient.listTools();
						expect(tools.map((tool) => tool.name).sort()).toEqual(Object.values(TOOLS).sort());
					} finally {
						await sseClient.close();
					}
				},
				RUN_TIMEOUT,
			);

			test(
				'the tool calls ran as executions of the workflow (on 1.x the successful ones); no answer and no saved execution holds the API key or the token',
				async () => {
					expect(answers.length).toBeGreaterThanOrEqual(6);
					for (const { text } of answers) {
						expect(text).not.toContain(sandbox().apiKey);
						expect(text).not.toContain(token);
					}
					// n8n 1.x's MCP Server Trigger ends a tool call's request, and so starts its
					// execution, only when the tool succeeded: a failed call answers the client but
					// leaves no execution. n8n 2.x records every call.
					const recorded = world.n8nVersion.startsWith('1.')
						? answers.filter((answer) => !answer.isError).length
						: answers.length;
					// n8n saves a tool call's execution after answering the client.
					const deadline = Date.now() + 30_000;
					let executions = await n8n().executions(workflowId);
					while (executions.length < recorded && Date.now() < deadline) {
						await new Promise((resolve) => setTimeout(resolve, 500));
						executions = await n8n().executions(workflowId);
					}
					expect(executions).toHaveLength(recorded);
					for (const { id } of executions) {
						const saved = JSON.stringify(await n8n().execution(id));
						expect(saved).not.toContain(sandbox().apiKey);
						expect(saved).not.toContain(token);
					}
				},
				RUN_TIMEOUT,
			);
		});
	}

	return {
		setUp,
		describeMcpServer,
		/** What must never be printed: the token MCP clients authenticate with. */
		secrets: () => [token],
	};
}
