import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { accessGrantLocator } from '../../descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../transport/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['accessGrant'], operation: ['delete'] } },
	[
		accessGrantLocator({
			description:
				'The grant to revoke: its PIN codes, cards and mobile keys stop working (for a stay: at check-out)',
		}),
	],
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const access_grant_id = readForm(this, i).id({ name: 'accessGrantId', label: 'Access Grant' });
	await api.call((seam) => seam.accessGrants.delete({ access_grant_id }), i);
	return { deleted: true, access_grant_id };
}
