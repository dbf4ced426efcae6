import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { acsSystemLocator } from '../../shared/descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get an access control system',
	action: 'Get an ACS system',
};

export const properties: INodeProperties[] = [acsSystemLocator()];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const acs_system_id = readForm(this, i).id({ name: 'acsSystemId', label: 'ACS System' });
	return (await api.call((seam) => seam.acs.systems.get({ acs_system_id }), i)) as IDataObject;
}
