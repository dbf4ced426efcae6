import type { IDataObject } from 'n8n-workflow';

import { doorsIn, type RelatedDoors } from '../../shared/access/accessMethods';
import { ACCESS_METHOD, pickedObjectOperation } from '../pickedObject';

/**
 * Which doors the method opens: the devices, entrances and spaces it covers. One getRelated
 * answer holds them all; `doors` is its devices and entrances by name, as in an Access Grant's
 * `pin_codes`.
 */
export const { option, properties, execute } = pickedObjectOperation(
	ACCESS_METHOD,
	{
		name: 'Get Related',
		description: 'The doors an access method opens',
		action: 'Get the doors of an access method',
	},
	async (api, access_method_id, i) => {
		const related = (await api.call(
			(seam) =>
				seam.accessMethods.getRelated({
					access_method_ids: [access_method_id],
					include: ['devices', 'acs_entrances', 'spaces'],
				}),
			i,
		)) as unknown as RelatedDoors & { spaces?: IDataObject[] };
		return {
			access_method_id,
			doors: doorsIn(related),
			devices: related.devices ?? [],
			acs_entrances: related.acs_entrances ?? [],
			spaces: related.spaces ?? [],
		};
	},
);
