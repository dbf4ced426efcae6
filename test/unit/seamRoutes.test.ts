/**
 * The package builds Seam requests from its route table (seamRoutes.ts) and sends them through
 * n8n's HTTP helper; the real Seam SDK is the reference. For every route the nodes use, the same
 * call is made with both against a recording server, and the requests must be the same: method,
 * path, query string and JSON body, and for lists the request for the next page too.
 */
import type http from 'node:http';

import { SeamHttp } from '@seamapi/http';

import { SEAM_ROUTES, type SeamRoute } from '../../nodes/Seam/shared/transport/seamRoutes';
import { buildSeamClient } from '../../nodes/Seam/shared/transport/seamRequest';
import { sendViaN8n } from '../../nodes/Seam/shared/transport/sendViaN8n';
import { type FakeServer, startFakeServer } from '../helpers/fakeServers';
import { n8nHttpContext } from '../helpers/n8nHttpHelper';

const API_KEY = 'seam_test_RouteProbe_0a1b2c';
const ID = (n: number) => `${n}${n}${n}${n}${n}${n}${n}${n}-1111-4111-8111-111111111111`;

/**
 * One set of parameters for every route: every ID any route asks for (so the SDK's own checks of
 * required parameters pass), and every JSON type the nodes send (text, number, boolean, null,
 * list, nested objects, dates as text).
 */
const BODY_PARAMETERS = {
	access_code_id: ID(4),
	access_grant_id: ID(1),
	access_grant_key: 'booking-42',
	access_method_id: ID(2),
	action_attempt_id: ID(3),
	acs_access_group_id: ID(3),
	acs_credential_id: ID(4),
	acs_entrance_id: ID(5),
	acs_system_id: ID(6),
	acs_user_id: ID(7),
	device_id: ID(8),
	space_id: ID(9),
	user_identity_id: ID(1),
	webhook_id: ID(2),
	device_ids: [ID(8), ID(9)],
	space_ids: [ID(9), ID(1)],
	space_keys: ['unit-101', 'unit 102 & annex'],
	access_grant_ids: [ID(1)],
	include: ['spaces', 'devices', 'acs_entrances'],
	exclude: ['access_methods'],
	reservation_key: 'reservation-42',
	access_method_ids: [ID(2), ID(3)],
	acs_entrance_ids: [ID(5)],
	event_types: ['access_code.created', 'lock.unlocked'],
	access_method: 'code',
	requested_access_methods: [{ mode: 'code', code: '482916' }],
	access_schedule: { starts_at: '2026-12-01T15:00:00.000Z', ends_at: '2026-12-04T11:00:00.000Z' },
	starts_at: '2026-12-01T15:00:00.000Z',
	ends_at: '2026-12-04T11:00:00.000Z',
	full_name: 'Gina Guest',
	email_address: 'gina@example.com',
	phone_number: '+15555550100',
	url: 'https://n8n.example.com/webhook/seam',
	search: 'Gina & Co',
	limit: 25,
	is_multi_phone_sync_credential: false,
	code: null,
};

/** A query string carries no nested objects: the same set without them, for GET and DELETE. */
const {
	requested_access_methods: _methods,
	access_schedule: _schedule,
	...QUERY_PARAMETERS
} = BODY_PARAMETERS;
const parametersFor = (route: SeamRoute) =>
	route.carrier === 'query' ? QUERY_PARAMETERS : BODY_PARAMETERS;

interface Recorded {
	method?: string;
	path: string;
	query: string;
	body: unknown;
}

function answerFor(route: SeamRoute) {
	if (route.responseKey === undefined) return { ok: true };
	return {
		ok: true,
		[route.responseKey]: route.paginated ? [] : {},
		pagination: { has_next_page: true, next_page_cursor: 'cursor-2', next_page_url: null },
	};
}

async function recordingServer(route: SeamRoute): Promise<FakeServer & { seen: Recorded[] }> {
	const seen: Recorded[] = [];
	const server = await startFakeServer((req: http.IncomingMessage, res: http.ServerResponse) => {
		let text = '';
		req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
		req.on('end', () => {
			const [path, query = ''] = (req.url ?? '').split('?');
			seen.push({
				method: req.method,
				path,
				query,
				body: text === '' ? undefined : JSON.parse(text),
			});
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(answerFor(route)));
		});
	});
	return Object.assign(server, { seen });
}

