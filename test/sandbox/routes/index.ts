import { accessCodeRoutes } from './access-codes';
import { unmanagedAccessCodeRoutes } from './access-codes-unmanaged';
import { accessGrantRoutes } from './access-grants';
import { accessMethodRoutes } from './access-methods';
import { acsAccessGroupRoutes } from './acs-access-groups';
import { acsCredentialRoutes } from './acs-credentials';
import { acsEntranceRoutes } from './acs-entrances';
import { acsSystemRoutes } from './acs-systems';
import { acsUserRoutes } from './acs-users';
import { actionAttemptRoutes } from './action-attempts';
import { deviceRoutes } from './devices';
import { eventRoutes } from './events';
import { lockRoutes } from './locks';
import { spaceRoutes } from './spaces';
import type { RouteTable } from './types';
import { userIdentityRoutes } from './user-identities';
import { webhookRoutes } from './webhooks';
import { workspaceRoutes } from './workspaces';

/** Every endpoint the sandbox implements; any other path answers 404 endpoint_not_found. */
export const routes: RouteTable = {
	...workspaceRoutes,
	...acsSystemRoutes,
	...acsUserRoutes,
	...acsAccessGroupRoutes,
	...acsEntranceRoutes,
	...acsCredentialRoutes,
	...userIdentityRoutes,
	...deviceRoutes,
	...spaceRoutes,
	...accessGrantRoutes,
	...accessMethodRoutes,
	...accessCodeRoutes,
	...unmanagedAccessCodeRoutes,
	...lockRoutes,
	...actionAttemptRoutes,
	...eventRoutes,
	...webhookRoutes,
};
