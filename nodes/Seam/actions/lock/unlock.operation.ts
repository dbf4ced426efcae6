import { lockActionOperation } from './lockAction';

export const { option, properties, execute } = lockActionOperation('unlock', {
	name: 'Unlock',
	description:
		"Unlock a smart lock remotely and report whether it worked (succeeded, locked). Use it to let someone in now; for a guest's own PIN use Stay or Access Grant.",
	action: 'Unlock a lock',
});
