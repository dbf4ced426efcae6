import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { accessGrantLocator, accessMethodLocator } from '../../shared/descriptions/locators';
import { doorsIn, type RelatedDoors } from '../../shared/access/accessMethods';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get Related',
	description: 'The doors an access method opens',
	action: 'Get the doors of an access method',
};

export const properties: INodeProperties[] = [
	accessGrantLocator({
		required: false,
		description: 'Narrows the access method list to this grant. Optional.',
	}),
	accessMethodLocator(),
];

/**
 * Which doors the method opens: the devices, entrances and spaces it covers. One getRelated
 * answer holds them all; `doors` is its devices and entrances by name, as in an Access Grant's
 * `pin_codes`.
 */
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
	)) as unknown as RelatedDoors & { spaces?: IDataObject[] };
	return {
		access_method_id,
		doors: doorsIn(related),
		devices: related.devices ?? [],
		acs_entrances: related.acs_entrances ?? [],
		spaces: related.spaces ?? [],
	};
}
