// Direct calls to a Seam API (here: the sandbox), independent of the node under test, to work
// out what a workflow's output should be: e.g. which entrances an access group opens.

export async function seamPost<T>(
	apiUrl: string,
	apiKey: string,
	endpoint: string,
	body: Record<string, unknown>,
): Promise<T> {
	const response = await fetch(`${apiUrl.replace(/\/+$/, '')}${endpoint}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(15_000),
	});
	if (!response.ok) throw new Error(`${endpoint}: HTTP ${response.status}`);
	return (await response.json()) as T;
}

interface Named {
	display_name: string;
}

/** Names of the entrances that the given access groups open, without duplicates. */
export async function entranceNamesOfAccessGroups(
	apiUrl: string,
	apiKey: string,
	groupIds: string[],
): Promise<string[]> {
	const names = new Set<string>();
	for (const acs_access_group_id of groupIds) {
		const { acs_entrances } = await seamPost<{ acs_entrances: Named[] }>(
			apiUrl,
			apiKey,
			'/acs/access_groups/list_accessible_entrances',
			{ acs_access_group_id },
		);
		for (const entrance of acs_entrances) names.add(entrance.display_name);
	}
	return [...names];
}

/** Access groups of an ACS system, as {name → id}. */
export async function accessGroupIdsByName(
	apiUrl: string,
	apiKey: string,
	acs_system_id: string,
): Promise<Record<string, string>> {
	const { acs_access_groups } = await seamPost<{
		acs_access_groups: Array<{ name: string; acs_access_group_id: string }>;
	}>(apiUrl, apiKey, '/acs/access_groups/list', { acs_system_id });
	return Object.fromEntries(
		acs_access_groups.map((group) => [group.name, group.acs_access_group_id]),
	);
}

/** A webhook as Seam's /webhooks/list returns it. */
export interface SeamWebhook {
	webhook_id: string;
	url: string;
	event_types: string[];
	secret: string;
}

/** The webhooks registered with Seam, as any client sees them. */
export async function listSeamWebhooks(apiUrl: string, apiKey: string): Promise<SeamWebhook[]> {
	return (await seamPost<{ webhooks: SeamWebhook[] }>(apiUrl, apiKey, '/webhooks/list', {}))
		.webhooks;
}

/**
 * n8n registers a trigger's webhook after answering the activation: the webhooks once `count`
 * exist, or whatever exists after `timeoutMs`.
 */
export async function seamWebhooksOnceSettled(
	apiUrl: string,
	apiKey: string,
	count: number,
	timeoutMs = 60_000,
): Promise<SeamWebhook[]> {
	const deadline = Date.now() + timeoutMs;
	let webhooks = await listSeamWebhooks(apiUrl, apiKey);
	while (webhooks.length !== count && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		webhooks = await listSeamWebhooks(apiUrl, apiKey);
	}
	return webhooks;
}
