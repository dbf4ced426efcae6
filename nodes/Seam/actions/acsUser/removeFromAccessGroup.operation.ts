import { accessGroupMembership } from './accessGroupMembership';

export const { option, properties, execute } = accessGroupMembership('remove', {
	name: 'Remove From Access Group',
	description: 'Remove the user from one or more access groups',
	action: 'Remove an ACS user from access groups',
});
