import { seamPost } from '../../test/e2e/seamQueries';

// The examples name the sandbox's fixed IDs. Against a real Seam workspace the same things
// (a Salto KS "Main Site", its "Main Group", a Latch "Building A", Jane's user identity) have
// other IDs: find them by name and rewrite the examples, so that the editor opens them ready to
// run. What is not found stays as it is, and the user picks it from the list in the editor.

export interface SeamApiTarget {
	url: string;
	apiKey: string;
}

interface NamedIds {
	[kind: string]: Map<string, string>; // name → id
}

async function namedIds(seam: SeamApiTarget): Promise<NamedIds> {
	const { acs_systems } = await seamPost<{
		acs_systems: Array<{ acs_system_id: string; name: string }>;
	}>(seam.url, seam.apiKey, '/acs/systems/list', {});
	const groups = new Map<string, string>();
	for (const system of acs_systems) {
		const { acs_access_groups } = await seamPost<{
			acs_access_groups: Array<{ acs_access_group_id: string; name: string }>;
		}>(seam.url, seam.apiKey, '/acs/access_groups/list', { acs_system_id: system.acs_system_id });
		for (const group of acs_access_groups)
			groups.set(`${system.name} / ${group.name}`, group.acs_access_group_id);
	}
	const { user_identities } = await seamPost<{
		user_identities: Array<{ user_identity_id: string; email_address: string | null }>;
	}>(seam.url, seam.apiKey, '/user_identities/list', {});
	return {
		'ACS system': new Map(acs_systems.map((system) => [system.name, system.acs_system_id])),
		'access group': groups,
		'user identity': new Map(
			user_identities
				.filter((identity) => identity.email_address)
				.map((identity) => [identity.email_address as string, identity.user_identity_id]),
		),
	};
}

export interface Remapping {
	/** sandbox id → workspace id */
	ids: Map<string, string>;
	/** The sandbox things the workspace does not have: a label and the sandbox id. */
	missing: Array<{ label: string; sandboxId: string }>;
}

/** Matches the sandbox's systems, access groups and user identities to the workspace's by name. */
export async function matchSandboxToWorkspace(
	sandbox: SeamApiTarget,
	workspace: SeamApiTarget,
): Promise<Remapping> {
	const [from, to] = await Promise.all([namedIds(sandbox), namedIds(workspace)]);
	const ids = new Map<string, string>();
	const missing: Remapping['missing'] = [];
	for (const [kind, byName] of Object.entries(from)) {
		for (const [name, sandboxId] of byName) {
			const workspaceId = to[kind].get(name);
			if (workspaceId) ids.set(sandboxId, workspaceId);
			else missing.push({ label: `${kind} "${name}"`, sandboxId });
		}
	}
	return { ids, missing };
}

/** The workflow with every sandbox id that has a match replaced by the workspace's id. */
export function remapWorkflow<T>(workflow: T, remapping: Remapping): T {
	let text = JSON.stringify(workflow);
	for (const [sandboxId, workspaceId] of remapping.ids)
		text = text.split(sandboxId).join(workspaceId);
	return JSON.parse(text) as T;
}

/** Labels of the things a workflow needs that the workspace lacks. */
export function missingFor(workflow: unknown, remapping: Remapping): string[] {
	const text = JSON.stringify(workflow);
	return remapping.missing
		.filter(({ sandboxId }) => text.includes(sandboxId))
		.map(({ label }) => label);
}
