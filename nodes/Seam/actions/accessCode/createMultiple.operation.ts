import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	allowWithoutEndOption,
	CUSTOM_CODE,
	customCodeOption,
	nameField,
	PREFERRED_LENGTH,
	preferredLengthOption,
	readCodeRequest,
	validFromField,
	validUntilField,
	waitForSetOption,
	waitUntilSetField,
} from '../../shared/accessCodes/codeFields';
import { assertCodeFits, assertLengthFits } from '../../shared/accessCodes/codeLock';
import { assertFreeSlot } from '../../shared/accessCodes/freeSlot';
import { waitUntilSet, withSetFlag } from '../../shared/accessCodes/setOnLock';
import {
	chosenLocks,
	LOCK_IDS,
	LOCKS_FROM,
	LOCKS_FROM_CHOICES,
	type LocksFrom,
	locksOfSpace,
	SPACE,
} from '../../shared/accessCodes/severalLocks';
import { afterCreate } from '../../shared/access/afterCreate';
import { spaceLocator } from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';

const WHEN_NOT_SHARED = {
	name: 'options.whenCodeCannotBeShared',
	label: 'When the Code Cannot Be Shared',
};
const WHEN_NOT_SHARED_CHOICES = [
	{
		name: 'Fail (Create Nothing)',
		value: 'fail',
		description: 'No lock gets a code unless every lock can take the same one',
	},
	{
		name: 'Create a Different Code There',
		value: 'createRandom',
		description: 'A lock that cannot take the common code gets a code of its own',
	},
];
const SEAM_BEHAVIOR = { fail: 'throw', createRandom: 'create_random_code' } as const;

export const option: OperationOption = {
	name: 'Create on Several Locks',
	description:
		'Set one PIN code on several smart locks (chosen, or every lock of a space) for the same period: one output item per lock',
	action: 'Create one access code on several locks',
};

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	{
		displayName: LOCKS_FROM.label,
		name: LOCKS_FROM.name,
		type: 'options',
		options: [
			{
				name: 'Every Lock of a Space',
				value: 'space',
				description: 'Every lock of the space that takes access codes (others are left out)',
			},
			{
				name: 'Locks I Choose',
				value: 'list',
				description: 'Pick the locks from a list, or give their IDs',
			},
		],
		default: 'list',
	},
	{
		displayName: LOCK_IDS.label,
		name: LOCK_IDS.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCodeLocks' },
		default: [],
		required: true,
		description:
			'Locks that get the code; the list shows the locks Seam can program codes on. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { [LOCKS_FROM.name]: ['list'] } },
	},
	spaceLocator({
		description: 'The space (for example a unit) whose locks get the code',
		displayOptions: { show: { [LOCKS_FROM.name]: ['space'] } },
	}),
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
			customCodeOption(
				'The code to set on every lock, digits only. Empty: Seam chooses one that every lock takes. It must fit every lock, unless "When the Code Cannot Be Shared" says otherwise.',
			),
			preferredLengthOption,
			waitForSetOption,
			{
				displayName: WHEN_NOT_SHARED.label,
				name: 'whenCodeCannotBeShared',
				type: 'options',
				options: WHEN_NOT_SHARED_CHOICES,
				default: 'fail',
				description:
					'What happens when a lock cannot take the same code as the others (its keypad takes other lengths, or the code is taken there)',
			},
		],
	},
];

type CreateMultipleParams = SeamParams<SeamClient['accessCodes']['createMultiple']>;

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject[]> {
	const form = readForm(this, i);
	const from = form.choice<LocksFrom>(LOCKS_FROM, LOCKS_FROM_CHOICES);
	const deviceIds = from === 'list' ? form.idList(LOCK_IDS) : [];
	if (from === 'list' && deviceIds.length === 0) {
		form.fail(
			`${LOCK_IDS.label} is required`,
			`Choose at least one lock, or set ${LOCKS_FROM.label} to "Every Lock of a Space". If it comes from an expression, the expression resolved to nothing.`,
		);
	}
	const spaceId = from === 'space' ? form.id(SPACE) : undefined;
	const request = await readCodeRequest(form, { offline: false });
	const options = form.collection({ name: 'options', label: 'Options' });
	const whenNotShared =
		'whenCodeCannotBeShared' in options
			? form.choice<keyof typeof SEAM_BEHAVIOR>(WHEN_NOT_SHARED, WHEN_NOT_SHARED_CHOICES)
			: 'fail';

	const locks = spaceId
		? await locksOfSpace(form, api, spaceId, i)
		: await chosenLocks(form, api, deviceIds, i);
	// Where a lock cannot share the code, Seam gives it another one only when told to: otherwise
	// the code must fit every lock, and the error names the first one it does not fit.
	if (whenNotShared === 'fail') {
		for (const lock of locks) {
			if (request.code !== undefined) assertCodeFits(form, CUSTOM_CODE, request.code, lock);
			if (request.preferredLength !== undefined) {
				assertLengthFits(form, PREFERRED_LENGTH, request.preferredLength, lock);
			}
		}
	}
	for (const lock of locks) await assertFreeSlot(form, api, lock, i);

	const params: CreateMultipleParams = {
		device_ids: locks.map((lock) => lock.id),
		name: request.name,
		behavior_when_code_cannot_be_shared: SEAM_BEHAVIOR[whenNotShared],
		...request.window,
	};
	if (request.code !== undefined) params.code = request.code;
	if (request.preferredLength !== undefined) params.preferred_code_length = request.preferredLength;

	const codes = (await api.call(
		(seam) => seam.accessCodes.createMultiple(params),
		i,
	)) as unknown as IDataObject[];
	if (!request.wait) return codes.map(withSetFlag);
	const lockName = new Map(locks.map((lock) => [lock.id, lock.name]));
	const offline = new Set(locks.filter((lock) => lock.disconnected).map((lock) => lock.id));
	const created = codes
		.map(
			(c) =>
				`${String(c.access_code_id)} (${lockName.get(String(c.device_id)) ?? String(c.device_id)})`,
		)
		.join(', ');
	return await afterCreate(
		this.getNode(),
		i,
		{
			what: `Access codes ${created}`,
			rerun: `${codes[0]?.common_code_key ? `They share common_code_key ${String(codes[0].common_code_key)}. ` : ''}Read them with Access Code → Get Many (per lock) before running this step again (a re-run creates more codes), or delete them with Access Code → Delete.`,
		},
		async () =>
			await Promise.all(
				codes.map(
					async (code) =>
						await waitUntilSet(code, {
							node: this.getNode(),
							api,
							itemIndex: i,
							timeoutSeconds: request.waitTimeout,
							lockName: lockName.get(String(code.device_id)) ?? String(code.device_id),
							lockOffline: offline.has(String(code.device_id)),
							afterwards: 'Read it later with Access Code → Get (is_set_on_lock, status, errors).',
						}),
				),
			),
	);
}
