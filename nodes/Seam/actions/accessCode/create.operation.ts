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
import { findSameCode } from '../../shared/accessCodes/existingCode';
import { assertFreeSlot, codesOnLock } from '../../shared/accessCodes/freeSlot';
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
		'Set a PIN code on one smart lock, for a period, and wait until the lock has it. Safe to run again: if the lock already has a code with the same name and times (and custom code), that code is returned with already_existed true and no second one is made. For a guest on several doors, prefer Stay → Grant or Update Access.',
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

	// One read of the lock: its name for messages, what it takes.
	const lock = await readLock(api, device_id, i);
	assertTakesCodes(form, lock, request.offline);
	if (request.code !== undefined) assertCodeFits(form, CUSTOM_CODE, request.code, lock);
	if (request.preferredLength !== undefined) {
		assertLengthFits(form, PREFERRED_LENGTH, request.preferredLength, lock);
	}
	// The lock's codes: the one an earlier run of this step made is returned instead of a second
	// one, and otherwise they are counted for room (an offline code is computed by the lock and
	// takes no place in its memory).
	const codes = await codesOnLock(api, lock, i, { countSlots: !request.offline });
	const waitFor = async (code: IDataObject, afterwards: string) =>
		await waitUntilSet(code, {
			node: this.getNode(),
			api,
			itemIndex: i,
			timeoutSeconds: request.waitTimeout,
			lockName: lock.name,
			lockOffline: lock.disconnected,
			afterwards,
		});
	const existing = findSameCode(codes.managed, request);
	if (existing !== undefined) {
		const found = request.wait
			? await waitFor(
					existing,
					'It was on the lock before this run, which created nothing. Read it later with Access Code → Get (is_set_on_lock, status, errors).',
				)
			: withSetFlag(existing);
		return { ...found, already_existed: true };
	}
	if (!request.offline) assertFreeSlot(form, lock, codes);

	const params: CreateParams = { device_id, name: request.name, ...request.window };
	if (request.code !== undefined) params.code = request.code;
	if (request.preferredLength !== undefined) params.preferred_code_length = request.preferredLength;
	if (request.offline) params.is_offline_access_code = true;

	const code = (await api.call((seam) => seam.accessCodes.create(params), i)) as IDataObject;
	if (!request.wait) return { ...withSetFlag(code), already_existed: false };
	const set = await afterCreate(
		this.getNode(),
		i,
		{
			what: `Access code ${String(code.access_code_id)}`,
			rerun:
				'Running this step again with the same Name, Valid From and Valid Until (and Custom Code) returns this code (already_existed true) and waits for it again instead of creating a second one; or delete it with Access Code → Delete.',
		},
		async () =>
			await waitFor(code, 'Read it later with Access Code → Get (is_set_on_lock, status, errors).'),
	);
	return { ...set, already_existed: false };
}
