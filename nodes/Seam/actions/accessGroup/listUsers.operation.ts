import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { accessGroupLocator, acsSystemLocator } from '../../shared/descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'List Users',
	description: 'List the members of the group',
	action: 'List users of an access group',
};

export const properties: INodeProperties[] = [
	acsSystemLocator({
		required: false,
		description: 'Narrows the access group list to this ACS system. Optional.',
	}),
	accessGroupLocator(),
];

/** One output item per member of the group. */
export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	// ACS System only narrows the Access Group list in the editor and is not sent; a value that is
	// not an ID still means a broken mapping, so it is refused like any other field.
	form.optionalId({ name: 'acsSystemId', label: 'ACS System' });
	const acs_access_group_id = form.id({
		name: 'accessGroupId',
		label: 'Access Group',
	});
	return (await api.call(
		(seam) => seam.acs.accessGroups.listUsers({ acs_access_group_id }),
		i,
	)) as unknown as IDataObject[];
}
