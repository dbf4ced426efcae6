import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	allowWithoutEndOption,
	CUSTOM_CODE,
	customCodeOption,
	nameField,
	offlineNotice,
	PREFERRED_LENGTH,
	preferredLengthOption,
	readCodeRequest,
	useOfflineOption,
	validFromField,
	validUntilField,
	waitForSetOption,
	waitUntilSetField,
} from '../../shared/accessCodes/codeFields';
import {
	assertCodeFits,
	assertLengthFits,
	assertTakesCodes,
	readLock,
} from '../../shared/accessCodes/codeLock';
import { assertFreeSlot } from '../../shared/accessCodes/freeSlot';
import { waitUntilSet, withSetFlag } from '../../shared/accessCodes/setOnLock';
import { afterCreate } from '../../shared/access/afterCreate';
import { lockWithCodesLocator } from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';

const LOCK = { name: 'deviceId', label: 'Lock' };

export const option: OperationOption = {
	name: 'Create',
	description:
		'Set a PIN code on one smart lock, for a period, and wait until the lock has it. For a guest on several doors, prefer Stay → Grant or Update Access.',
	action: 'Create an access code on a lock',
};

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	offlineNotice,
	lockWithCodesLocator({ description: 'The lock that gets the code' }),
	nameField,
	validFromField,
	validUntilField,
	waitUntilSetField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			allowWithoutEndOption,
			customCodeOption(),
			preferredLengthOption,
			useOfflineOption,
			waitForSetOption,
		],
	},
];

type CreateParams = SeamParams<SeamClient['accessCodes']['create']>;

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const device_id = form.id(LOCK);
	const request = await readCodeRequest(form, { offline: true });

	// One read of the lock: its name for messages, what it takes, how many codes it holds.
	const lock = await readLock(api, device_id, i);
	assertTakesCodes(form, lock, request.offline);
	if (request.code !== undefined) assertCodeFits(form, CUSTOM_CODE, request.code, lock);
	if (request.preferredLength !== undefined) {
		assertLengthFits(form, PREFERRED_LENGTH, request.preferredLength, lock);
	}
	// An offline code is computed by the lock and takes no place in its memory.
	if (!request.offline) await assertFreeSlot(form, api, lock, i);

	const params: CreateParams = { device_id, name: request.name, ...request.window };
	if (request.code !== undefined) params.code = request.code;
	if (request.preferredLength !== undefined) params.preferred_code_length = request.preferredLength;
	if (request.offline) params.is_offline_access_code = true;

	const code = (await api.call((seam) => seam.accessCodes.create(params), i)) as IDataObject;
	if (!request.wait) return withSetFlag(code);
	const what = `Access code ${String(code.access_code_id)}`;
	return await afterCreate(
		this.getNode(),
		i,
		{
			what,
			rerun:
				'Read it with Access Code → Get before running this step again (a re-run creates a second code), or delete it with Access Code → Delete.',
		},
		async () =>
			await waitUntilSet(code, {
				node: this.getNode(),
				api,
				itemIndex: i,
				timeoutSeconds: request.waitTimeout,
				lockName: lock.name,
				lockOffline: lock.disconnected,
				afterwards: 'Read it later with Access Code → Get (is_set_on_lock, status, errors).',
			}),
	);
}
