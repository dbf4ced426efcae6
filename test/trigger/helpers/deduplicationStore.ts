/**
 * n8n's de-duplication store as n8n's own DeduplicationHelper keeps it (packages/cli, read in
 * n8n 2.41.1), "entries" mode only, in memory instead of the ProcessedData table: one row per
 * workflow and context (`n:<node id>` for scope "node"), read whole, appended to, trimmed to
 * maxEntries from the oldest, and written back whole, without a lock. `afterWrite` lets a test
 * put another process's write, made from a copy it read earlier, after one call's (a lost
 * update); `failure` makes calls on a row fail (the database is down).
 */
import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

export class InMemoryDeduplicationStore implements IDataDeduplicator {
	/** Rows by `${workflowId}|${context}`: the recorded values, oldest first. */
	readonly rows = new Map<string, string[]>();
	/** Runs after a call wrote its row back. */
	afterWrite?: (rowKey: string) => void;
	/** An error for calls on a row (the database is down), or undefined. */
	failure?: (rowKey: string) => Error | undefined;
	calls = 0;

	static rowKey(scope: DeduplicationScope, contextData: ICheckProcessedContextData): string {
		const context = scope === 'node' ? `n:${contextData.node?.id}` : '';
		return `${contextData.workflow.id}|${context}`;
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		this.calls++;
		if (options.mode !== 'entries') throw new Error(`mode ${options.mode} is not modelled`);
		const key = InMemoryDeduplicationStore.rowKey(scope, contextData);
		const failure = this.failure?.(key);
		if (failure) throw failure;
		const row = [...(this.rows.get(key) ?? [])];
		await Promise.resolve();
		const output: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			const value = String(item);
			if (row.includes(value)) output.processed.push(item);
			else {
				output.new.push(item);
				row.push(value);
			}
		}
		if (options.maxEntries) row.splice(0, row.length - options.maxEntries);
		this.rows.set(key, row);
		this.afterWrite?.(key);
		return output;
	}

	async removeProcessed(): Promise<void> {
		throw new Error('not modelled');
	}

	async clearAllProcessedItems(): Promise<void> {
		this.rows.clear();
	}

	async getProcessedDataCount(
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
	): Promise<number> {
		return this.rows.get(InMemoryDeduplicationStore.rowKey(scope, contextData))?.length ?? 0;
	}
}

/** n8n initialises its service once per process; so does a test file (Jest: one per file). */
export async function installDeduplicationStore(): Promise<InMemoryDeduplicationStore> {
	const store = new InMemoryDeduplicationStore();
	await DataDeduplicationService.init(store);
	return store;
}
