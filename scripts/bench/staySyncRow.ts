import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { type BenchContext, measured } from './context';
import type { ProxiedRequest } from './latencyProxy';
import { spread } from './stats';
import { type BenchRow, ms, noise, times, verdict } from './table';
import { type BenchTarget, LATENCY_MS, startBenchTarget } from './target';

// Row 8: Stay → Sync Stays over a listing's whole list of 1,000 bookings (input items, as a PMS
// export), in n8n's engine. Set-up, not measured: one sync creates the 1,000 stays, spread over
// the sandbox's three units, back to back on each unit and all in the future. Measured: the same
// list again with CHANGES of them changed (new dates, another unit, gone from the list), against
// the same list with no change (the in-sync run) as the baseline. Requests are counted at the
// proxy. The target: the changed run costs the in-sync run's reads plus what the changes
// themselves need (their writes, and a moved guest's PIN reads: see budget()), so requests grow
// with the changes, not with the stays. After each round the
// original list is synced again (not measured), so every round starts from the same 1,000 stays.

const STAYS = 1_000;
const UNITS = ['unit-101', 'unit-102', 'cottage'];
const PREFIX = 'bench-sync:';
/** Seam's page size for the owned stays (ownedGrants.ts). */
const PAGE = 500;
const NEW_DATES = 4;
const MOVED = 3;
const REMOVED = 3;
const CHANGES = NEW_DATES + MOVED + REMOVED;

const READS = new Set(['list', 'get', 'get_related']);
const isWrite = (request: ProxiedRequest) => !READS.has(request.path.split('/').pop() ?? '');

const PARAMETERS: INodeParameters = {
	resource: 'stay',
	operation: 'sync',
	source: 'items',
	stayKeyPrefix: PREFIX,
	reservationId: '={{ $json.reservationId }}',
	guestName: '={{ $json.guestName }}',
	doorsBy: 'spaceKeys',
	spaceKeys: '={{ $json.spaceKey }}',
	checkIn: '={{ $json.checkIn }}',
	checkOut: '={{ $json.checkOut }}',
	options: { timeZone: 'UTC' },
};

interface Booking extends IDataObject {
	reservationId: string;
	guestName: string;
	spaceKey: string;
	checkIn: string;
	checkOut: string;
}

const inDays = (days: number, hour: number) => {
	const date = new Date(Date.now() + days * 86_400_000);
	date.setUTCHours(hour, 0, 0, 0);
	return date.toISOString();
};

/** Booking i: on unit i mod 3, two nights, each unit's stays back to back from tomorrow on. */
function booking(index: number): Booking {
	const slot = Math.floor(index / UNITS.length);
	return {
		reservationId: `R${String(index).padStart(4, '0')}`,
		guestName: `Guest ${index}`,
		spaceKey: UNITS[index % UNITS.length],
		checkIn: inDays(1 + 2 * slot, 15),
		checkOut: inDays(3 + 2 * slot, 11),
	};
}

/**
 * The same list with CHANGES changes, spread over it: NEW_DATES stays cut a night short, MOVED
 * on the next unit, REMOVED left out (cancelled: revoked).
 */
function changedList(original: Booking[]): Booking[] {
	const step = Math.floor(STAYS / CHANGES);
	const kind = new Map<number, 'dates' | 'moved' | 'removed'>();
	for (let n = 0; n < CHANGES; n++) {
		kind.set(n * step + 7, n < NEW_DATES ? 'dates' : n < NEW_DATES + MOVED ? 'moved' : 'removed');
	}
	const list: Booking[] = [];
	original.forEach((stay, index) => {
		switch (kind.get(index)) {
			case 'removed':
				return;
			case 'dates':
				list.push({ ...stay, checkOut: shorter(stay) });
				return;
			case 'moved':
				list.push({
					...stay,
					spaceKey: UNITS[(UNITS.indexOf(stay.spaceKey) + 1) % UNITS.length],
				});
				return;
			default:
				list.push(stay);
		}
	});
	return list;
}

/** The check-out a day earlier: one night instead of two. */
const shorter = (stay: Booking) => new Date(Date.parse(stay.checkOut) - 86_400_000).toISOString();

