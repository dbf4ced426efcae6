import type * as IcalModule from '../../../../../vendor/ical';

export type Ical = typeof IcalModule;

let ical: Promise<Ical> | undefined;

/**
 * ical.js (bundled in dist/vendor), loaded with the first calendar feed rather than when n8n reads
 * the node's description at start-up.
 */
export async function loadIcal(): Promise<Ical> {
	if (!ical) ical = import('../../../../../vendor/ical');
	return await ical;
}
