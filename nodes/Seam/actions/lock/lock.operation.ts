import { lockActionOperation } from './lockAction';

export const { option, properties, execute } = lockActionOperation('lock', {
	name: 'Lock',
	description:
		'Lock a smart lock remotely and report whether it worked (succeeded, locked), e.g. after a guest checked out or a door was left unlocked',
	action: 'Lock a lock',
});
