import { ACCESS_GROUP, answerTo, pickedObjectOperation } from '../pickedObject';

/** One output item per entrance the group opens. */
export const { option, properties, execute } = pickedObjectOperation(
	ACCESS_GROUP,
	{
		name: 'List Accessible Entrances',
		description: 'List the entrances the group opens',
		action: 'List entrances of an access group',
	},
	answerTo((seam, acs_access_group_id) =>
		seam.acs.accessGroups.listAccessibleEntrances({ acs_access_group_id }),
	),
);