type Call = (client: Record<string, unknown>) => Promise<unknown>;

function methodOf(client: Record<string, unknown>, name: string) {
	const names = name.split('.');
	let target = client;
	for (const part of names.slice(0, -1)) target = target[part] as Record<string, unknown>;
	const fn = target[names[names.length - 1]] as (parameters: unknown) => PromiseLike<unknown>;
	return (parameters: unknown) => fn.call(target, parameters);
}

async function recordBoth(
	name: string,
	route: SeamRoute,
	call: (method: ReturnType<typeof methodOf>, client: Record<string, unknown>) => Promise<unknown>,
) {
	const sdkServer = await recordingServer(route);
	const ourServer = await recordingServer(route);
	try {
		const sdk = SeamHttp.fromApiKey(API_KEY, {
			endpoint: sdkServer.url,
			axiosRetryOptions: { retries: 0 },
			// The package's lock and unlock answer with the action attempt and read it separately
			// (shared/locks/actionAttempt.ts); the SDK's own wait would add action_attempts/get calls.
			waitForActionAttempt: false,
		}) as unknown as Record<string, unknown>;
		const ours = buildSeamClient(
			sendViaN8n(n8nHttpContext(API_KEY), ourServer.url, {
				timeoutMs: 5_000,
				retries: 0,
				maxRetryAfterMs: 60_000,
			}),
		);
		await call(methodOf(sdk, name), sdk);
		await call(methodOf(ours, name), ours);
		return {
			sdk: sdkServer.seen,
			ours: ourServer.seen,
			ourAuth: ourServer.requests.map((r) => r.authorization),
		};
	} finally {
		await sdkServer.close();
		await ourServer.close();
	}
}

const routes = Object.entries(SEAM_ROUTES) as Array<[string, SeamRoute]>;

test('the route table covers every SDK method the nodes call', () => {
	expect(routes.length).toBeGreaterThan(30);
});

// The Stay resource reads a unit's doors and a stay's doors through these, so they are in the
// table whether or not a node names them yet (scripts/generate-seam-routes.ts ALWAYS_ROUTED).
test.each([
	['spaces.get', 'GET', '/spaces/get', 'space'],
	['spaces.getRelated', 'GET', '/spaces/get_related', 'batch'],
	['accessGrants.getRelated', 'GET', '/access_grants/get_related', 'batch'],
])('%s is routed as %s %s, answering %s', (name, method, path, responseKey) => {
	expect(SEAM_ROUTES[name as keyof typeof SEAM_ROUTES]).toEqual({
		method,
		path,
		carrier: 'query',
		responseKey,
		paginated: false,
	});
});

describe.each(routes)('seam.%s', (name, route) => {
	test('sends what the Seam SDK sends', async () => {
		const { sdk, ours, ourAuth } = await recordBoth(name, route, async (method) => {
			await method(parametersFor(route));
		});
		expect(sdk).toHaveLength(1);
		expect(ours).toEqual(sdk);
		expect(ours[0]).toMatchObject({ method: route.method, path: route.path });
		// n8n's helper added the key from the credential's authenticate block.
		expect(ourAuth).toEqual([`Bearer ${API_KEY}`]);
	});

	if (route.paginated) {
		test('asks for the next page as the Seam SDK does', async () => {
			const { sdk, ours } = await recordBoth(name, route, async (method, client) => {
				const paginator = (
					client.createPaginator as (r: unknown) => {
						firstPage(): Promise<[unknown, { nextPageCursor: string | null }]>;
						nextPage(cursor: string | null): Promise<unknown>;
					}
				)(method(parametersFor(route)));
				const [, pagination] = await paginator.firstPage();
				await paginator.nextPage(pagination.nextPageCursor);
			});
			expect(sdk).toHaveLength(2);
			expect(sdk[1].query + JSON.stringify(sdk[1].body ?? '')).toContain('cursor-2');
			expect(ours).toEqual(sdk);
		});
	}
});
