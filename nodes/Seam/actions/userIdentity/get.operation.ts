import { answerTo, pickedObjectOperation, USER_IDENTITY } from '../pickedObject';

export const { option, properties, execute } = pickedObjectOperation(
	USER_IDENTITY,
	{ name: 'Get', description: 'Get a user identity', action: 'Get a user identity' },
	answerTo((seam, user_identity_id) => seam.userIdentities.get({ user_identity_id })),
);
