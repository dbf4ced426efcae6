import type * as LuxonModule from '../../../vendor/luxon';

let luxon: Promise<typeof LuxonModule> | undefined;

/**
 * Luxon (bundled in dist/vendor), loaded with the first date that needs it rather than when n8n
 * reads the node's description at start-up.
 */
export async function loadLuxon(): Promise<typeof LuxonModule> {
	if (!luxon) luxon = import('../../../vendor/luxon');
	return await luxon;
}
