import { presentWorkspace } from '../presenters';
import type { RouteTable } from './types';

export const workspaceRoutes: RouteTable = {
	'/workspaces/get': ({ store }) => ({ workspace: presentWorkspace(store) }),
};
