import { SeamHttp } from '@seamapi/http';
import { DateTime } from 'luxon';

import { startSandbox, type Sandbox } from '../../test/sandbox';
import { EXAMPLES, loadExample, seamCredential, smtpCredential } from '../../test/harness/examples';
import type { CredentialFixture } from '../../test/harness/n8nHome';
import type { Json } from '../../test/harness/runData';
import { startSmtpInbox, type SmtpInbox } from '../../test/helpers/smtpInbox';

// What the stay templates (examples/stay-*.json) need for their screenshots, besides the Seam
// sandbox every shot uses:
//   - an SMTP server for their Send Email nodes (test/helpers/smtpInbox, plain SMTP on
//     loopback) and the SMTP credential the templates name (the harness's fixture);
//   - for the slow-lock template, a second sandbox whose locks take longer to get a PIN than the
//     PMS template waits (20 s), and the template's Seam nodes pointed at it, so that the run
//     on its canvas is the one it exists for: Seam reports the PINs late, the guest is emailed.
// The PMS booking is posted as a PMS would, to the template's test URL while the editor listens.

/** The property's time zone, as the stay templates set it in their Seam nodes. */
const PROPERTY_ZONE = 'America/New_York';
/** Longer than the PMS template's Wait Timeout (20 s), as a slow lock is. */
export const SLOW_ISSUE_MS = 25_000;
const SLOW_CREDENTIAL = { id: 'SeamApiSlowLock1', name: 'Seam API (slow locks)' };

export interface StayServices {
	inbox: SmtpInbox;
	slowSandbox: Sandbox;
	/** The SMTP credential and the slow sandbox's Seam credential, for `n8n import:credentials`. */
	credentials: CredentialFixture[];
	/** The slow-lock template, its Seam nodes on the slow sandbox (imported over the example). */
	workflows: Json[];
	close(): Promise<void>;
}

export async function startStayServices(): Promise<StayServices> {
	const inbox = await startSmtpInbox();
	const slowSandbox = await startSandbox({ port: 0, accessMethodIssueDelayMs: SLOW_ISSUE_MS });
	const template = loadExample(EXAMPLES.stayPinIssued.file);
	const slowTemplate = {
		...template,
		nodes: template.nodes.map((node) => {
			const credentials = node.credentials as Json | undefined;
			return credentials?.seamApi
				? { ...node, credentials: { ...credentials, seamApi: { ...SLOW_CREDENTIAL } } }
				: node;
		}),
	};
	return {
		inbox,
		slowSandbox,
		credentials: [
			smtpCredential({ host: inbox.host, port: inbox.port }),
			{ ...seamCredential(slowSandbox.url, slowSandbox.apiKey), ...SLOW_CREDENTIAL },
		],
		workflows: [slowTemplate],
		async close() {
			await slowSandbox.close().catch(() => undefined);
			await inbox.close().catch(() => undefined);
		},
	};
}

/** A stay that starts `days` from now at 15:00 and ends `nights` later at 11:00, property time. */
function stayDates(days: number, nights: number): { check_in: string; check_out: string } {
	const day = DateTime.now().setZone(PROPERTY_ZONE).startOf('day').plus({ days });
	return {
		check_in: day.set({ hour: 15 }).toISO() as string,
		check_out: day.plus({ days: nights }).set({ hour: 11 }).toISO() as string,
	};
}

/** A new booking as the PMS template expects it (see its sticky note). */
export function pmsBooking(): Json {
	return {
		event: 'created',
		reservation_id: 'HM-4711',
		guest_name: 'Paula Guest',
		email: 'paula.guest@example.com',
		phone: '+15555550123',
		unit: 'unit-101',
		...stayDates(2, 3),
	};
}

export interface WebhookAnswer {
	status: number;
	body: Json;
}

/**
 * Posts to a workflow's test URL (`/webhook-test/<path>`), which exists while the editor listens
 * after *Execute workflow*: until then n8n answers 404 "not registered" (nothing runs), and the
 * request is repeated.
 */
export async function callTestWebhook(
	baseUrl: string,
	path: string,
	body: Json,
	timeoutMs = 60_000,
): Promise<WebhookAnswer> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await fetch(`${baseUrl}/webhook-test/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		});
		const text = await response.text();
		const unregistered = response.status === 404 && /not registered/.test(text);
		if (!unregistered) {
			let parsed: Json;
			try {
				parsed = JSON.parse(text) as Json;
			} catch {
				parsed = { text };
			}
			return { status: response.status, body: parsed };
		}
		if (Date.now() > deadline)
			throw new Error(`n8n did not listen on /webhook-test/${path} within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** Resolves once a webhook is registered with the sandbox (the Seam Trigger is listening). */
export async function waitForSeamWebhook(sandbox: Sandbox, timeoutMs = 60_000): Promise<void> {
	const seam = SeamHttp.fromApiKey(sandbox.apiKey, { endpoint: sandbox.url });
	const deadline = Date.now() + timeoutMs;
	while ((await seam.webhooks.list()).length === 0) {
		if (Date.now() > deadline)
			throw new Error(`No Seam webhook was registered within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * A stay on the slow sandbox, as the PMS template creates one (an Access Grant on a unit, keyed
 * by the reservation, for a guest with an email): its PINs are issued SLOW_ISSUE_MS later, and
 * Seam then reports `access_grant.access_granted_to_all_doors`.
 */
export async function bookSlowStay(
	sandbox: Sandbox,
): Promise<{ reservationId: string; email: string }> {
	const seam = SeamHttp.fromApiKey(sandbox.apiKey, { endpoint: sandbox.url });
	const reservationId = 'HM-4712';
	const email = 'sam.later@example.com';
	const dates = stayDates(1, 2);
	const params = {
		name: `Stay ${reservationId}: Sam Later`,
		reservation_key: reservationId,
		space_keys: ['unit-101'],
		requested_access_methods: [{ mode: 'code' }],
		starts_at: new Date(dates.check_in).toISOString(),
		ends_at: new Date(dates.check_out).toISOString(),
		user_identity: { full_name: 'Sam Later', email_address: email },
	};
	await seam.accessGrants.create(
		params as unknown as Parameters<typeof seam.accessGrants.create>[0],
	);
	return { reservationId, email };
}
