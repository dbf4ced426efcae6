import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readEventSelection, type EventSelection } from './eventSelection';

/** The event picker of the node at hand; a bad choice becomes an error on the node. */
export function nodeSelection(
	context: Pick<IHookFunctions, 'getNode' | 'getNodeParameter'>,
): EventSelection {
	const result = readEventSelection((name, fallback) => context.getNodeParameter(name, fallback));
	if (!result.ok) throw new NodeOperationError(context.getNode(), result.problem);
	return result.selection;
}
