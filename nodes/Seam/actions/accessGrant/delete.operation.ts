import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { accessGrantLocator } from '../../shared/descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Revoke a grant and all its access methods',
	action: 'Delete an access grant',
};

export const properties: INodeProperties[] = [
	accessGrantLocator({
		description:
			'The grant to revoke: its PIN codes, cards and mobile keys stop working (for a stay: at check-out)',
	}),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const access_grant_id = readForm(this, i).id({ name: 'accessGrantId', label: 'Access Grant' });
	await api.call((seam) => seam.accessGrants.delete({ access_grant_id }), i);
	return { deleted: true, access_grant_id };
}
