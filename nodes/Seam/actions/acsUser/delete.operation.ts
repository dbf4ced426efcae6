import { ACS_USER, pickedObjectOperation } from '../pickedObject';

export const { option, properties, execute } = pickedObjectOperation(
	ACS_USER,
	{
		name: 'Delete',
		description: 'Delete a user and invalidate their credentials',
		action: 'Delete an ACS user',
	},
	async (api, acs_user_id, i) => {
		await api.call((seam) => seam.acs.users.delete({ acs_user_id }), i);
		return { deleted: true, acs_user_id };
	},
	{ description: 'The user to delete. Their credentials stop working.' },
);
