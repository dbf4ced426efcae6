import type { IDataObject } from 'n8n-workflow';

// The Seam webhook this node registered, kept in the node's static data. n8n saves static data
// with the workflow after activation and deactivation (and keeps a separate copy for a "listen
// for test event" run), so webhook() finds the secret of the webhook that Seam signs with.
// The secret is stored in n8n's database like every n8n trigger's webhook secret; it is never
// written to an output item or a log line.

export interface RegisteredWebhook {
	webhookId: string;
	/** Svix signing secret, `whsec_<base64>`. */
	secret: string;
	/** The n8n URL Seam delivers to. */
	url: string;
	/** The event types asked for; absent = every event. */
	eventTypes?: string[];
}

const KEY = 'seamWebhook';

export function readRegistration(staticData: IDataObject): RegisteredWebhook | undefined {
	const stored = staticData[KEY] as Partial<RegisteredWebhook> | undefined;
	if (
		!stored ||
		typeof stored.webhookId !== 'string' ||
		typeof stored.secret !== 'string' ||
		typeof stored.url !== 'string'
	) {
		return undefined;
	}
	return {
		webhookId: stored.webhookId,
		secret: stored.secret,
		url: stored.url,
		eventTypes: Array.isArray(stored.eventTypes) ? stored.eventTypes.map(String) : undefined,
	};
}

export function saveRegistration(staticData: IDataObject, registration: RegisteredWebhook): void {
	const { eventTypes, ...rest } = registration;
	staticData[KEY] = eventTypes ? { ...rest, eventTypes } : { ...rest };
}

export function forgetRegistration(staticData: IDataObject): void {
	delete staticData[KEY];
}
