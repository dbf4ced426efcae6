import { suspension } from './suspension';

export const { option, properties, execute } = suspension('suspend', {
	name: 'Suspend',
	description: 'Suspend the user: their credentials stop working until unsuspended',
	action: 'Suspend an ACS user',
});
