import type { IDataObject } from 'n8n-workflow';

import type { FormReader } from '../parameters';
import type { SeamApi } from '../transport/client';
import { OFFLINE_CODES_CANNOT_CHANGE } from './codeFields';

export const LOCK = { name: 'deviceId', label: 'Lock' };
export const ACCESS_CODE = { name: 'accessCodeId', label: 'Access Code' };

/**
 * The code picked in the form, read from Seam. When the form names its lock too, the code must
 * be on that lock: an ID mapped from the wrong row would otherwise change another door's code.
 */
export async function readPickedCode(
	form: FormReader,
	api: SeamApi,
	picked: { access_code_id: string; device_id?: string },
	i: number,
): Promise<IDataObject> {
	const { access_code_id, device_id } = picked;
	const code = (await api.call(
		(seam) => seam.accessCodes.get({ access_code_id }),
		i,
	)) as IDataObject;
	if (device_id && String(code.device_id) !== device_id) {
		form.fail(
			`${ACCESS_CODE.label} ${access_code_id} is not on the chosen ${LOCK.label}`,
			`The code is on device ${String(code.device_id)}, ${LOCK.label} is ${device_id}. Check both fields: they may come from different rows of the input.`,
		);
	}
	return code;
}

/** Seam cannot reach an offline code once the lock computed it: changing it would only pretend. */
export function refuseOffline(form: FormReader, code: IDataObject, doing: string): void {
	if (code.is_offline_access_code !== true) return;
	form.fail(
		`An offline access code cannot be ${doing}`,
		`${String(code.name ?? code.access_code_id)} (${String(code.access_code_id)}) is an offline access code. ${OFFLINE_CODES_CANNOT_CHANGE} Nothing was sent.`,
	);
}
