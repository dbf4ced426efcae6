import { answerTo, CREDENTIAL, pickedObjectOperation } from '../pickedObject';

export const { option, properties, execute } = pickedObjectOperation(
	CREDENTIAL,
	{
		name: 'Get',
		description: 'Get a credential, with its PIN code',
		action: 'Get a credential',
	},
	answerTo((seam, acs_credential_id) => seam.acs.credentials.get({ acs_credential_id })),
);
