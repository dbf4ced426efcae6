import { settleAccessGrants } from './access-grant-lifecycle';
import { issueDueCredentials } from './credentials';
import type { Store } from './store';

/**
 * Brings time-based state up to `now` before a request is handled: PINs and
 * access methods that providers have finished programming, and access time
 * changes that have been reprogrammed. See credentials.ts and
 * access-grant-lifecycle.ts for why this is lazy rather than timer-driven.
 */
export function settleDueWork(store: Store, now: Date): void {
	issueDueCredentials(store, now);
	settleAccessGrants(store, now);
}
