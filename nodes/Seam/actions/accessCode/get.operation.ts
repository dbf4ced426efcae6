import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ACCESS_CODE, LOCK, readPickedCode } from '../../shared/accessCodes/pickedCode';
import { withSetFlag } from '../../shared/accessCodes/setOnLock';
import { accessCodeLocator, lockWithCodesLocator } from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Get',
	description:
		'Read one access code: its PIN, validity and whether the lock has it (is_set_on_lock, status, errors)',
	action: 'Get an access code',
};

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	lockWithCodesLocator({
		required: false,
		description:
			'Narrows the access code list to this lock. Optional; when set, the code must be on it.',
	}),
	accessCodeLocator(),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const device_id = form.optionalId(LOCK);
	const access_code_id = form.id(ACCESS_CODE);
	return withSetFlag(await readPickedCode(form, api, { access_code_id, device_id }, i));
}
