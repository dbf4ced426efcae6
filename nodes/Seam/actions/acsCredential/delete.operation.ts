import { CREDENTIAL, pickedObjectOperation } from '../pickedObject';

export const { option, properties, execute } = pickedObjectOperation(
	CREDENTIAL,
	{ name: 'Delete', description: 'Revoke a credential', action: 'Delete a credential' },
	async (api, acs_credential_id, i) => {
		await api.call((seam) => seam.acs.credentials.delete({ acs_credential_id }), i);
		return { deleted: true, acs_credential_id };
	},
	{ description: 'The credential to revoke. Its PIN stops working.' },
);
