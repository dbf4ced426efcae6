import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection } from '../../shared/descriptions/filters';
import {
	deviceLocator,
	entranceLocator,
	spaceLocator,
	userIdentityLocator,
} from '../../shared/descriptions/locators';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { listPaginated } from '../../shared/transport/paginate';
import { type FormReader, readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';

type ListParams = SeamParams<SeamClient['accessGrants']['list']>;

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List grants',
	action: 'Get many access grants',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		{ displayName: 'Access Grant Key', name: 'accessGrantKey', type: 'string', default: '' },
		deviceLocator({ required: false, description: 'Only grants covering this device' }),
		entranceLocator({ required: false, description: 'Only grants covering this ACS entrance' }),
		spaceLocator({ required: false, description: 'Only grants covering this space' }),
		userIdentityLocator({ required: false, description: 'Only the grants of this person' }),
	]),
];

function readFilters(form: FormReader): ListParams {
	const params: ListParams = {};
	const access_grant_key = form.text({ name: 'filters.accessGrantKey', label: 'Access Grant Key' });
	const device_id = form.optionalId({ name: 'filters.deviceId', label: 'Device' });
	const acs_entrance_id = form.optionalId({ name: 'filters.entranceId', label: 'Entrance' });
	const space_id = form.optionalId({ name: 'filters.spaceId', label: 'Space' });
	const user_identity_id = form.optionalId({
		name: 'filters.userIdentityId',
		label: 'User Identity',
	});
	if (user_identity_id) params.user_identity_id = user_identity_id;
	if (access_grant_key) params.access_grant_key = access_grant_key;
	if (device_id) params.device_id = device_id;
	if (acs_entrance_id) params.acs_entrance_id = acs_entrance_id;
	if (space_id) params.space_id = space_id;
	return params;
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const params = readFilters(form);
	return await listPaginated(api, i, form.returnLimit(), (seam, limit) =>
		seam.createPaginator(seam.accessGrants.list({ ...params, limit })),
	);
}
