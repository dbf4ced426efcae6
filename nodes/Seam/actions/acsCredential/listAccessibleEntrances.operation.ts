import { answerTo, CREDENTIAL, pickedObjectOperation } from '../pickedObject';

/** One output item per entrance the credential opens. */
export const { option, properties, execute } = pickedObjectOperation(
	CREDENTIAL,
	{
		name: 'List Accessible Entrances',
		description: 'List the entrances a credential opens',
		action: 'List entrances a credential opens',
	},
	answerTo((seam, acs_credential_id) =>
		seam.acs.credentials.listAccessibleEntrances({ acs_credential_id }),
	),
);
