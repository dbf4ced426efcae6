import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { accessGrantLocator } from '../../descriptions/locators';
import { readTimeWindow } from '../../helpers/dates';
import { readId } from '../../helpers/ids';
import type { SeamApi } from '../../transport/client';
import type { SeamClient, SeamParams } from '../../transport/sdk';

const properties: INodeProperties[] = [
	accessGrantLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Ends At',
				name: 'endsAt',
				type: 'dateTime',
				default: '',
				description: 'New end of access, e.g. a later check-out',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Starts At',
				name: 'startsAt',
				type: 'dateTime',
				default: '',
				description: 'New start of access, e.g. an early check-in',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['accessGrant'], operation: ['update'] } },
	properties,
);

/** Changes the grant's times or name; its PIN codes follow. Returns the updated grant. */
export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const access_grant_id = readId(this, 'accessGrantId', 'Access Grant', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as {
		startsAt?: string;
		endsAt?: string;
		name?: string;
	};
	const window = await readTimeWindow(
		this,
		{ startsAt: fields.startsAt, endsAt: fields.endsAt },
		{ starts: 'Starts At', ends: 'Ends At' },
		i,
	);
	const params: SeamParams<SeamClient['accessGrants']['update']> = { access_grant_id, ...window };
	if (fields.name?.trim()) params.name = fields.name.trim();
	if (Object.keys(params).length === 1) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex: i,
			description: 'Add Starts At, Ends At or Name under "Update Fields".',
		});
	}
	if (Boolean(window.starts_at) !== Boolean(window.ends_at)) {
		// One end moved: check it against the other, current end before asking Seam.
		const current = (await api.call(
			(seam) => seam.accessGrants.get({ access_grant_id }),
			i,
		)) as IDataObject;
		await readTimeWindow(
			this,
			{
				startsAt: window.starts_at ?? current.starts_at,
				endsAt: window.ends_at ?? current.ends_at,
			},
			{ starts: 'Starts At', ends: 'Ends At' },
			i,
		);
	}
	await api.call((seam) => seam.accessGrants.update(params), i);
	return (await api.call((seam) => seam.accessGrants.get({ access_grant_id }), i)) as IDataObject;
}
