import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	ACCESS_CODE,
	LOCK,
	readPickedCode,
	refuseOffline,
} from '../../shared/accessCodes/pickedCode';
import { accessCodeLocator, lockWithCodesLocator } from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Remove an access code from its lock: the PIN stops working once the lock has it',
	action: 'Delete an access code',
};

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	lockWithCodesLocator({ description: 'The lock the code is on' }),
	accessCodeLocator({
		description: 'The access code to remove. The list shows the codes of the chosen lock.',
	}),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const device_id = form.id(LOCK);
	const access_code_id = form.id(ACCESS_CODE);
	const code = await readPickedCode(form, api, { access_code_id, device_id }, i);
	refuseOffline(form, code, 'deleted');
	await api.call((seam) => seam.accessCodes.delete({ access_code_id, device_id }), i);
	return { deleted: true, access_code_id, device_id, name: code.name ?? null };
}
