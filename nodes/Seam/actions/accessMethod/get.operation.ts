import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { accessGrantLocator, accessMethodLocator } from '../../descriptions/locators';
import { readId } from '../../helpers/ids';
import type { SeamApi } from '../../transport/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['accessMethod'], operation: ['get'] } },
	[
		accessGrantLocator({
			required: false,
			description: 'Narrows the access method list to this grant. Optional.',
		}),
		accessMethodLocator(),
	],
);

/** An access method, with its PIN in `code` once `is_issued` is true. */
export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const access_method_id = readId(this, 'accessMethodId', 'Access Method', i);
	return (await api.call((seam) => seam.accessMethods.get({ access_method_id }), i)) as IDataObject;
}
