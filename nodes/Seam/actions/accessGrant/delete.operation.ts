import { ACCESS_GRANT, pickedObjectOperation } from '../pickedObject';

export const { option, properties, execute } = pickedObjectOperation(
	ACCESS_GRANT,
	{
		name: 'Delete',
		description: 'Revoke a grant and all its access methods',
		action: 'Delete an access grant',
	},
	async (api, access_grant_id, i) => {
		await api.call((seam) => seam.accessGrants.delete({ access_grant_id }), i);
		return { deleted: true, access_grant_id };
	},
	{
		description:
			'The grant to revoke: its PIN codes, cards and mobile keys stop working (for a stay: at check-out)',
	},
);
