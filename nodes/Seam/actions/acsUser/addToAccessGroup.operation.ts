import { accessGroupMembership } from './accessGroupMembership';

export const { option, properties, execute } = accessGroupMembership('add', {
	name: 'Add to Access Group',
	description: 'Add the user to one or more access groups',
	action: 'Add an ACS user to access groups',
});
