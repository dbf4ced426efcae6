import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readBatching, readTimeoutMs } from '../shared/descriptions/requestOptions';
import { readForm } from '../shared/parameters';
import { connectToSeam, type SeamApi, type TransportSettings } from '../shared/transport/client';
import { markedToPassLater } from '../shared/transport/mayPassLater';
import { findOperation } from './registry';
import { resources } from './resources';
import { runItems } from './runItems';

type CleanError = NodeApiError | NodeOperationError;

/**
 * One failed input item, when the node continues on error: `{ error: { message, description,
 * httpCode, retryable } }`, as n8n's HTTP Request node gives its errors. The json holds the one key `error`
 * because n8n sends an item down "Continue (using error output)" only when its json has no
 * other key (n8n 1.x: exactly that; 2.x also allows message and details); the object keeps what
 * a workflow branches on.
 */
function errorItem(error: CleanError, itemIndex: number): INodeExecutionData {
	const failure: IDataObject = { message: error.message };
	if (error.description) failure.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) failure.httpCode = error.httpCode;
	failure.retryable = isTransient(error);
	return { json: { error: failure }, pairedItem: { item: itemIndex } };
}

/**
 * Whether the same item may succeed later unchanged: Seam was busy (429), failing (5xx) or out of
 * reach, or a lock was offline or slow (marked with mayPassLater). Anything else the node refused,
 * and anything Seam answered with a 4xx, needs the input fixed.
 */
function isTransient(error: CleanError): boolean {
	if (markedToPassLater(error)) return true;
	if (!(error instanceof NodeApiError)) return false;
	const status = Number(error.httpCode);
	return !error.httpCode || status === 429 || status >= 500;
}

/**
 * Errors from Seam are cleaned in the transport; errors the node raises itself may quote form
 * values, and a key pasted into a field must not reach the execution log either. n8n keeps the
 * text an error was built from as its `cause` (and in `messages`), logs the whole cause chain and
 * saves it with the execution, so every link is cleaned, not only the error shown.
 */
function withoutSecret<E extends CleanError>(error: E, api: SeamApi): E {
	let link: unknown = error;
	for (let depth = 0; link instanceof Error && depth < 8; depth++) {
		const current = link as Error & { description?: unknown; messages?: unknown };
		current.message = api.redact(current.message);
		if (typeof current.description === 'string')
			current.description = api.redact(current.description);
		if (Array.isArray(current.messages)) {
			current.messages = current.messages.map((text) => api.redact(String(text)));
		}
		if (typeof current.stack === 'string') current.stack = api.redact(current.stack);
		link = current.cause;
	}
	return error;
}

function cleanError(context: IExecuteFunctions, caught: unknown, itemIndex: number): CleanError {
	return caught instanceof NodeApiError || caught instanceof NodeOperationError
		? caught
		: new NodeOperationError(context.getNode(), (caught as Error).message ?? String(caught), {
				itemIndex,
			});
}

export async function router(
	this: IExecuteFunctions,
	transport: Readonly<TransportSettings>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const api = await connectToSeam(this, transport);
	if (items.length === 0) return [[]];

	// One connection per timeout: the node's own, and one for each Timeout option an item sets
	// (an expression may give items different ones). Only the timeout differs from the node's.
	const connections = new Map<number, Promise<SeamApi>>([
		[transport.timeoutMs, Promise.resolve(api)],
	]);
	const connection = async (timeoutMs: number): Promise<SeamApi> => {
		let connected = connections.get(timeoutMs);
		if (!connected) {
			connected = connectToSeam(this, { ...transport, timeoutMs });
			connections.set(timeoutMs, connected);
		}
		return await connected;
	};

	const continueOnFail = this.continueOnFail();
	const once = findOperation(
		resources,
		this.getNodeParameter('resource', 0) as string,
		this.getNodeParameter('operation', 0) as string,
	);
	if (once?.executeOnce && once.runsOnce) {
		try {
			if (once.runsOnce.call(this)) return [await once.executeOnce.call(this, api)];
		} catch (caught) {
			const clean = withoutSecret(cleanError(this, caught, 0), api);
			if (continueOnFail) return [[errorItem(clean, 0)]];
			throw clean;
		}
	}

	const runItem = async (i: number): Promise<INodeExecutionData[]> => {
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const handler = findOperation(resources, resource, operation);
			if (!handler) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" is not known for "${resource}"`,
					{ itemIndex: i },
				);
			}
			const timeoutMs = readTimeoutMs(readForm(this, i)) ?? transport.timeoutMs;
			const result = await handler.execute.call(this, i, await connection(timeoutMs));
			return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
				itemData: { item: i },
			});
		} catch (caught) {
			throw withoutSecret(cleanError(this, caught, i), api);
		}
	};

	// Batching decides how all items run, so it is read once (for the first item); a bad value
	// stops the run whatever Continue On Fail says: no item could run as the user meant.
	let batches;
	try {
		batches = readBatching(readForm(this, 0));
	} catch (caught) {
		throw withoutSecret(cleanError(this, caught, 0), api);
	}

	const outcomes = await runItems(items.length, runItem, {
		batches,
		stopAfterFailure: !continueOnFail,
	});

	// In item order, whatever finished first: item i's output (or error item) stays at its place,
	// and without Continue On Fail the error is the first failing item's, as one after another.
	const returnData: INodeExecutionData[] = [];
	for (const [i, outcome] of outcomes.entries()) {
		if (outcome.ok) returnData.push(...outcome.value);
		else if (continueOnFail) returnData.push(errorItem(outcome.error as CleanError, i));
		else throw outcome.error;
	}
	return [returnData];
}
