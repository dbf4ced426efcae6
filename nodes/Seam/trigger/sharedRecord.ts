import { sleep } from 'n8n-workflow';

// n8n's de-duplication store keeps one row per workflow and node, and each record reads the row
// whole and writes it back whole, without a lock: when two processes (two queue-mode workers)
// record at the same moment, the later write drops what the other had just added, and a retry of
// that event would run again. So each process
// - records one after another (no two of its own writes overlap), the runs that ask meanwhile
//   together in the next record;
// - keeps the events it recorded in the last half minute and sends them along with every record,
//   so that whatever another process's write dropped is added again by its next one;
// - after its last write, records them once more when any write that began before it has surely
//   ended (SETTLE_MS), and again for as long as that finds something missing.

/** Longer than one record (a read and a write of one row) takes on a busy database. */
export const SETTLE_MS = 2000;
/** How long this process keeps adding an event it recorded again. */
const CARRY_MS = 30_000;
const MAX_CARRIED = 1000;
/** Seam Trigger nodes this process keeps records for at most. */
const MAX_NODES = 100;

/** Records the events; returns those that were not recorded yet. */
export type RecordEvents = (eventIds: string[]) => Promise<string[]>;

interface Batch {
	claims: Map<string, symbol>;
	written: Promise<Set<string>>;
}

class NodeRecords {
	/** Event id → when this process recorded it (epoch ms), oldest first. */
	private readonly carried = new Map<string, number>();
	private queue: Promise<unknown> = Promise.resolve();
	/** The events waiting for the next record, by the run that asked first. */
	private nextBatch: Batch | undefined;
	private lastWriteAt = 0;
	private settling = false;

	constructor(
		public record: RecordEvents,
		public warn: (message: string) => void,
	) {}

	/**
	 * Records the events; returns those no earlier record holds (they run now). Runs that ask
	 * while a record is being written are recorded together by the next one, so that the records
	 * keep up with the runs however slow the database is (on one n8n, SQLite took longer for one
	 * record than the runs took to arrive).
	 */
	async add(eventIds: string[]): Promise<Set<string>> {
		let batch = this.nextBatch;
		if (!batch) {
			const forming: Batch = { claims: new Map(), written: Promise.resolve(new Set()) };
			forming.written = this.oneAtATime(async () => {
				this.nextBatch = undefined;
				return await this.write([...forming.claims.keys()]);
			});
			this.nextBatch = batch = forming;
		}
		// The same event asked for twice in one batch runs for the first asker only.
		const claim = Symbol('run');
		for (const eventId of eventIds)
			if (!batch.claims.has(eventId)) batch.claims.set(eventId, claim);
		const added = await batch.written;
		return new Set(
			eventIds.filter((eventId) => added.has(eventId) && batch.claims.get(eventId) === claim),
		);
	}

	/** One record of the batch's events and the carried ones; returns the batch's new ones. */
	private async write(eventIds: string[]): Promise<Set<string>> {
		const wanted = new Set(eventIds);
		const carried = this.carriedIds().filter((eventId) => !wanted.has(eventId));
		let added: Set<string>;
		try {
			added = new Set(await this.record([...eventIds, ...carried]));
		} finally {
			this.lastWriteAt = Date.now();
		}
		const fresh = new Set(eventIds.filter((eventId) => added.has(eventId)));
		const now = Date.now();
		for (const eventId of fresh) this.carried.set(eventId, now);
		for (const eventId of this.carried.keys()) {
			if (this.carried.size <= MAX_CARRIED) break;
			this.carried.delete(eventId);
		}
		this.settleLater();
		return fresh;
	}

	private carriedIds(): string[] {
		const since = Date.now() - CARRY_MS;
		for (const [eventId, at] of this.carried) {
			if (at >= since) break;
			this.carried.delete(eventId);
		}
		return [...this.carried.keys()];
	}

	private async oneAtATime<T>(work: () => Promise<T>): Promise<T> {
		const run = this.queue.then(work, work);
		this.queue = run.catch(() => undefined);
		return await run;
	}

	private settleLater(): void {
		if (this.settling) return;
		this.settling = true;
		void this.settle()
			.catch((error: Error) =>
				this.warn(
					`Seam Trigger could not check its records in n8n's de-duplication store again: ${error.message}`,
				),
			)
			.finally(() => (this.settling = false));
	}

	private async settle(): Promise<void> {
		for (;;) {
			for (let wait = SETTLE_MS; wait > 0; wait = this.lastWriteAt + SETTLE_MS - Date.now()) {
				await sleep(wait);
			}
			const again = await this.oneAtATime(async () => {
				// A record made while this one waited: wait for its writes to settle instead.
				if (this.lastWriteAt + SETTLE_MS > Date.now()) return true;
				const carried = this.carriedIds();
				if (carried.length === 0) return false;
				try {
					return (await this.record(carried)).length > 0;
				} finally {
					this.lastWriteAt = Date.now();
				}
			});
			if (!again) return;
		}
	}
}

const nodes = new Map<string, NodeRecords>();

/**
 * This process's records for one Seam Trigger node (`key`: workflow and node id). `record` and
 * `warn` come from the latest run and are used for the checks after it too.
 */
export function keepRecords(
	key: string,
	record: RecordEvents,
	warn: (message: string) => void,
): NodeRecords {
	let records = nodes.get(key);
	if (records) {
		nodes.delete(key);
		records.record = record;
		records.warn = warn;
	} else {
		records = new NodeRecords(record, warn);
	}
	nodes.set(key, records);
	if (nodes.size > MAX_NODES) nodes.delete(nodes.keys().next().value as string);
	return records;
}
