import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { acsUserLocator } from '../../descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../transport/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['acsUser'], operation: ['listAccessibleEntrances'] } },
	[acsUserLocator()],
);

/** One output item per entrance the user can open (through access groups and credentials). */
export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const acs_user_id = readForm(this, i).id({ name: 'acsUserId', label: 'ACS User' });
	return (await api.call(
		(seam) => seam.acs.users.listAccessibleEntrances({ acs_user_id }),
		i,
	)) as unknown as IDataObject[];
}
