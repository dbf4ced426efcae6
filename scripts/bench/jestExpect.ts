/// <reference types="jest" />
import { expect } from 'expect';

// test/queue/deliveryLoad.ts checks exactly-once delivery with Jest's `expect`, a global inside
// Jest. The bench runs it outside Jest, so the same `expect` (Jest's own package, installed with
// it) is made global here: a broken run then fails the bench with Jest's message instead of
// being measured as if it were fine.

/** Makes Jest's `expect` a global, once. */
export function installJestExpect(): void {
	const scope = globalThis as { expect?: unknown };
	scope.expect ??= expect;
}
