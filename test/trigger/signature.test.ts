/**
 * Every delivery is verified before anything runs. Each case is a request a real sender could
 * make; the verdict expected of the Seam Trigger is also checked against the `svix` package and
 * Seam's `@seamapi/webhook`, so the node agrees with the libraries Seam itself signs and verifies
 * with. Deliveries go over HTTP to webhook() in n8n-core's WebhookContext; accepted ones start a
 * workflow run in n8n-core's engine, refused ones get a 401 and start nothing.
 */
import { randomUUID } from 'node:crypto';

import { captureLogs } from '../helpers/captureLogs';
import { TriggerUnderTest, WEBHOOK_TRIGGER_TYPE } from './helpers/n8nHarness';
import { loadReferences, newSecret, type References } from './helpers/svixReference';
import { WebhookEndpoint } from './helpers/webhookEndpoint';

const SECRET = newSecret();
const OTHER_SECRET = newSecret();
const FIVE_MINUTES = 300;

let references: References;
let trigger: TriggerUnderTest;
let endpoint: WebhookEndpoint;

/** A Seam event as Seam's webhooks send it: compact JSON, Seam's key order. */
function eventBody(eventType = 'lock.unlocked', extra: Record<string, unknown> = {}): string {
	return JSON.stringify({
		event_id: randomUUID(),
		event_type: eventType,
		workspace_id: randomUUID(),
		created_at: new Date().toISOString(),
		occurred_at: new Date().toISOString(),
		device_id: '66666666-6666-4666-8666-000000000001',
		connected_account_id: randomUUID(),
		method: 'keycode',
		code: '1234',
		...extra,
	});
}

function signed(body: string, options: { secret?: string; at?: Date; id?: string } = {}) {
	const id = options.id ?? `msg_${randomUUID().replace(/-/g, '')}`;
	const at = options.at ?? new Date();
	return {
		'svix-id': id,
		'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
		'svix-signature': references.sign(options.secret ?? SECRET, id, at, body),
	};
}

const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000);

async function post(body: string, headers: Record<string, string>) {
	const response = await fetch(endpoint.productionUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});
	await endpoint.settled();
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
	references = await loadReferences();
});

beforeEach(async () => {
	trigger = new TriggerUnderTest({
		type: WEBHOOK_TRIGGER_TYPE,
		parameters: { events: ['*'] },
		credentials: { apiKey: 'seam_test_unused', apiUrl: 'http://127.0.0.1:9' },
	});
	endpoint = await WebhookEndpoint.start(trigger);
	// What create() stores on activation (webhookLifecycle.test.ts covers create() itself).
	trigger.savedStaticData = {
		[`node:${trigger.node.name}`]: {
			seamWebhook: { webhookId: randomUUID(), secret: SECRET, url: endpoint.productionUrl },
		},
	};
});

afterEach(async () => {
	await endpoint.close();
});

interface Case {
	name: string;
	request: () => { body: string; headers: Record<string, string> };
	accepted: boolean;
	/** The reason the node gives when it refuses. */
	reason?: string;
}

