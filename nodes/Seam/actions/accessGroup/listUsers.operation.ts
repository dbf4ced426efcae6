import { ACCESS_GROUP, answerTo, pickedObjectOperation } from '../pickedObject';

/** One output item per member of the group. */
export const { option, properties, execute } = pickedObjectOperation(
	ACCESS_GROUP,
	{
		name: 'List Users',
		description: 'List the members of the group',
		action: 'List users of an access group',
	},
	answerTo((seam, acs_access_group_id) => seam.acs.accessGroups.listUsers({ acs_access_group_id })),
);
