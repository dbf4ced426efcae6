import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { accessGrantLocator } from '../../descriptions/locators';
import { readId } from '../../helpers/ids';
import { readRequiredString } from '../../helpers/text';
import type { SeamApi } from '../../transport/client';

const properties: INodeProperties[] = [
	{
		displayName: 'Get By',
		name: 'getBy',
		type: 'options',
		options: [
			{ name: 'ID', value: 'id' },
			{
				name: 'Access Grant Key',
				value: 'key',
				description: 'Your own key, e.g. the reservation ID',
			},
		],
		default: 'id',
	},
	accessGrantLocator({ displayOptions: { show: { getBy: ['id'] } } }),
	{
		displayName: 'Access Grant Key',
		name: 'accessGrantKey',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. reservation-4711',
		displayOptions: { show: { getBy: ['key'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['accessGrant'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	if (this.getNodeParameter('getBy', i) === 'key') {
		const access_grant_key = readRequiredString(this, 'accessGrantKey', 'Access Grant Key', i);
		return (await api.call(
			(seam) => seam.accessGrants.get({ access_grant_key }),
			i,
		)) as IDataObject;
	}
	const access_grant_id = readId(this, 'accessGrantId', 'Access Grant', i);
	return (await api.call((seam) => seam.accessGrants.get({ access_grant_id }), i)) as IDataObject;
}