const cases: Case[] = [
	{
		name: 'valid: signed now with the webhook secret',
		request: () => {
			const body = eventBody();
			return { body, headers: signed(body) };
		},
		accepted: true,
	},
	{
		name: 'tampered body: one character changed after signing',
		request: () => {
			const body = eventBody();
			return { body: body.replace('"1234"', '"1235"'), headers: signed(body) };
		},
		accepted: false,
		reason: 'signature_mismatch',
	},
	{
		name: 're-serialised JSON: same data, other spacing',
		request: () => {
			const body = eventBody();
			return { body: JSON.stringify(JSON.parse(body), null, 2), headers: signed(body) };
		},
		accepted: false,
		reason: 'signature_mismatch',
	},
	{
		name: 're-serialised JSON: same data, other key order',
		request: () => {
			const body = eventBody();
			const parsed = JSON.parse(body) as Record<string, unknown>;
			const reordered = JSON.stringify(Object.fromEntries(Object.entries(parsed).reverse()));
			return { body: reordered, headers: signed(body) };
		},
		accepted: false,
		reason: 'signature_mismatch',
	},
	{
		name: 'wrong secret',
		request: () => {
			const body = eventBody();
			return { body, headers: signed(body, { secret: OTHER_SECRET }) };
		},
		accepted: false,
		reason: 'signature_mismatch',
	},
	{
		name: 'rotated secrets: old then current signature',
		request: () => {
			const body = eventBody();
			const current = signed(body);
			const old = signed(body, {
				secret: OTHER_SECRET,
				id: current['svix-id'],
				at: secondsFromNow(0),
			});
			return {
				body,
				headers: {
					...current,
					'svix-signature': `${old['svix-signature']} ${current['svix-signature']}`,
				},
			};
		},
		accepted: true,
	},
	{
		name: 'rotated secrets: current then old signature',
		request: () => {
			const body = eventBody();
			const current = signed(body);
			const old = signed(body, { secret: OTHER_SECRET, id: current['svix-id'] });
			return {
				body,
				headers: {
					...current,
					'svix-signature': `${current['svix-signature']} ${old['svix-signature']}`,
				},
			};
		},
		accepted: true,
	},
	{
		name: 'several signatures, none with this secret',
		request: () => {
			const body = eventBody();
			const current = signed(body, { secret: OTHER_SECRET });
			const another = signed(body, { secret: newSecret(), id: current['svix-id'] });
			return {
				body,
				headers: {
					...current,
					'svix-signature': `${current['svix-signature']} ${another['svix-signature']}`,
				},
			};
		},
		accepted: false,
		reason: 'signature_mismatch',
	},
	{
		name: 'an unknown signature version next to a valid v1',
		request: () => {
			const body = eventBody();
			const headers = signed(body);
			return {
				body,
				headers: { ...headers, 'svix-signature': `v2,AAAA ${headers['svix-signature']}` },
			};
		},
		accepted: true,
	},
	{
		name: 'the valid signature under another version label',
		request: () => {
			const body = eventBody();
			const headers = signed(body);
			return {
				body,
				headers: {
					...headers,
					'svix-signature': headers['svix-signature'].replace(/^v1,/, 'v1a,'),
				},
			};
		},
		accepted: false,
		reason: 'signature_mismatch',
	},
	{
		name: 'signature of another message id (replayed under a new id)',
		request: () => {
			const body = eventBody();
			const headers = signed(body);
			return { body, headers: { ...headers, 'svix-id': 'msg_someothermessage' } };
		},
		accepted: false,
		reason: 'signature_mismatch',
	},
	...(['svix-id', 'svix-timestamp', 'svix-signature'] as const).map((missing) => ({
		name: `missing header: ${missing}`,
		request: () => {
			const body = eventBody();
			const { [missing]: _dropped, ...headers } = signed(body);
			return { body, headers };
		},
		accepted: false,
		reason: 'missing_headers',
	})),
	{
		name: 'no signature headers at all',
		request: () => ({ body: eventBody(), headers: {} }),
		accepted: false,
		reason: 'missing_headers',
	},
	{
		name: 'stale: signed 6 minutes ago',
		request: () => {
			const body = eventBody();
			return { body, headers: signed(body, { at: secondsFromNow(-FIVE_MINUTES - 60) }) };
		},
		accepted: false,
		reason: 'stale_timestamp',
	},
	{
		name: 'still fresh: signed 4 minutes ago',
		request: () => {
			const body = eventBody();
			return { body, headers: signed(body, { at: secondsFromNow(-FIVE_MINUTES + 60) }) };
		},
		accepted: true,
	},
	{
		name: 'future: signed 6 minutes ahead',
		request: () => {
			const body = eventBody();
			return { body, headers: signed(body, { at: secondsFromNow(FIVE_MINUTES + 60) }) };
		},
		accepted: false,
		reason: 'future_timestamp',
	},
	{
		name: 'slightly ahead (clock skew): signed 4 minutes ahead',
		request: () => {
			const body = eventBody();
			return { body, headers: signed(body, { at: secondsFromNow(FIVE_MINUTES - 60) }) };
		},
		accepted: true,
	},
	{
		name: 'timestamp that is not a number',
		request: () => {
			const body = eventBody();
			return { body, headers: { ...signed(body), 'svix-timestamp': 'yesterday' } };
		},
		accepted: false,
		reason: 'invalid_timestamp',
	},
	{
		name: 'header names in another case',
		request: () => {
			const body = eventBody();
			const headers = signed(body);
			return {
				body,
				headers: {
					'Svix-Id': headers['svix-id'],
					'SVIX-TIMESTAMP': headers['svix-timestamp'],
					'Svix-Signature': headers['svix-signature'],
				},
			};
		},
		accepted: true,
	},
];