interface Run {
	ms: number;
	sent: ProxiedRequest[];
	out: IDataObject[];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const thousands = (value: number) => value.toLocaleString('en-US');

async function sync(context: BenchContext, target: BenchTarget, list: Booking[]): Promise<Run> {
	const before = await target.requestCount();
	const started = performance.now();
	const result = await context.runNode(PARAMETERS, {
		credentials: target.credentials,
		input: list.map((stay) => ({ ...stay })),
	});
	const elapsed = performance.now() - started;
	if (result.error) throw new Error(`Stay → Sync Stays: ${result.error.message}`);
	return {
		ms: elapsed,
		sent: await target.requestsSince(before),
		out: result.items.map((item) => item.json),
	};
}

/** Of the requests, the time the sandbox itself spent answering (without the proxy's latency). */
const sandboxMs = (sent: ProxiedRequest[]) =>
	sent.reduce((sum, r) => sum + Math.max(0, r.answeredAt - r.receivedAt - LATENCY_MS), 0);

/**
 * How long the run waited on Seam: the requests' time at the proxy, overlapping ones once. The
 * rest of a run's time is the node and n8n (reading each item's parameters, planning).
 */
function waitedMs(sent: ProxiedRequest[]): number {
	let total = 0;
	let end = -Infinity;
	for (const r of [...sent].sort((a, b) => a.receivedAt - b.receivedAt)) {
		total += Math.max(0, r.answeredAt - Math.max(r.receivedAt, end));
		end = Math.max(end, r.answeredAt);
	}
	return total;
}

/** "/access_grants/list ×2, /access_grants/delete ×6": the requests by path, in first-sent order. */
function byPath(sent: ProxiedRequest[]): string {
	const counts = new Map<string, number>();
	for (const r of sent) counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
	return [...counts].map(([path, count]) => `${path} ×${count}`).join(', ');
}

/** The outputs' actions, counted: "create 1000", "update 4, move 3, revoke 3". */
function actions(out: IDataObject[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of out)
		counts.set(String(item.status), (counts.get(String(item.status)) ?? 0) + 1);
	return counts;
}

const listed = (counts: Map<string, number>) =>
	[...counts].map(([status, count]) => `${count} ${status}`).join(', ') || 'nothing';

/**
 * What the changes need beyond the in-sync reads: the writes (an update or a create one, a move a
 * create and the old grant's delete, a revoke a delete per grant), and for a move the reads that
 * keep the guest's PIN: the old grant's access methods, and once per run the doors' access
 * systems (can the new doors take that PIN). A new guest with an email, phone or guest ID would
 * add a user-identity read or two; these bookings name the guest only, so there are none.
 */
function budget(out: IDataObject[]): { writes: number; reads: number } {
	let writes = 0;
	let reads = 0;
	let moves = 0;
	for (const item of out) {
		if (item.status === 'updated' || item.status === 'created') writes += 1;
		if (item.status === 'moved') {
			writes += 2;
			moves += 1;
		}
		if (item.status === 'revoked') writes += (item.access_grant_ids as string[]).length;
	}
	if (moves > 0) reads += moves + 1;
	return { writes, reads };
}

interface Sample {
	inSync: Run;
	changed: Run;
}

function check(run: Run, expected: Record<string, number>, what: string): void {
	const got = actions(run.out);
	const wanted = new Map(Object.entries(expected));
	const same =
		got.size === wanted.size && [...wanted].every(([status, count]) => got.get(status) === count);
	if (!same)
		throw new Error(`Sync Stays (${what}): expected ${listed(wanted)}, got ${listed(got)}`);
}

async function round(
	context: BenchContext,
	target: BenchTarget,
	original: Booking[],
	changed: Booking[],
): Promise<Sample> {
	const inSync = await sync(context, target, original);
	check(inSync, {}, 'the same list again');
	if (inSync.sent.some(isWrite)) throw new Error('Sync Stays (in sync) wrote to Seam');
	const changedRun = await sync(context, target, changed);
	check(changedRun, { updated: NEW_DATES, moved: MOVED, revoked: REMOVED }, `${CHANGES} changes`);
	// Back to the original 1,000 stays for the next round (not measured).
	const restored = await sync(context, target, original);
	check(restored, { updated: NEW_DATES, moved: MOVED, created: REMOVED }, 'restoring the list');
	return { inSync, changed: changedRun };
}

const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

export async function staySyncRow(context: BenchContext): Promise<BenchRow> {
	const started = performance.now();
	const target = await startBenchTarget({ accessMethodIssueDelayMs: 0 });
	context.progress(`stay sync: sandbox ready in ${ms(performance.now() - started)}`);
	try {
		const original = Array.from({ length: STAYS }, (_, index) => booking(index));
		const changed = changedList(original);

		context.progress(`stay sync: set-up, one sync of ${thousands(STAYS)} new bookings…`);
		const setUp = await sync(context, target, original);
		check(setUp, { created: STAYS }, 'set-up');
		context.progress(
			`stay sync: set-up done in ${seconds(setUp.ms)}: ${thousands(setUp.sent.length)} requests (${thousands(setUp.sent.filter(isWrite).length)} writes), the sandbox's own work ${seconds(sandboxMs(setUp.sent))}, the proxy's latency ${seconds(setUp.sent.length * LATENCY_MS)}, the node and n8n ${seconds(setUp.ms - waitedMs(setUp.sent))}`,
		);

		const samples: Sample[] = [];
		const line = (run: Run) =>
			`${ms(run.ms)}, ${run.sent.length} requests (waiting on Seam ${ms(waitedMs(run.sent))}, of it the sandbox's own work ${ms(sandboxMs(run.sent))})`;
		for (let index = 0; index < context.rounds; index++) {
			const sample = await measured(context, () => round(context, target, original, changed));
			samples.push(sample);
			context.progress(
				`stay sync: round ${index + 1}/${context.rounds}: in sync ${line(sample.inSync)}; ${CHANGES} changes ${line(sample.changed)}`,
			);
		}
		context.progress(`stay sync: the changed run's requests: ${byPath(samples[0].changed.sent)}`);
		return row(samples);
	} finally {
		await target.close();
	}
}

function row(samples: Sample[]): BenchRow {
	const last = samples[samples.length - 1];
	const count = (run: Run) => ({
		requests: run.sent.length,
		writes: run.sent.filter(isWrite).length,
		reads: run.sent.filter((r) => !isWrite(r)).length,
		pages: run.sent.filter((r) => r.path === '/access_grants/list').length,
	});
	const inSync = count(last.inSync);
	const changed = count(last.changed);
	// The counts are the same each round; the verdict takes the worst round, should one differ.
	const requests = spread(samples.map((s) => s.changed.sent.length));
	const inSyncReads = spread(samples.map((s) => s.inSync.sent.length));
	const need = budget(last.changed.out);
	const limit = inSyncReads.min + need.reads + need.writes;
	const changedMs = spread(samples.map((s) => s.changed.ms));
	const inSyncMs = spread(samples.map((s) => s.inSync.ms));
	const n8nMs = spread(samples.map((s) => s.inSync.ms - waitedMs(s.inSync.sent)));
	const pinReads = changed.reads - inSync.reads;
	return {
		id: '8',
		measure: `Stay sync: ${thousands(STAYS)} stays with ${CHANGES} changes (${NEW_DATES} new dates, ${MOVED} moved, ${REMOVED} removed)`,
		figure: `${changed.requests} requests: ${changed.reads} reads, ${changed.writes} writes; ${ms(changedMs.median)}`,
		baseline: `in sync (0 changes): ${inSync.requests} reads, 0 writes; ${ms(inSyncMs.median)}`,
		ratio: `${times(changed.requests / inSync.requests)} requests, ${times(changedMs.median / inSyncMs.median)} time`,
		noise: `${noise(changedMs, ms)}; ${requests.min}–${requests.max} requests`,
		target: `≤ in-sync reads + the changes' writes + a moved guest's PIN reads (${limit})`,
		verdict: verdict(requests.max <= limit),
		meaning: `Syncing ${thousands(STAYS)} stays with ${CHANGES} changes costs ${changed.requests} requests: ${changed.reads} reads (the units, the owned stays in ${plural(changed.pages, 'page')} of ${PAGE}${pinReads > 0 ? `, and ${pinReads} to keep the moved guests' PINs` : ''}) and ${changed.writes} writes (${NEW_DATES} updates, ${MOVED} moves of a delete and a create each, ${REMOVED} revokes); an in-sync run costs ${inSync.reads} reads and no write. The requests grow with the changes, not the stays: ${ms(changedMs.median)} against ${ms(inSyncMs.median)} in sync at ${LATENCY_MS} ms from Seam, of which about ${ms(n8nMs.median)} is n8n and the node with the ${thousands(STAYS)} input items (chiefly n8n evaluating each item's parameter expressions), not waiting on Seam.`,
	};
}
