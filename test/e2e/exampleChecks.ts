import { loadExample } from '../harness/examples';
import { nodeOutput, onlyItem, runError, type ExecutionData, type Json } from '../harness/runData';
import { entranceNamesOfAccessGroups, seamPost } from './seamQueries';

// What a run of a seed example (examples/00*.json) must show, the way a user reads it: checked
// the same way wherever the example runs, by `n8n execute` in the end-to-end suite (suite.ts) or
// on a queue-mode worker (test/queue/seedFlows.queue.ts), so that the two cannot drift apart.

const DAY = 24 * 60 * 60_000;

type Parameters = Record<string, unknown>;

/** The Seam API the example ran against (the sandbox), to read Seam's state back. */
export interface SeamApi {
	url: string;
	apiKey: string;
}

/** A parameter of a node of an example, as saved in examples/ (what the workflow asks for). */
export function exampleParameter(file: string, nodeName: string, parameter: string): unknown {
	const node = loadExample(file).nodes.find((candidate) => candidate.name === nodeName);
	if (!node) throw new Error(`${file} has no node "${nodeName}"`);
	return (node.parameters as Parameters)[parameter];
}

export function locatorValue(file: string, nodeName: string, parameter: string): string {
	return (exampleParameter(file, nodeName, parameter) as { value: string }).value;
}

/** The run succeeded, and the API key appears nowhere in its data. */
export function expectSucceeded(execution: ExecutionData, apiKey: string): void {
	expect(runError(execution)).toBeUndefined();
	expect(JSON.stringify(execution)).not.toContain(apiKey);
}

export const sorted = (values: unknown[]) => [...values].map(String).sort();

/** 000-pin-code-quick-start.json: June gets a 6-digit PIN for the doors of Main Group. */
export async function expectQuickStartResults(
	file: string,
	execution: ExecutionData,
	seam: SeamApi,
	startedAt: number,
): Promise<void> {
	expectSucceeded(execution, seam.apiKey);

	const user = onlyItem(execution, 'Create ACS user June Doe');
	const schedule = user.access_schedule as { starts_at: string; ends_at: string };
	expect(user.full_name).toBe('June Doe');
	// Tomorrow, for two days: and until then Salto KS lists June as unsubscribed.
	expect(Date.parse(schedule.starts_at)).toBeGreaterThan(startedAt);
	expect(Date.parse(schedule.ends_at) - Date.parse(schedule.starts_at)).toBe(2 * DAY);
	expect(user.salto_ks_metadata).toEqual({ is_subscribed: false });

	const pin = onlyItem(execution, 'Create PIN code');
	expect(pin.code).toMatch(/^\d{6}$/);
	expect(pin.acs_user_id).toBe(user.acs_user_id);

	const groups = exampleParameter(file, 'Add June to Main Group', 'accessGroupIds') as string[];
	const doors = await entranceNamesOfAccessGroups(seam.url, seam.apiKey, groups);
	expect(doors.length).toBeGreaterThan(0);
	const listed = nodeOutput(execution, 'List entrances June can open').map(
		(entrance) => entrance.display_name,
	);
	expect(sorted(listed)).toEqual(sorted(doors));

	const summary = onlyItem(execution, 'Quick start summary');
	expect({ ...summary, entrances: sorted(summary.entrances as string[]) }).toEqual({
		user: 'June Doe',
		pin_code: pin.code,
		access_starts_at: schedule.starts_at,
		access_ends_at: schedule.ends_at,
		entrances: sorted(doors),
	});
}

/** 001-salto-ks-pin-code.json: Jane joins several access groups; one 6-digit PIN for all their doors. */
export async function expectSaltoKsResults(
	file: string,
	execution: ExecutionData,
	seam: SeamApi,
): Promise<void> {
	expectSucceeded(execution, seam.apiKey);

	const site = onlyItem(execution, 'Get the Salto KS site');
	expect(site.acs_system_id).toBe(locatorValue(file, 'Get the Salto KS site', 'acsSystemId'));
	expect(site.external_type).toBe('salto_ks_site');

	const user = onlyItem(execution, 'Create ACS user Jane Doe');
	const schedule = user.access_schedule as { starts_at: string; ends_at: string };
	expect(user).toMatchObject({ full_name: 'Jane Doe', acs_system_id: site.acs_system_id });
	expect(Date.parse(schedule.ends_at)).toBeGreaterThan(Date.parse(schedule.starts_at));
	expect(user.salto_ks_metadata).toEqual({ is_subscribed: false });

	const groups = exampleParameter(file, 'Add Jane to access groups', 'accessGroupIds') as string[];
	expect(groups.length).toBeGreaterThan(1);
	expect(onlyItem(execution, 'Add Jane to access groups').added_acs_access_group_ids).toEqual(
		groups,
	);

	const pin = onlyItem(execution, 'Create PIN code');
	expect(pin.code).toMatch(/^\d{6}$/);
	expect(pin.acs_user_id).toBe(user.acs_user_id);

	// What the PIN opens, asked of Seam directly: every door of both groups.
	const { acs_entrances } = await seamPost<{ acs_entrances: Json[] }>(
		seam.url,
		seam.apiKey,
		'/acs/users/list_accessible_entrances',
		{ acs_user_id: user.acs_user_id },
	);
	expect(sorted(acs_entrances.map((entrance) => entrance.display_name))).toEqual(
		sorted(await entranceNamesOfAccessGroups(seam.url, seam.apiKey, groups)),
	);
}

