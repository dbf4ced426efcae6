import type { IDataObject } from 'n8n-workflow';

import { ACS_USER, pickedObjectOperation } from '../pickedObject';
import type { OperationOption, SeamOperation } from '../node.type';

/**
 * Suspend / Unsuspend: the same form and output, one SDK call apart. The output is the user
 * afterwards, so the workflow can check `is_suspended`.
 */
export function suspension(
	change: 'suspend' | 'unsuspend',
	option: OperationOption,
): SeamOperation {
	return pickedObjectOperation(ACS_USER, option, async (api, acs_user_id, i) => {
		await api.call(
			(seam) =>
				change === 'suspend'
					? seam.acs.users.suspend({ acs_user_id })
					: seam.acs.users.unsuspend({ acs_user_id }),
			i,
		);
		return (await api.call((seam) => seam.acs.users.get({ acs_user_id }), i)) as IDataObject;
	});
}
