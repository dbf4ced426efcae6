import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { accessGrantLocator, accessMethodLocator } from '../../descriptions/locators';
import { doorsOf } from '../../helpers/accessMethods';
import { readId } from '../../helpers/ids';
import type { SeamApi } from '../../transport/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['accessMethod'], operation: ['getRelated'] } },
	[
		accessGrantLocator({
			required: false,
			description: 'Narrows the access method list to this grant. Optional.',
		}),
		accessMethodLocator(),
	],
);

/** Which doors the method opens (seed 003, step 4): the devices, entrances and spaces it covers. */
export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const access_method_id = readId(this, 'accessMethodId', 'Access Method', i);
	const related = (await api.call(
		(seam) =>
			seam.accessMethods.getRelated({
				access_method_ids: [access_method_id],
				include: ['devices', 'acs_entrances', 'spaces'],
			}),
		i,
	)) as unknown as IDataObject;
	return {
		access_method_id,
		doors: await doorsOf(api, access_method_id, i),
		devices: related.devices ?? [],
		acs_entrances: related.acs_entrances ?? [],
		spaces: related.spaces ?? [],
	};
}