describe('signature matrix: the node agrees with svix and @seamapi/webhook', () => {
	test.each(cases)('$name', async ({ request, accepted, reason }) => {
		const { body, headers } = request();
		// The libraries' own verdicts (they expect lower-case header names).
		const lowerCase = Object.fromEntries(
			Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
		);
		expect(references.svixAccepts(SECRET, body, lowerCase)).toBe(accepted);
		expect(references.seamWebhookAccepts(SECRET, body, lowerCase)).toBe(accepted);

		const answer = await post(body, headers);
		if (accepted) {
			expect(answer).toEqual({ status: 200, body: { message: 'Workflow was started' } });
			expect(endpoint.executions).toHaveLength(1);
			expect(endpoint.executions[0]).toEqual([JSON.parse(body)]);
		} else {
			expect(answer).toEqual({ status: 401, body: { error: 'invalid_signature', reason } });
			expect(endpoint.executions).toHaveLength(0);
		}
		expect(endpoint.errors).toEqual([]);
	});
});

describe('header and body shapes a socket cannot carry', () => {
	function endpointless() {
		return WebhookEndpoint.offline(trigger);
	}

	test('signature header as an array (sent twice): any entry may match', async () => {
		const body = eventBody();
		const headers = signed(body);
		const wrong = signed(body, { secret: OTHER_SECRET, id: headers['svix-id'] })['svix-signature'];
		const direct = endpointless();
		const answer = await direct.invoke({
			headers: { ...headers, 'svix-signature': [wrong, headers['svix-signature']] },
			rawBody: Buffer.from(body),
		});
		await direct.settled();
		expect(answer.status).toBe(200);
		expect(direct.executions).toEqual([[JSON.parse(body)]]);
		// What the array stands for, as one header: the references agree.
		const joined = { ...headers, 'svix-signature': `${wrong} ${headers['svix-signature']}` };
		expect(references.svixAccepts(SECRET, body, joined)).toBe(true);
		expect(references.seamWebhookAccepts(SECRET, body, joined)).toBe(true);
	});

	test('signature header as an array of wrong signatures only: refused', async () => {
		const body = eventBody();
		const headers = signed(body);
		const wrong = signed(body, { secret: OTHER_SECRET, id: headers['svix-id'] })['svix-signature'];
		const direct = endpointless();
		const answer = await direct.invoke({
			headers: { ...headers, 'svix-signature': [wrong, 'v1,AAAA'] },
			rawBody: Buffer.from(body),
		});
		expect(answer).toEqual({
			status: 401,
			body: { error: 'invalid_signature', reason: 'signature_mismatch' },
		});
		expect(direct.executions).toEqual([]);
	});

	test('svix-id and svix-timestamp repeated with the same value: accepted', async () => {
		const body = eventBody();
		const headers = signed(body);
		const direct = endpointless();
		const answer = await direct.invoke({
			headers: {
				'svix-id': [headers['svix-id'], headers['svix-id']],
				'svix-timestamp': [headers['svix-timestamp'], headers['svix-timestamp']],
				'svix-signature': [headers['svix-signature']],
			},
			rawBody: Buffer.from(body),
		});
		await direct.settled();
		expect(answer.status).toBe(200);
		expect(direct.executions).toHaveLength(1);
	});

	test.each(['svix-id', 'svix-timestamp'] as const)(
		'%s repeated with different values: refused as ambiguous, even if one copy is right',
		async (name) => {
			const body = eventBody();
			const headers = signed(body);
			const other =
				name === 'svix-id' ? 'msg_other' : String(Number(headers['svix-timestamp']) - 1);
			const direct = endpointless();
			const answer = await direct.invoke({
				headers: { ...headers, [name]: [headers[name], other] },
				rawBody: Buffer.from(body),
			});
			expect(answer).toEqual({
				status: 401,
				body: { error: 'invalid_signature', reason: 'ambiguous_headers' },
			});
			expect(direct.executions).toEqual([]);
		},
	);

	test('no raw body (n8n did not read one): refused', async () => {
		const body = eventBody();
		const direct = endpointless();
		const answer = await direct.invoke({ headers: signed(body), rawBody: undefined });
		expect(answer).toEqual({
			status: 401,
			body: { error: 'invalid_signature', reason: 'missing_body' },
		});
		expect(direct.executions).toEqual([]);
	});
});

