import type { N8nInstance } from '../harness/n8nInstance';
import type { ExecutionData, Json } from '../harness/runData';

// Reading a workflow's executions from the main instance's public API, every page of them: a
// load test makes hundreds, more than one page holds.

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	startedAt: string | null;
	stoppedAt: string | null;
}

type Listed = ExecutionSummary & Partial<ExecutionData>;

/** Every execution of the workflow (newest first), with its data when asked. */
export async function allExecutions(
	main: N8nInstance,
	workflowId: string,
	options: { includeData?: boolean } = {},
): Promise<Listed[]> {
	const all: Listed[] = [];
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ workflowId, limit: '250' });
		if (options.includeData) query.set('includeData', 'true');
		if (cursor) query.set('cursor', cursor);
		const page = await main.publicApi<{ data: Listed[]; nextCursor?: string | null }>(
			'GET',
			`/executions?${query}`,
		);
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Waits until at least `count` executions of the workflow have finished and none is left
 * running or queued, then keeps watching for `settleMs` to see that no more arrive.
 */
export async function waitForFinishedExecutions(
	main: N8nInstance,
	workflowId: string,
	count: number,
	options: { timeoutMs: number; settleMs?: number },
): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + options.timeoutMs;
	let executions: ExecutionSummary[] = [];
	for (;;) {
		executions = await allExecutions(main, workflowId);
		const finished = executions.filter((execution) => FINISHED.has(execution.status));
		if (finished.length >= count && finished.length === executions.length) break;
		if (Date.now() > deadline) {
			const byStatus: Record<string, number> = {};
			for (const { status } of executions) byStatus[status] = (byStatus[status] ?? 0) + 1;
			throw new Error(
				`Expected ${count} finished executions of ${workflowId} within ${options.timeoutMs / 1000} s, have ${JSON.stringify(byStatus)}`,
			);
		}
		await sleep(1000);
	}
	await sleep(options.settleMs ?? 3000);
	return await allExecutions(main, workflowId);
}

interface StackEntry {
	node?: { name?: string };
	data?: { main?: Array<Array<{ json: Json }> | null> };
}

/**
 * The JSON of the first item a node put out in one execution (from includeData listings). For a
 * trigger whose run never finished (its worker died), n8n saved only the start: the trigger's
 * item is then still the input waiting for it on the execution stack.
 */
export function firstItemOf(execution: Partial<ExecutionData>, nodeName: string): Json | undefined {
	const ran = execution.data?.resultData.runData[nodeName]?.[0]?.data?.main?.[0]?.[0]?.json;
	if (ran) return ran;
	const data = execution.data as
		| { executionData?: { nodeExecutionStack?: StackEntry[] } }
		| undefined;
	const waiting = data?.executionData?.nodeExecutionStack?.find(
		(entry) => entry.node?.name === nodeName,
	);
	return waiting?.data?.main?.[0]?.[0]?.json;
}
