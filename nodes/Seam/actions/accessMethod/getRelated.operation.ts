import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { accessGrantLocator, accessMethodLocator } from '../../descriptions/locators';
import { doorsOf } from '../../helpers/accessMethods';
import { readForm } from '../../shared/parameters';
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
	const form = readForm(this, i);
	// Access Grant only narrows the Access Method list in the editor and is not sent; a value that is
	// not an ID still means a broken mapping, so it is refused like any other field.
	form.optionalId({ name: 'accessGrantId', label: 'Access Grant' });
	const access_method_id = form.id({ name: 'accessMethodId', label: 'Access Method' });
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
