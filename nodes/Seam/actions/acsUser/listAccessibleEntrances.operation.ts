import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { acsUserLocator } from '../../shared/descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'List Accessible Entrances',
	description: 'List the entrances the user can open',
	action: 'List entrances an ACS user can open',
};

export const properties: INodeProperties[] = [acsUserLocator()];

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
