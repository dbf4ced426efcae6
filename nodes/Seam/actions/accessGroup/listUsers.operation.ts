import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { accessGroupLocator, acsSystemLocator } from '../../descriptions/locators';
import { readId } from '../../helpers/ids';
import type { SeamApi } from '../../transport/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['accessGroup'], operation: ['listUsers'] } },
	[
		acsSystemLocator({
			required: false,
			description: 'Narrows the access group list to this ACS system. Optional.',
		}),
		accessGroupLocator(),
	],
);

/** One output item per member of the group. */
export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const acs_access_group_id = readId(this, 'accessGroupId', 'Access Group', i);
	return (await api.call(
		(seam) => seam.acs.accessGroups.listUsers({ acs_access_group_id }),
		i,
	)) as unknown as IDataObject[];
}
