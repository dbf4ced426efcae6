import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, SEARCH_FILTER, searchFilter } from '../../shared/descriptions/filters';
import { acsSystemLocator, userIdentityLocator } from '../../shared/descriptions/locators';
import { returnAllOrLimit } from '../../shared/descriptions/returnAll';
import { listPaginated } from '../../shared/transport/paginate';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List users',
	action: 'Get many ACS users',
};

export const properties: INodeProperties[] = [
	acsSystemLocator({
		required: false,
		description: 'Only users of this ACS system. Leave empty for all systems.',
	}),
	...returnAllOrLimit,
	filtersCollection([
		searchFilter('Only users whose name, email or phone number contains this text'),
		userIdentityLocator({
			required: false,
			description: 'Only the ACS users linked to this user identity',
		}),
	]),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const params: SeamParams<SeamClient['acs']['users']['list']> = {};
	const acs_system_id = form.optionalId({ name: 'acsSystemId', label: 'ACS System' });
	const search = form.text(SEARCH_FILTER);
	const user_identity_id = form.optionalId({
		name: 'filters.userIdentityId',
		label: 'User Identity',
	});
	if (acs_system_id) params.acs_system_id = acs_system_id;
	if (user_identity_id) params.user_identity_id = user_identity_id;
	if (search) params.search = search;
	return await listPaginated(api, i, form.returnLimit(), (seam, limit) =>
		seam.createPaginator(seam.acs.users.list({ ...params, limit })),
	);
}
