import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { accessGrantLocator, accessMethodLocator } from '../../shared/descriptions/locators';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get an access method, with its PIN code once issued',
	action: 'Get an access method',
};

export const properties: INodeProperties[] = [
	accessGrantLocator({
		required: false,
		description: 'Narrows the access method list to this grant. Optional.',
	}),
	accessMethodLocator(),
];

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