describe('after verification', () => {
	test('a node with no registered webhook (no secret) refuses everything', async () => {
		trigger.savedStaticData = {};
		const body = eventBody();
		const answer = await post(body, signed(body));
		expect(answer).toEqual({
			status: 401,
			body: { error: 'invalid_signature', reason: 'not_registered' },
		});
		expect(endpoint.executions).toEqual([]);
	});

	test('a signed body that is not a Seam event: acknowledged (retrying cannot fix it), nothing runs', async () => {
		const body = JSON.stringify({ hello: 'world' });
		const headers = signed(body);
		expect(references.svixAccepts(SECRET, body, headers)).toBe(true);
		// SeamWebhook throws SeamInvalidWebhookPayloadError here: authentic, but not an event.
		expect(references.seamWebhookAccepts(SECRET, body, headers)).toBe(false);
		const answer = await post(body, headers);
		expect(answer).toEqual({ status: 200, body: { received: true, ignored: 'not_a_seam_event' } });
		expect(endpoint.executions).toEqual([]);
	});

	test('an event type not chosen in the node: acknowledged, nothing runs', async () => {
		trigger.setParameters({ events: ['access_method.issued'] });
		const body = eventBody('lock.unlocked');
		const answer = await post(body, signed(body));
		expect(answer).toEqual({ status: 200, body: { received: true, ignored: 'not_selected' } });
		expect(endpoint.executions).toEqual([]);

		const issued = eventBody('access_method.issued', {
			access_method_id: randomUUID(),
			code: '4821',
		});
		expect((await post(issued, signed(issued))).status).toBe(200);
		expect(endpoint.executions).toHaveLength(1);
		expect(endpoint.executions[0][0]).toMatchObject({
			event_type: 'access_method.issued',
			code: '4821',
		});
	});

	test('a group wildcard takes every event of the group', async () => {
		trigger.setParameters({ events: ['lock.*'] });
		for (const type of ['lock.unlocked', 'lock.access_denied', 'device.disconnected']) {
			const body = eventBody(type);
			await post(body, signed(body));
		}
		expect(endpoint.executions.map((run) => run[0].event_type)).toEqual([
			'lock.unlocked',
			'lock.access_denied',
		]);
	});

	test('device and access-system filters: an event about either passes', async () => {
		const frontDoor = '66666666-6666-4666-8666-000000000001';
		const backDoor = '66666666-6666-4666-8666-000000000002';
		const system = randomUUID();
		trigger.setParameters({
			events: ['*'],
			filters: { deviceIds: [frontDoor], acsSystemIds: [system] },
		});
		const bodies = [
			eventBody('lock.unlocked', { device_id: frontDoor }),
			eventBody('lock.unlocked', { device_id: backDoor }),
			eventBody('acs_user.created', { device_id: undefined, acs_system_id: system }),
		];
		for (const body of bodies) expect((await post(body, signed(body))).status).toBe(200);
		expect(endpoint.executions.map((run) => run[0].event_id)).toEqual([
			JSON.parse(bodies[0]).event_id,
			JSON.parse(bodies[2]).event_id,
		]);
	});

	test('output: the event as sent, event_type and IDs first', async () => {
		const body = JSON.stringify({
			workspace_id: 'w',
			created_at: '2025-01-01T00:00:00.000Z',
			code: '1234',
			event_id: 'e',
			device_id: 'd',
			event_type: 'lock.unlocked',
			access_grant_ids: ['g'],
		});
		await post(body, signed(body));
		expect(Object.keys(endpoint.executions[0][0])).toEqual([
			'event_type',
			'event_id',
			'workspace_id',
			'device_id',
			'access_grant_ids',
			'created_at',
			'code',
		]);
		expect(endpoint.executions[0][0]).toEqual(JSON.parse(body));
	});

	test('the secret appears in no answer, output or log line', async () => {
		const logs = captureLogs();
		try {
			const body = eventBody();
			await post(body, signed(body));
			await post(body, signed(body, { secret: OTHER_SECRET }));
			await post(body, {});
		} finally {
			await logs.restore();
		}
		const everything = JSON.stringify([endpoint.answers, endpoint.executions, logs.text()]);
		expect(everything).not.toContain(SECRET);
		expect(everything).not.toContain(SECRET.slice('whsec_'.length));
	});
});
