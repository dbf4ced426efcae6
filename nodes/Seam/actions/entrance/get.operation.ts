import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { acsSystemLocator, entranceLocator } from '../../shared/descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get an entrance (door)',
	action: 'Get an entrance',
};

export const properties: INodeProperties[] = [
	acsSystemLocator({
		required: false,
		description: 'Narrows the entrance list to this ACS system. Optional.',
	}),
	entranceLocator(),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	// ACS System only narrows the Entrance list in the editor and is not sent; a value that is
	// not an ID still means a broken mapping, so it is refused like any other field.
	form.optionalId({ name: 'acsSystemId', label: 'ACS System' });
	const acs_entrance_id = form.id({ name: 'entranceId', label: 'Entrance' });
	return (await api.call((seam) => seam.acs.entrances.get({ acs_entrance_id }), i)) as IDataObject;
}
