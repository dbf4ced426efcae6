import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { acsSystemLocator } from '../../descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../transport/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['acsSystem'], operation: ['get'] } },
	[acsSystemLocator()],
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const acs_system_id = readForm(this, i).id({ name: 'acsSystemId', label: 'ACS System' });
	return (await api.call((seam) => seam.acs.systems.get({ acs_system_id }), i)) as IDataObject;
}
