import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { accessGrantLocator } from '../../shared/descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

const GET_BY_OPTIONS = [
	{ name: 'ID', value: 'id' },
	{
		name: 'Access Grant Key',
		value: 'key',
		description: 'Your own key, e.g. the reservation ID',
	},
];

const GET_BY = { name: 'getBy', label: 'Get By' };
const GRANT = { name: 'accessGrantId', label: 'Access Grant' };
const KEY = { name: 'accessGrantKey', label: 'Access Grant Key' };

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a grant by ID or by your access grant key',
	action: 'Get an access grant',
};

export const properties: INodeProperties[] = [
	{
		displayName: GET_BY.label,
		name: GET_BY.name,
		type: 'options',
		options: GET_BY_OPTIONS,
		default: 'id',
	},
	accessGrantLocator({ displayOptions: { show: { getBy: ['id'] } } }),
	{
		displayName: KEY.label,
		name: KEY.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. reservation-4711',
		displayOptions: { show: { getBy: ['key'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	if (form.choice<'id' | 'key'>(GET_BY, GET_BY_OPTIONS) === 'key') {
		const access_grant_key = form.requiredText(KEY);
		return (await api.call(
			(seam) => seam.accessGrants.get({ access_grant_key }),
			i,
		)) as IDataObject;
	}
	const access_grant_id = form.id(GRANT);
	return (await api.call((seam) => seam.accessGrants.get({ access_grant_id }), i)) as IDataObject;
}
