/**
 * What n8n reads from the package before anything runs: the n8n section of package.json, the
 * built files it points to, the node and credential descriptions, icons and codex.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const load = <T>(relative: string, name: string): T => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(path.join(root, relative));
	return new mod[name]() as T;
};

describe('package.json', () => {
	test('is an n8n community package with no runtime dependencies', () => {
		expect(pkg.name).toBe('n8n-nodes-seam');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toHaveProperty('n8n-workflow');
		expect(pkg.files).toEqual(['dist']);
	});

	test('lists built nodes and credentials that exist', () => {
		expect(pkg.n8n.nodes).toEqual([
			'dist/nodes/Seam/Seam.node.js',
			'dist/nodes/Seam/SeamTrigger.node.js',
			'dist/nodes/Seam/SeamPollingTrigger.node.js',
		]);
		expect(pkg.n8n.credentials).toEqual(['dist/credentials/SeamApi.credentials.js']);
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials])
			expect(existsSync(path.join(root, file))).toBe(true);
	});
});

describe('the Seam node description', () => {
	const description = load<{ description: INodeTypeDescription }>(
		'dist/nodes/Seam/Seam.node.js',
		'Seam',
	).description;

	test('follows n8n conventions: tool use, light/dark icons, subtitle, credentials', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toContain('$parameter["operation"]');
		expect(description.credentials).toEqual([{ name: 'seamApi', required: true }]);
		const icon = description.icon as { light: string; dark: string };
		for (const file of [icon.light, icon.dark]) {
			expect(existsSync(path.resolve(root, 'dist/nodes/Seam', file.replace('file:', '')))).toBe(
				true,
			);
		}
		const codex = JSON.parse(
			readFileSync(path.join(root, 'dist/nodes/Seam/Seam.node.json'), 'utf8'),
		);
		expect(codex.node).toBe('n8n-nodes-seam.seam');
		expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\/docs\.seam\.co\//);
	});

	test('offers the operations design.md lists, each with an action label', () => {
		const operations: Record<string, string[]> = {};
		for (const property of description.properties.filter((p) => p.name === 'operation')) {
			const resource = (property.displayOptions?.show?.resource as string[])[0];
			operations[resource] = (property.options as Array<{ value: string; action: string }>).map(
				(o) => {
					expect(o.action).toBeTruthy();
					return o.value;
				},
			);
		}
		expect(operations).toEqual({
			accessCode: [
				'convertToManaged',
				'create',
				'createMultiple',
				'delete',
				'generateCode',
				'get',
				'getMany',
				'getManyUnmanaged',
				'update',
			],
			accessGrant: ['create', 'delete', 'get', 'getMany', 'update'],
			accessMethod: ['get', 'getMany', 'getRelated'],
			device: ['getMany'],
			space: ['getMany'],
			acsSystem: ['get', 'getMany'],
			acsUser: [
				'addToAccessGroup',
				'create',
				'delete',
				'get',
				'getMany',
				'listAccessibleEntrances',
				'removeFromAccessGroup',
				'suspend',
				'unsuspend',
				'update',
			],
			accessGroup: ['get', 'getMany', 'listAccessibleEntrances', 'listUsers'],
			entrance: ['get', 'getMany'],
			acsCredential: ['create', 'delete', 'get', 'getMany', 'listAccessibleEntrances'],
			userIdentity: ['create', 'get', 'getMany'],
			stay: ['end', 'get', 'grantAccess', 'sync'],
			lock: ['get', 'getMany', 'lock', 'unlock'],
			event: ['getMany'],
			actionAttempt: ['get'],
		});
	});

	test('every ID field is a resource locator with a searchable list and an ID mode', () => {
		// A stay's Reservation ID is the PMS's own ID, typed or mapped, not a Seam object to pick.
		// An Action Attempt ID comes from a Lock or Unlock step's output: Seam lists no attempts.
		const notPicked = ['reservationId', 'actionAttemptId'];
		const idFields = description.properties.filter(
			(p) => /Id$/.test(p.name) && !notPicked.includes(p.name),
		);
		expect(idFields.length).toBeGreaterThan(20);
		for (const field of idFields) {
			expect(field.type).toBe('resourceLocator');
			const modes = (field as INodeProperties).modes!;
			expect(modes.map((m) => m.name)).toEqual(['list', 'id']);
			expect(modes[0].typeOptions?.searchListMethod).toBeTruthy();
		}
	});

	test('the provider rules are shown where the user fills in the form', () => {
		const notices = description.properties
			.filter((p) => p.type === 'notice')
			.map((p) => p.displayName);
		expect(notices.join(' ')).toMatch(/Salto KS and Latch generate the PIN/);
		expect(notices.join(' ')).toMatch(/Latch takes exactly one entrance per PIN code credential/);
		expect(notices.join(' ')).toMatch(/stays "unsubscribed" until the schedule starts/);
	});
});

describe('the seamApi credential', () => {
	const credential = load<{
		name: string;
		properties: INodeProperties[];
		documentationUrl: string;
		test: {
			request: { url: string };
			rules: Array<{ properties: { value: number; message: string } }>;
		};
	}>('dist/credentials/SeamApi.credentials.js', 'SeamApi');

	test('has a password API key, an API URL defaulting to Seam, a test request and docs', () => {
		expect(credential.name).toBe('seamApi');
		const apiKey = credential.properties.find((p) => p.name === 'apiKey')!;
		expect(apiKey.typeOptions?.password).toBe(true);
		expect(apiKey.description).toMatch(/seam_test/);
		expect(credential.properties.find((p) => p.name === 'apiUrl')?.default).toBe(
			'https://connect.getseam.com',
		);
		expect(credential.test.request.url).toBe('/workspaces/get');
		expect(credential.test.rules[0].properties).toMatchObject({
			value: 401,
			message: expect.stringMatching(/rejected this API key/),
		});
		expect(credential.documentationUrl).toMatch(/^https:\/\/docs\.seam\.co\//);
	});
});

test('reading the node description does not load the Seam SDK (n8n start-up stays cheap)', () => {
	const script = `
		require(${JSON.stringify(path.join(root, 'dist/nodes/Seam/Seam.node.js'))});
		const { Seam } = require(${JSON.stringify(path.join(root, 'dist/nodes/Seam/Seam.node.js'))});
		new Seam().description;
		const loaded = Object.keys(require.cache).filter((f) => f.includes('vendor'));
		process.stdout.write(JSON.stringify(loaded));
	`;
	const loaded = JSON.parse(
		execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }),
	);
	expect(loaded).toEqual([]);
});
