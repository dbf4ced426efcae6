// Reading what a workflow run produced, node by node: the same `data.resultData` shape comes from
// `n8n execute --rawOutput` and from the public API's executions/<id>?includeData=true.

export type Json = Record<string, unknown>;

interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: Array<Array<{ json: Json }> | null> };
}

export interface ExecutionData {
	id?: string;
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			lastNodeExecuted?: string;
			error?: { message?: string; description?: string; node?: { name?: string } };
		};
	};
}

const ANSI = /\u001b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
	return text.replace(ANSI, '');
}

/**
 * `n8n execute --rawOutput` prints its log lines first, then the run as pretty-printed JSON.
 * Returns the run and the JSON text as printed.
 */
export function parseRawOutput(stdout: string): { execution: ExecutionData; json: string } {
	const lines = stripAnsi(stdout).split('\n');
	const start = lines.findIndex((line) => line === '{');
	let end = lines.length;
	while (end > start && lines[end - 1] !== '}') end--;
	if (start === -1 || end <= start) {
		throw new Error(`No execution JSON in n8n's output:\n${stdout.slice(-3000)}`);
	}
	const json = lines.slice(start, end).join('\n');
	return { execution: JSON.parse(json) as ExecutionData, json };
}

/** The error that stopped the run, as "<node>: <message>", or undefined if it succeeded. */
export function runError(execution: ExecutionData): string | undefined {
	const error = execution.data.resultData.error;
	if (!error) return undefined;
	return `${error.node?.name ?? 'workflow'}: ${error.message ?? 'unknown error'}${error.description ? ` (${error.description})` : ''}`;
}

/** Names of the nodes that ran, in the order n8n recorded them. */
export function nodesThatRan(execution: ExecutionData): string[] {
	return Object.keys(execution.data.resultData.runData);
}

/** The JSON of every item a node put out on one of its outputs (run 0 by default). */
export function nodeOutput(
	execution: ExecutionData,
	nodeName: string,
	options: { run?: number; output?: number } = {},
): Json[] {
	const runs = execution.data.resultData.runData[nodeName];
	if (!runs) {
		throw new Error(
			`Node "${nodeName}" did not run; these did: ${nodesThatRan(execution).join(', ')}`,
		);
	}
	const run = runs[options.run ?? 0];
	if (run?.error) throw new Error(`Node "${nodeName}" failed: ${run.error.message}`);
	return (run?.data?.main?.[options.output ?? 0] ?? []).map((item) => item.json);
}

/** The single item a node put out; fails if it put out more or none. */
export function onlyItem(execution: ExecutionData, nodeName: string): Json {
	const items = nodeOutput(execution, nodeName);
	if (items.length !== 1)
		throw new Error(`Node "${nodeName}" put out ${items.length} items, expected 1`);
	return items[0];
}
