import { ACS_USER, answerTo, pickedObjectOperation } from '../pickedObject';

/** One output item per entrance the user can open (through access groups and credentials). */
export const { option, properties, execute } = pickedObjectOperation(
	ACS_USER,
	{
		name: 'List Accessible Entrances',
		description: 'List the entrances the user can open',
		action: 'List entrances an ACS user can open',
	},
	answerTo((seam, acs_user_id) => seam.acs.users.listAccessibleEntrances({ acs_user_id })),
);
