import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { displayName } from '../seamObjects/displayName';
import type { SeamApi } from '../transport/client';
import { waitUntil } from './waitUntil';

/**
 * Polls the grant's access methods until every one is issued. Seam issues them asynchronously
 * (almost at once in a sandbox, a few moments on real locks): reads come quickly at first and
 * spread out as the wait goes on (waitUntil's pace).
 */
export async function waitUntilIssued(
	context: IExecuteFunctions,
	api: SeamApi,
	accessGrantId: string,
	timeoutSeconds: number,
	itemIndex: number,
): Promise<IDataObject[]> {
	const pending = (methods: IDataObject[]) => methods.filter((m) => m.is_issued !== true);
	return await waitUntil({
		read: async () =>
			(await api.call(
				(seam) => seam.accessMethods.list({ access_grant_id: accessGrantId }),
				itemIndex,
			)) as unknown as IDataObject[],
		ready: (methods) => methods.length > 0 && pending(methods).length === 0,
		timeoutSeconds,
		timedOut: (methods, waited) => {
			const which =
				pending(methods)
					.map((m) => `${m.mode} ${m.access_method_id}`)
					.join(', ') || 'none created yet';
			return new NodeOperationError(
				context.getNode(),
				`The access methods were not issued within ${waited}`,
				{
					itemIndex,
					description: `Access Grant ${accessGrantId} exists. Not issued yet: ${which}. Read them later with Access Method → Get Many, or raise "Wait Timeout".`,
				},
			);
		},
	});
}

/** What `accessMethods.getRelated` answers, as far as doors go. */
export interface RelatedDoors {
	devices?: IDataObject[];
	acs_entrances?: IDataObject[];
}

/** The doors in a getRelated answer: its devices and ACS entrances, by name and ID. */
export function doorsIn(related: RelatedDoors): IDataObject[] {
	return [
		...(related.devices ?? []).map((d) => ({
			type: 'device',
			device_id: d.device_id,
			name: displayName(d, d.device_id),
		})),
		...(related.acs_entrances ?? []).map((e) => ({
			type: 'acs_entrance',
			acs_entrance_id: e.acs_entrance_id,
			name: displayName(e, e.acs_entrance_id),
		})),
	];
}

/** The doors one access method opens. */
export async function doorsOf(
	api: SeamApi,
	accessMethodId: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const related = (await api.call(
		(seam) =>
			seam.accessMethods.getRelated({
				access_method_ids: [accessMethodId],
				include: ['devices', 'acs_entrances'],
			}),
		itemIndex,
	)) as unknown as RelatedDoors;
	return doorsIn(related);
}

/** What a guest message needs: each PIN with the doors it opens (one read per PIN, made together). */
export async function pinCodesWithDoors(
	api: SeamApi,
	methods: IDataObject[],
	itemIndex: number,
): Promise<IDataObject[]> {
	return await Promise.all(
		methods
			.filter((m) => m.mode === 'code' && m.code)
			.map(async (method) => ({
				code: method.code,
				access_method_id: method.access_method_id,
				doors: await doorsOf(api, String(method.access_method_id), itemIndex),
			})),
	);
}
