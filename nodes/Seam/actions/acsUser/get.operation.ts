import { ACS_USER, answerTo, pickedObjectOperation } from '../pickedObject';

export const { option, properties, execute } = pickedObjectOperation(
	ACS_USER,
	{ name: 'Get', description: 'Get a user', action: 'Get an ACS user' },
	answerTo((seam, acs_user_id) => seam.acs.users.get({ acs_user_id })),
);
