import { accessGroupMembership } from './accessGroupMembership';

export const { description, execute } = accessGroupMembership('add');