/**
 * 004-latch-pin-codes.json: one 7-digit PIN per chosen door, each opening exactly that door, for
 * the same dates, which start after `startedAt` (when the run was started).
 */
export function expectLatchResults(
	file: string,
	execution: ExecutionData,
	seam: SeamApi,
	startedAt: number,
): void {
	expectSucceeded(execution, seam.apiKey);

	const user = onlyItem(execution, 'Create ACS user for Jane in Building A');
	expect(user).toMatchObject({
		full_name: 'Jane Doe',
		acs_system_id: locatorValue(file, 'Create ACS user for Jane in Building A', 'acsSystemId'),
		user_identity_id: locatorValue(
			file,
			'Create ACS user for Jane in Building A',
			'userIdentityId',
		),
	});

	const conditions = exampleParameter(file, 'Keep the doors Jane needs', 'conditions') as {
		conditions: Array<{ rightValue: string }>;
	};
	const chosenDoors = conditions.conditions.map((condition) => condition.rightValue);
	const doors = nodeOutput(execution, 'Keep the doors Jane needs');
	expect(sorted(doors.map((door) => door.display_name))).toEqual(sorted(chosenDoors));

	const credentials = nodeOutput(execution, 'Create one PIN per door');
	expect(credentials).toHaveLength(doors.length);
	for (const credential of credentials) {
		expect(credential.code).toMatch(/^\d{7}$/);
		expect(credential.acs_user_id).toBe(user.acs_user_id);
		expect(Date.parse(credential.starts_at as string)).toBeGreaterThan(startedAt);
		expect(Date.parse(credential.ends_at as string)).toBeGreaterThan(
			Date.parse(credential.starts_at as string),
		);
		expect([credential.starts_at, credential.ends_at]).toEqual([
			credentials[0].starts_at,
			credentials[0].ends_at,
		]);
	}

	// Items keep their order: the n-th PIN was made for the n-th door and opens only it.
	expect(nodeOutput(execution, 'PIN per door')).toEqual(
		doors.map((door, index) => ({
			door: door.display_name,
			pin_code: credentials[index].code,
			valid_from: credentials[index].starts_at,
			valid_until: credentials[index].ends_at,
		})),
	);
}

/**
 * 003-access-grant-pin-codes.json: Gina gets a PIN on the front door, sees its doors, then the
 * grant is moved a day and revoked: Seam has no grant of hers left.
 */
export async function expectAccessGrantResults(
	execution: ExecutionData,
	seam: SeamApi,
): Promise<void> {
	expectSucceeded(execution, seam.apiKey);

	const locks = nodeOutput(execution, 'Check which locks take a PIN');
	expect(locks.length).toBeGreaterThan(0);
	expect(locks.every((lock) => lock.can_program_online_access_codes === true)).toBe(true);

	const grant = onlyItem(execution, 'Grant Gina a PIN on the front door');
	const pins = grant.pin_codes as Array<{ code: string; doors: Array<{ name: string }> }>;
	expect(pins).toHaveLength(1);
	expect(pins[0].code).toMatch(/^\d{4,9}$/);
	expect(pins[0].doors.map((door) => door.name)).toEqual(['Front Door Lock']);

	const methods = nodeOutput(execution, "List the grant's access methods");
	expect(methods.map((method) => method.code)).toEqual([pins[0].code]);
	const related = onlyItem(execution, 'Which doors does the PIN open');
	expect((related.devices as Json[]).map((device) => device.display_name)).toEqual([
		'Front Door Lock',
	]);

	const moved = onlyItem(execution, 'Move check-out one day later');
	expect(Date.parse(moved.ends_at as string) - Date.parse(grant.ends_at as string)).toBe(DAY);
	expect(onlyItem(execution, 'Revoke the grant (check-out)')).toEqual({
		deleted: true,
		access_grant_id: grant.access_grant_id,
	});
	const { access_grants } = await seamPost<{ access_grants: Json[] }>(
		seam.url,
		seam.apiKey,
		'/access_grants/list',
		{ access_grant_key: 'example-003-gina' },
	);
	expect(access_grants).toEqual([]);
}
