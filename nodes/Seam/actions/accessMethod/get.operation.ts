import { ACCESS_METHOD, answerTo, pickedObjectOperation } from '../pickedObject';

/** An access method, with its PIN in `code` once `is_issued` is true. */
export const { option, properties, execute } = pickedObjectOperation(
	ACCESS_METHOD,
	{
		name: 'Get',
		description: 'Get an access method, with its PIN code once issued',
		action: 'Get an access method',
	},
	answerTo((seam, access_method_id) => seam.accessMethods.get({ access_method_id })),
);
