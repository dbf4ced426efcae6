/**
 * The Seam Trigger's memory of recent deliveries (nodes/Seam/trigger/deliveryMemory.ts) on its own,
 * for what the engine-level tests (deliveryOnce.test.ts) cannot set up exactly: two requests
 * whose copies of the static data are written back in the unlucky order, stored data this version
 * cannot read, and the bound on how many nodes this process remembers for.
 */
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type * as DeliveryMemory from '../../nodes/Seam/trigger/deliveryMemory';

/** The module as a freshly started n8n process loads it: nothing in its memory yet. */
function freshProcess(): typeof DeliveryMemory {
	let loaded: typeof DeliveryMemory | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = require('../../nodes/Seam/trigger/deliveryMemory') as typeof DeliveryMemory;
	});
	return loaded!;
}

const ids = () => ({ messageId: `msg_${randomUUID()}`, eventId: randomUUID() });
/** What n8n keeps in its database: a JSON copy. */
const saved = (staticData: IDataObject): IDataObject =>
	JSON.parse(JSON.stringify(staticData)) as IDataObject;

test('a saved copy that lost an entry to an overlapping request is completed by the next delivery', () => {
	const memory = freshProcess();
	const [a, b, c] = [ids(), ids(), ids()];
	// Two requests read the same saved static data, each records its delivery in its own copy...
	const database = {};
	const copyA = saved(database);
	const copyB = saved(database);
	expect(memory.firstDelivery(copyA, 'node', a)).toBe(true);
	expect(memory.firstDelivery(copyB, 'node', b)).toBe(true);
	// ...and A's copy is written last: B's entry is not in the database.
	const afterBoth = saved(copyA);
	expect(memory.firstDelivery(saved(afterBoth), 'node', b)).toBe(false); // this process knows
	expect(freshProcess().firstDelivery(saved(afterBoth), 'node', b)).toBe(true); // a restart would not

	// The next delivery's copy carries everything this process remembers.
	const copyC = saved(afterBoth);
	expect(memory.firstDelivery(copyC, 'node', c)).toBe(true);
	const restarted = freshProcess();
	for (const earlier of [a, b, c])
		expect(restarted.firstDelivery(saved(copyC), 'node', earlier)).toBe(false);
});

test.each([
	['a string', 'left by something else'],
	['another version', { version: 2, entries: [] }],
	['entries of the wrong shape', { version: 1, entries: [['only an id'], [1, 2, 3], null] }],
	['no list', { version: 1, entries: 'x' }],
])('stored data it cannot read (%s) counts as nothing remembered', (_name, stored) => {
	const memory = freshProcess();
	const staticData: IDataObject = { recentDeliveries: stored as IDataObject };
	const delivery = ids();
	expect(memory.firstDelivery(staticData, 'node', delivery)).toBe(true);
	expect(freshProcess().firstDelivery(saved(staticData), 'node', delivery)).toBe(false);
});

test('each node (scope) has its own memory', () => {
	const memory = freshProcess();
	const delivery = ids();
	expect(memory.firstDelivery({}, 'workflow-1/Seam Trigger/webhook-a', delivery)).toBe(true);
	expect(memory.firstDelivery({}, 'workflow-2/Seam Trigger/webhook-b', delivery)).toBe(true);
	expect(memory.firstDelivery({}, 'workflow-1/Seam Trigger/webhook-a', delivery)).toBe(false);
});

test('this process remembers for 100 nodes at most, the least recently used go first', () => {
	const memory = freshProcess();
	const first = ids();
	const second = ids();
	memory.firstDelivery({}, 'scope-0', first);
	memory.firstDelivery({}, 'scope-1', second);
	for (let scope = 2; scope < 100; scope += 1) memory.firstDelivery({}, `scope-${scope}`, ids());
	expect(memory.firstDelivery({}, 'scope-0', first)).toBe(false); // used again: now the newest
	memory.firstDelivery({}, 'scope-100', ids()); // one more: scope-1 goes
	expect(memory.firstDelivery({}, 'scope-0', first)).toBe(false);
	expect(memory.firstDelivery({}, 'scope-1', second)).toBe(true);
});
