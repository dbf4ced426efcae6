import { suspension } from './suspension';

export const { option, properties, execute } = suspension('unsuspend', {
	name: 'Unsuspend',
	description: "Restore a suspended user's access",
	action: 'Unsuspend an ACS user',
});
