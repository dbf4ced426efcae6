import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { accessGrantLocator, accessMethodLocator } from '../../descriptions/locators';
import { readForm } from '../../shared/parameters';
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
	const form = readForm(this, i);
	// Access Grant only narrows the Access Method list in the editor and is not sent; a value that is
	// not an ID still means a broken mapping, so it is refused like any other field.
	form.optionalId({ name: 'accessGrantId', label: 'Access Grant' });
	const access_method_id = form.id({ name: 'accessMethodId', label: 'Access Method' });
	return (await api.call((seam) => seam.accessMethods.get({ access_method_id }), i)) as IDataObject;
}
