import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { lockLocator } from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { lockSummary } from '../../shared/locks/lockSummary';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get',
	description:
		'Get a smart lock: whether it is locked and online, its battery, and which PIN codes it can take (online/offline, code lengths, how many at once)',
	action: 'Get a lock',
};

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	lockLocator({ description: 'The lock to read' }),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const device_id = readForm(this, i).id({ name: 'deviceId', label: 'Lock' });
	const device = (await api.call(
		(seam) => seam.locks.get({ device_id }),
		i,
	)) as unknown as IDataObject;
	return lockSummary(device);
}
