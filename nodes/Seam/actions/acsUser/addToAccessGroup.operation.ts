import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { acsSystemLocator, acsUserLocator } from '../../descriptions/locators';
import { accessGroupsMultiSelect } from '../../descriptions/multiSelect';
import { readId, readIdList } from '../../helpers/ids';
import type { SeamApi } from '../../transport/client';

const properties: INodeProperties[] = [
	acsSystemLocator({ description: 'The ACS system of the user and the access groups' }),
	acsUserLocator(),
	accessGroupsMultiSelect({
		required: true,
		description:
			'Access groups to add the user to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['acsUser'], operation: ['addToAccessGroup'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number, api: SeamApi): Promise<IDataObject> {
	const acs_user_id = readId(this, 'acsUserId', 'ACS User', i);
	const groupIds = readIdList(this, 'accessGroupIds', 'Access Groups', i);
	if (groupIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Access Groups is required', {
			itemIndex: i,
			description: 'Choose at least one access group.',
		});
	}
	for (const acs_access_group_id of groupIds) {
		await api.call((seam) => seam.acs.users.addToAccessGroup({ acs_user_id, acs_access_group_id }), i);
	}
	return { success: true, acs_user_id, added_acs_access_group_ids: groupIds };
}
