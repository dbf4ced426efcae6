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

/**
 * Seam files access codes, lock/unlock, events and action attempts under "Low-level APIs" and
 * recommends Access Grants for new work; the form says so where those resources begin.
 */
export const lowLevelApiNotice: INodeProperties = {
	displayName:
		'Low-level API: this works on one lock at a time, as Seam\'s lock API does. For guests, the Stay resource gives a PIN on the right doors for the stay and follows every change; for new flows Seam recommends Access Grants. <a href="https://docs.seam.co/low-level-apis/smart-locks">Seam\'s low-level APIs</a>',
	name: 'lowLevelApiNotice',
	type: 'notice',
	default: '',
};
