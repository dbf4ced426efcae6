import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { CredentialFixture } from './n8nHome';
import { REPO_ROOT } from './packPackage';
import type { Json } from './runData';

// The importable workflows in examples/ and the credential they refer to. The examples carry
// fixed workflow ids (so `n8n execute --id` can run them after import) and refer to the Seam
// credential by a fixed id, which the tests and the demo import under that id.

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

export const EXAMPLE_CREDENTIAL = { id: 'SeamApiExample01', name: 'Seam API account' } as const;

/** The SMTP credential of the examples that email the guest (n8n's Send Email node). */
export const EXAMPLE_SMTP_CREDENTIAL = { id: 'SmtpExample00001', name: 'SMTP account' } as const;

export const EXAMPLES = {
	quickStart: { file: '000-pin-code-quick-start.json', id: 'seamPinQuickStrt' },
	saltoKs: { file: '001-salto-ks-pin-code.json', id: 'seamSaltoKsPin01' },
	latch: { file: '004-latch-pin-codes.json', id: 'seamLatchPins004' },
	accessGrant: { file: '003-access-grant-pin-codes.json', id: 'seamAccessGrant3' },
	reservationGrant: {
		file: 'reservation-access-grant-pin.json',
		id: 'seamGrantReserve',
		webhookPath: 'seam-stay',
	},
	reservation: {
		file: 'reservation-webhook-pin.json',
		id: 'seamReservation1',
		webhookPath: 'seam-reservation',
	},
	stayPms: {
		file: 'stay-pms-webhook.json',
		id: 'seamStayPmsHook1',
		webhookPath: 'seam-pms-stay',
	},
	stayPinIssued: { file: 'stay-pin-issued-email.json', id: 'seamStayPinMail1' },
	stayEnd: { file: 'stay-end.json', id: 'seamStayEnd00001', webhookPath: 'seam-stay-end' },
	staySyncIcal: { file: 'stay-sync-ical.json', id: 'seamStaySyncIcal' },
	staySyncPms: { file: 'stay-sync-pms-list.json', id: 'seamStaySyncPms1' },
	aiAgentMcp: { file: 'ai-agent-mcp-stays.json', id: 'seamStaysMcpSrv1', mcpPath: 'seam-stays' },
	cleanerCode: { file: 'cleaner-code-weekly.json', id: 'seamCleanerCode1' },
	unlockOnDelivery: {
		file: 'unlock-on-delivery.json',
		id: 'seamUnlockDeliv1',
		webhookPath: 'seam-delivery',
	},
} as const;

/** The Bearer Auth credential of the MCP Server Trigger in ai-agent-mcp-stays.json. */
export const EXAMPLE_MCP_BEARER_CREDENTIAL = {
	id: 'McpBearerToken01',
	name: 'MCP bearer token',
} as const;

/** The Header Auth credential of the Webhook in unlock-on-delivery.json (the delivery service's secret). */
export const EXAMPLE_DELIVERY_SECRET_CREDENTIAL = {
	id: 'DeliverySecret01',
	name: 'Delivery webhook secret',
} as const;

/** The header a delivery service sends to unlock-on-delivery.json's Webhook. */
export const DELIVERY_SECRET_HEADER = 'X-Delivery-Secret';

export function loadExample(
	file: string,
): Json & { id: string; nodes: Array<Json & { name: string; type: string }> } {
	return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

/** The Seam credential the examples use, pointing at a Seam API (the sandbox, or Seam). */
export function seamCredential(apiUrl: string, apiKey: string): CredentialFixture {
	return { ...EXAMPLE_CREDENTIAL, type: 'seamApi', data: { apiKey, apiUrl } };
}

export interface SmtpServerAddress {
	host: string;
	port: number;
	/** The login the server asks for; none by default. */
	auth?: { user: string; password: string };
}

/**
 * The SMTP credential the examples use (n8n's `smtp` type), for a plain SMTP server such as
 * test/helpers/smtpInbox: SSL/TLS off and STARTTLS disabled, so nothing needs a certificate.
 */
export function smtpCredential(server: SmtpServerAddress): CredentialFixture {
	return {
		...EXAMPLE_SMTP_CREDENTIAL,
		type: 'smtp',
		data: {
			user: server.auth?.user ?? '',
			password: server.auth?.password ?? '',
			host: server.host,
			port: server.port,
			secure: false,
			disableStartTls: true,
		},
	};
}

/**
 * The credential the MCP Server Trigger of the AI-agent example checks callers against (n8n's
 * `httpBearerAuth` type): MCP clients send `Authorization: Bearer <token>`.
 */
export function mcpBearerCredential(token: string): CredentialFixture {
	return { ...EXAMPLE_MCP_BEARER_CREDENTIAL, type: 'httpBearerAuth', data: { token } };
}

/**
 * The credential the Webhook of unlock-on-delivery.json checks callers against (n8n's
 * `httpHeaderAuth` type): the caller must send `X-Delivery-Secret: <secret>`.
 */
export function deliverySecretCredential(secret: string): CredentialFixture {
	return {
		...EXAMPLE_DELIVERY_SECRET_CREDENTIAL,
		type: 'httpHeaderAuth',
		data: { name: DELIVERY_SECRET_HEADER, value: secret },
	};
}
