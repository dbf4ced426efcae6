import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ACCESS_CODE, LOCK } from '../../shared/accessCodes/pickedCode';
import { withSetFlag } from '../../shared/accessCodes/setOnLock';
import {
	lockWithCodesLocator,
	unmanagedAccessCodeLocator,
} from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import { unlessNotFound } from '../../shared/transport/unlessNotFound';
import type { OperationOption } from '../node.type';

const UNMANAGED = { ...ACCESS_CODE, label: 'Unmanaged Access Code' };

export const option: OperationOption = {
	name: 'Convert to Managed',
	description:
		'Take over a code set on the lock outside Seam, so that it can be read, changed and deleted like any access code',
	action: 'Convert an unmanaged access code to managed',
};

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	lockWithCodesLocator({ description: 'The lock the code is on' }),
	unmanagedAccessCodeLocator(),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const device_id = form.id(LOCK);
	const access_code_id = form.id(UNMANAGED);
	const unmanaged = (await api.call(
		(seam) => seam.accessCodes.unmanaged.get({ access_code_id }),
		i,
	)) as IDataObject;
	if (String(unmanaged.device_id) !== device_id) {
		form.fail(
			`${UNMANAGED.label} ${access_code_id} is not on the chosen ${LOCK.label}`,
			`The code is on device ${String(unmanaged.device_id)}, ${LOCK.label} is ${device_id}. Check both fields: they may come from different rows of the input.`,
		);
	}
	await api.call((seam) => seam.accessCodes.unmanaged.convertToManaged({ access_code_id }), i);
	// Seam may finish the conversion after answering: until then the code is still unmanaged.
	const managed = (await api.call(
		(seam) => unlessNotFound(seam.accessCodes.get({ access_code_id })),
		i,
	)) as IDataObject | null;
	return managed
		? withSetFlag(managed)
		: { ...unmanaged, is_managed: false, conversion_requested: true };
}
