import { ACCESS_GROUP, answerTo, pickedObjectOperation } from '../pickedObject';

export const { option, properties, execute } = pickedObjectOperation(
	ACCESS_GROUP,
	{ name: 'Get', description: 'Get an access group', action: 'Get an access group' },
	answerTo((seam, acs_access_group_id) => seam.acs.accessGroups.get({ acs_access_group_id })),
);
