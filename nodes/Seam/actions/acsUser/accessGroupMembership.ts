import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { acsSystemLocator, acsUserLocator } from '../../shared/descriptions/locators';
import { accessGroupsMultiSelect } from '../../shared/descriptions/multiSelect';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption, SeamOperation } from '../node.type';

const GROUPS = { name: 'accessGroupIds', label: 'Access Group Names or IDs' };

/**
 * One membership change among several. If it fails after others succeeded, the error says which
 * groups were already changed, so nobody has to guess what a half-done run left.
 */
async function afterGroupsChanged(
	change: 'add' | 'remove',
	done: string[],
	request: () => Promise<unknown>,
): Promise<void> {
	try {
		await request();
	} catch (error) {
		// The transport only ever throws n8n's own errors.
		const failure = error as NodeApiError | NodeOperationError;
		if (done.length > 0) {
			const note = `Before this failure the user was ${change === 'add' ? 'added to' : 'removed from'}: ${done.join(', ')}. The other groups are unchanged.`;
			failure.description = failure.description ? `${failure.description}\n${note}` : note;
		}
		throw failure;
	}
}

/** Add to / Remove From Access Group: the same form, one SDK call per chosen group. */
export function accessGroupMembership(
	change: 'add' | 'remove',
	option: OperationOption,
): SeamOperation {
	const properties: INodeProperties[] = [
		acsSystemLocator({ description: 'The ACS system of the user and the access groups' }),
		acsUserLocator(),
		accessGroupsMultiSelect({
			required: true,
			description: `Access groups to ${change === 'add' ? 'add the user to' : 'remove the user from'}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		}),
	];

	async function execute(this: IExecuteFunctions, i: number, api: SeamApi): Promise<IDataObject> {
		const form = readForm(this, i);
		// Not sent: Seam knows the system from the user and the groups. It drives the form's lists,
		// and a value that is not an ID still means a broken mapping.
		form.id({ name: 'acsSystemId', label: 'ACS System' });
		const acs_user_id = form.id({ name: 'acsUserId', label: 'ACS User' });
		const groupIds = form.idList(GROUPS);
		if (groupIds.length === 0) {
			form.fail(`${GROUPS.label} is required`, 'Choose at least one access group.');
		}
		const done: string[] = [];
		for (const acs_access_group_id of groupIds) {
			const params = { acs_user_id, acs_access_group_id };
			await afterGroupsChanged(change, done, async () =>
				api.call(
					(seam) =>
						change === 'add'
							? seam.acs.users.addToAccessGroup(params)
							: seam.acs.users.removeFromAccessGroup(params),
					i,
				),
			);
			done.push(acs_access_group_id);
		}
		return {
			success: true,
			acs_user_id,
			[`${change === 'add' ? 'added' : 'removed'}_acs_access_group_ids`]: groupIds,
		};
	}

	return { option, properties, execute };
}
