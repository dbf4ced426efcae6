import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertTakesCodes, readLock } from '../../shared/accessCodes/codeLock';
import { LOCK } from '../../shared/accessCodes/pickedCode';
import { lockWithCodesLocator } from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Generate Code',
	description:
		'Get a PIN that fits a lock (its length and keypad rules) without creating anything, e.g. to send before setting it with Create',
	action: 'Generate a code for a lock',
};

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	lockWithCodesLocator({ description: 'The lock the code must fit' }),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const device_id = form.id(LOCK);
	const lock = await readLock(api, device_id, i);
	assertTakesCodes(form, lock, false);
	return (await api.call((seam) => seam.accessCodes.generateCode({ device_id }), i)) as IDataObject;
}
