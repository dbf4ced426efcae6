import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { acsSystemLocator, entranceLocator } from '../../descriptions/locators';
import { readId } from '../../helpers/ids';
import type { SeamApi } from '../../transport/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['entrance'], operation: ['get'] } },
	[
		acsSystemLocator({
			required: false,
			description: 'Narrows the entrance list to this ACS system. Optional.',
		}),
		entranceLocator(),
	],
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const acs_entrance_id = readId(this, 'entranceId', 'Entrance', i);
	return (await api.call((seam) => seam.acs.entrances.get({ acs_entrance_id }), i)) as IDataObject;
}
