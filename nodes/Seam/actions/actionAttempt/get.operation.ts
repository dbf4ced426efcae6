import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get',
	description:
		"Get an action attempt (a lock or unlock sent to a lock): its status is pending, success or error, with Seam's error when it failed. Use it to check an unlock that was not waited for or that timed out.",
	action: 'Get an action attempt',
};

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	{
		displayName: 'Action Attempt ID',
		name: 'actionAttemptId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 33333333-3333-3333-3333-333333333333',
		description:
			'The <code>action_attempt_id</code> that Lock → Lock or Lock → Unlock returned, or that its timeout error named',
	},
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const action_attempt_id = readForm(this, i).id({
		name: 'actionAttemptId',
		label: 'Action Attempt ID',
	});
	return (await api.call(
		(seam) => seam.actionAttempts.get({ action_attempt_id }),
		i,
	)) as unknown as IDataObject;
}
