import type { INodeProperties } from 'n8n-workflow';

/** Provider differences from Seam's system guides, shown where the user fills in the form. */
export const acsUserProviderNotice: INodeProperties = {
	displayName:
		'Salto KS: a user with an access schedule stays "unsubscribed" until the schedule starts, then Seam subscribes them; access groups decide which entrances they open. Latch: no access groups, choose the entrance on each PIN code credential.',
	name: 'acsUserProviderNotice',
	type: 'notice',
	default: '',
};

export const pinCodeProviderNotice: INodeProperties = {
	displayName:
		"Salto KS and Latch generate the PIN themselves: leave Custom Code empty for them. Latch takes exactly one entrance per PIN code credential: create one credential per door. Salto KS opens the entrances of the user's access groups.",
	name: 'pinCodeProviderNotice',
	type: 'notice',
	default: '',
};
