import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { lockLocator } from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { readWaitTimeout, waitTimeoutOption } from '../../shared/descriptions/waitTimeout';
import { type LockAction, runLockAction } from '../../shared/locks/remoteAction';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption, SeamOperation } from '../node.type';

const LOCK = { name: 'deviceId', label: 'Lock' };
const WAIT = { name: 'waitForResult', label: 'Wait for the Result' };

/** Lock / Unlock: the same form and output, one SDK call apart. */
export function lockActionOperation(action: LockAction, option: OperationOption): SeamOperation {
	const properties: INodeProperties[] = [
		lowLevelApiNotice,
		lockLocator({
			description: `The lock to ${action}. The list shows the locks Seam can ${action} remotely.`,
		}),
		{
			displayName: 'Wait for the Result',
			name: WAIT.name,
			type: 'boolean',
			default: true,
			description:
				"Whether to wait until the lock reports the result, so that the output says in <code>succeeded</code> whether it worked (a failure is the item's error). Off: the output is the pending action attempt; read it later with Action Attempt → Get.",
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show: { [WAIT.name]: [true] } },
			options: [waitTimeoutOption('the lock to answer')],
		},
	];

	async function execute(this: IExecuteFunctions, i: number, api: SeamApi): Promise<IDataObject> {
		const form = readForm(this, i);
		const device_id = form.id(LOCK);
		const wait = form.boolean(WAIT, true);
		// The timeout is shown, and read, only when waiting.
		const timeoutSeconds = wait ? readWaitTimeout(form) : 0;
		return await runLockAction(this.getNode(), api, {
			action,
			device_id,
			wait,
			timeoutSeconds,
			itemIndex: i,
		});
	}

	return { option, properties, execute };
}
