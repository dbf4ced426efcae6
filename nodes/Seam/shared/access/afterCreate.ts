import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Runs the steps that follow a successful create (waiting for a PIN, reading what it opens).
 * If one fails, the object still exists: the error says so and how to avoid a second one on a
 * re-run, instead of looking like nothing happened.
 */
export async function afterCreate<T>(
	node: INode,
	itemIndex: number,
	created: { what: string; rerun: string; several?: boolean },
	steps: () => Promise<T>,
): Promise<T> {
	try {
		return await steps();
	} catch (error) {
		const failure =
			error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(node, error as Error, { itemIndex });
		const note = `${created.what} ${created.several ? 'were' : 'was'} created before this step failed. ${created.rerun}`;
		const said = typeof failure.description === 'string' ? failure.description : '';
		if (!said.includes(created.what)) failure.description = said ? `${said}\n${note}` : note;
		throw failure;
	}
}
