/**
 * Every delivery is verified before anything runs. Each case is a request a real sender could
 * make; the verdict expected of the Seam Trigger is also checked against the `svix` package and
 * Seam's `@seamapi/webhook`, so the node agrees with the libraries Seam itself signs and verifies
 * with. Deliveries go over HTTP to webhook() in n8n-core's WebhookContext; accepted ones start a
 * workflow run in n8n-core's engine, refused ones get a 401 that says nothing about why (the
 * reason goes to n8n's log) and start nothing.
 */
import { randomUUID } from 'node:crypto';

import { captureLogs } from '../helpers/captureLogs';
import { TriggerUnderTest, WEBHOOK_TRIGGER_TYPE } from './helpers/n8nHarness';
import { recordNodeLogs, type NodeLogs } from './helpers/nodeLogs';
import { postWithRepeatedHeader as postTwoLines } from './helpers/rawPost';
import { loadReferences, newSecret, type References } from './helpers/svixReference';
import { WebhookEndpoint } from './helpers/webhookEndpoint';

const SECRET = newSecret();
const OTHER_SECRET = newSecret();
const FIVE_MINUTES = 300;

let references: References;
let trigger: TriggerUnderTest;
let endpoint: WebhookEndpoint;
let logs: NodeLogs;

/** What every refused delivery gets, whatever the reason. */
const UNAUTHORIZED = { status: 401, body: { error: 'unauthorized' } };

/** The reasons the node logged for refusing, in order. */
const refusals = () =>
	logs
		.messages('warn')
		.map((message) => /^Seam Trigger refused a webhook delivery: (\w+)$/.exec(message)?.[1]);

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

/** An id or timestamp header sent a second time, with the same value or another one. */
const repeats = [
	['svix-id', 'the same value'],
	['svix-id', 'another value'],
	['svix-timestamp', 'the same value'],
	['svix-timestamp', 'another value'],
] as const;

function secondCopy(
	headers: ReturnType<typeof signed>,
	name: (typeof repeats)[number][0],
	copy: (typeof repeats)[number][1],
): string {
	if (copy === 'the same value') return headers[name];
	return name === 'svix-id' ? 'msg_other' : String(Number(headers['svix-timestamp']) - 1);
}

beforeAll(async () => {
	references = await loadReferences();
});

beforeEach(async () => {
	logs = recordNodeLogs();
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
	logs.restore();
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
			expect(answer).toEqual(UNAUTHORIZED);
			expect(refusals()).toEqual([reason]);
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
		expect(answer).toEqual(UNAUTHORIZED);
		expect(refusals()).toEqual(['signature_mismatch']);
		expect(direct.executions).toEqual([]);
	});

	test.each(repeats)(
		'%s as an array holding %s besides the signed one: refused, no copy is picked',
		async (name, copy) => {
			const body = eventBody();
			const headers = signed(body);
			const other = secondCopy(headers, name, copy);
			const direct = endpointless();
			const answer = await direct.invoke({
				headers: { ...headers, [name]: [headers[name], other] },
				rawBody: Buffer.from(body),
			});
			expect(answer).toEqual(UNAUTHORIZED);
			expect(refusals()).toEqual(['repeated_header']);
			expect(direct.executions).toEqual([]);
		},
	);

	test('no raw body (n8n did not read one): refused', async () => {
		const body = eventBody();
		const direct = endpointless();
		const answer = await direct.invoke({ headers: signed(body), rawBody: undefined });
		expect(answer).toEqual(UNAUTHORIZED);
		expect(refusals()).toEqual(['missing_body']);
		expect(direct.executions).toEqual([]);
	});
});

describe('a header sent twice over HTTP (Node.js joins the copies into "a, b")', () => {
	async function postWithRepeatedHeader(
		body: string,
		headers: Record<string, string>,
		name: string,
		values: [string, string],
	) {
		const answer = await postTwoLines(endpoint.productionUrl, body, headers, { name, values });
		await endpoint.settled();
		return { status: answer.status, body: JSON.parse(answer.text) as unknown };
	}

	test.each(repeats)('%s sent twice, the second copy %s: refused', async (name, copy) => {
		const body = eventBody();
		const headers = signed(body);
		const other = secondCopy(headers, name, copy);
		const answer = await postWithRepeatedHeader(body, headers, name, [headers[name], other]);
		expect(answer).toEqual(UNAUTHORIZED);
		expect(refusals()).toEqual([name === 'svix-id' ? 'invalid_message_id' : 'invalid_timestamp']);
		expect(endpoint.executions).toEqual([]);
	});

	test('what the node refuses here, svix itself would accept: it reads "t, t" as t', () => {
		const body = eventBody();
		const headers = signed(body);
		const timestamp = headers['svix-timestamp'];
		const joined = { ...headers, 'svix-timestamp': `${timestamp}, ${timestamp}` };
		expect(references.svixAccepts(SECRET, body, joined)).toBe(true);
		expect(references.seamWebhookAccepts(SECRET, body, joined)).toBe(true);
	});

	test('the signature header sent twice: its entries are one list, any may match', async () => {
		const body = eventBody();
		const headers = signed(body);
		const wrong = signed(body, { secret: OTHER_SECRET, id: headers['svix-id'] })['svix-signature'];
		const answer = await postWithRepeatedHeader(body, headers, 'svix-signature', [
			wrong,
			headers['svix-signature'],
		]);
		expect(answer).toEqual({ status: 200, body: { message: 'Workflow was started' } });
		expect(endpoint.executions).toHaveLength(1);
	});

	test('an id with whitespace inside, sent once: refused', async () => {
		const body = eventBody();
		const id = 'msg_one two';
		const answer = await post(body, signed(body, { id }));
		expect(answer).toEqual(UNAUTHORIZED);
		expect(refusals()).toEqual(['invalid_message_id']);
	});
});

describe('after verification', () => {
	test('a node with no registered webhook (no secret) refuses everything', async () => {
		trigger.savedStaticData = {};
		const body = eventBody();
		const answer = await post(body, signed(body));
		expect(answer).toEqual(UNAUTHORIZED);
		expect(refusals()).toEqual(['not_registered']);
		expect(endpoint.executions).toEqual([]);
	});

	test('every refusal gets the same 401 body, which names no reason; the log has the reasons', async () => {
		const body = eventBody();
		const now = signed(body);
		const requests: Array<Record<string, string>> = [
			{},
			signed(body, { secret: OTHER_SECRET }),
			signed(body, { at: secondsFromNow(-FIVE_MINUTES - 60) }),
			signed(body, { at: secondsFromNow(FIVE_MINUTES + 60) }),
			{ ...now, 'svix-timestamp': 'yesterday' },
			{ ...now, 'svix-id': 'msg_a, msg_b' },
			{ ...now, 'svix-signature': 'v1,AAAA' },
		];
		const answers = [];
		for (const headers of requests) answers.push(await post(body, headers));
		trigger.savedStaticData = {};
		answers.push(await post(body, now));

		const bodies = new Set(answers.map((answer) => JSON.stringify(answer.body)));
		expect([...bodies]).toEqual([JSON.stringify(UNAUTHORIZED.body)]);
		expect(answers.every((answer) => answer.status === 401)).toBe(true);
		for (const word of ['signature', 'stale', 'timestamp', 'future', 'header', 'regist', 'reason'])
			expect([...bodies][0]).not.toMatch(new RegExp(word, 'i'));
		expect(refusals()).toEqual([
			'missing_headers',
			'signature_mismatch',
			'stale_timestamp',
			'future_timestamp',
			'invalid_timestamp',
			'invalid_message_id',
			'signature_mismatch',
			'not_registered',
		]);
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
		const captured = captureLogs();
		try {
			const body = eventBody();
			await post(body, signed(body));
			await post(body, signed(body, { secret: OTHER_SECRET }));
			await post(body, {});
			await post(body, signed(body)); // a repeat, logged as such
		} finally {
			await captured.restore();
		}
		expect(logs.messages('info')).toEqual(['Seam Trigger ignored a repeated delivery']);
		const everything = JSON.stringify([
			endpoint.answers,
			endpoint.executions,
			captured.text(),
			logs.lines,
		]);
		expect(everything).not.toContain(SECRET);
		expect(everything).not.toContain(SECRET.slice('whsec_'.length));
	});
});
