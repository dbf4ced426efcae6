import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	allowWithoutEndOption,
	type CodeRequest,
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
import { assertCodeFits, assertLengthFits, type CodeLock } from '../../shared/accessCodes/codeLock';
import {
	assertSharedCodeFits,
	findSameCode,
	sharedCode,
} from '../../shared/accessCodes/existingCode';
import { assertFreeSlot, codesOnLock, type LockCodes } from '../../shared/accessCodes/freeSlot';
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
const CREATE_DIFFERENT_CODE = 'Create a Different Code There';
const WHEN_NOT_SHARED_CHOICES = [
	{
		name: 'Fail (Create Nothing)',
		value: 'fail',
		description: 'No lock gets a code unless every lock can take the same one',
	},
	{
		name: CREATE_DIFFERENT_CODE,
		value: 'createRandom',
		description: 'A lock that cannot take the common code gets a code of its own',
	},
];
const SEAM_BEHAVIOR = { fail: 'throw', createRandom: 'create_random_code' } as const;

export const option: OperationOption = {
	name: 'Create on Several Locks',
	description:
		'Set one PIN code on several smart locks (chosen, or every lock of a space) for the same period: one output item per lock. Safe to run again: a lock that already has a code with the same name and times (and custom code) is not sent again and its code comes back with already_existed true; only locks without one get the code, the same PIN the others have.',
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
				'The code to set on every lock, digits only. Empty: Seam chooses one that every lock takes (or, when some locks already have this step\'s code from an earlier run, the others get that one). It must fit every lock, unless "When the Code Cannot Be Shared" says otherwise.',
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
	// Each lock's codes: where an earlier run of this step already made the code, the lock is not
	// sent again; the others are counted for room.
	// The locks are read side by side: reads only, and a property may have many locks.
	const existing = new Map<string, IDataObject>();
	const codesOf = new Map<string, LockCodes>(
		await Promise.all(
			locks.map(
				async (lock) => [lock.id, await codesOnLock(api, lock, i, { countSlots: true })] as const,
			),
		),
	);
	for (const lock of locks) {
		const same = findSameCode((codesOf.get(lock.id) as LockCodes).managed, request);
		if (same !== undefined) existing.set(lock.id, same);
	}
	const holders = locks.filter((lock) => existing.has(lock.id));
	const rest = locks.filter((lock) => !existing.has(lock.id));
	// The rest get the PIN the others already have, so that whoever uses it keeps one.
	const shared = request.code === undefined ? sharedCode([...existing.values()]) : undefined;

	// Where a lock cannot share the code, Seam gives it another one only when told to: otherwise
	// the code must fit every lock, and the error names the first one it does not fit.
	if (whenNotShared === 'fail') {
		for (const lock of rest) {
			if (request.code !== undefined) assertCodeFits(form, CUSTOM_CODE, request.code, lock);
			else if (shared !== undefined) {
				assertSharedCodeFits(form, {
					code: shared,
					lock,
					codesThere: codesOf.get(lock.id)?.managed ?? [],
					holders,
					whenNotShared: WHEN_NOT_SHARED,
					differentCode: CREATE_DIFFERENT_CODE,
				});
			} else if (request.preferredLength !== undefined) {
				assertLengthFits(form, PREFERRED_LENGTH, request.preferredLength, lock);
			}
		}
	}
	for (const lock of rest) assertFreeSlot(form, lock, codesOf.get(lock.id) as LockCodes);

	const created =
		rest.length > 0 ? await createOn(api, i, rest, request, shared, whenNotShared) : [];
	const codes = inLockOrder(locks, existing, created);
	const lockName = new Map(locks.map((lock) => [lock.id, lock.name]));
	const nameOf = (code: IDataObject) =>
		lockName.get(String(code.device_id)) ?? String(code.device_id);
	const offline = new Set(locks.filter((lock) => lock.disconnected).map((lock) => lock.id));
	const isNew = new Set(created.map((code) => String(code.access_code_id)));
	const marked = (code: IDataObject, json: IDataObject) => ({
		...json,
		already_existed: !isNew.has(String(code.access_code_id)),
	});
	if (!request.wait) return codes.map((code) => marked(code, withSetFlag(code)));

	const waitForAll = async () =>
		await Promise.all(
			codes.map(async (code) => {
				const set = await waitUntilSet(code, {
					node: this.getNode(),
					api,
					itemIndex: i,
					timeoutSeconds: request.waitTimeout,
					lockName: nameOf(code),
					lockOffline: offline.has(String(code.device_id)),
					afterwards: `${isNew.has(String(code.access_code_id)) ? '' : 'It was on the lock before this run. '}Read it later with Access Code → Get (is_set_on_lock, status, errors).`,
				});
				return marked(code, set);
			}),
		);
	if (created.length === 0) return await waitForAll();
	const list = created.map((c) => `${String(c.access_code_id)} (${nameOf(c)})`).join(', ');
	return await afterCreate(
		this.getNode(),
		i,
		{
			what: `Access code${created.length > 1 ? 's' : ''} ${list}`,
			several: created.length > 1,
			rerun: `${created[0]?.common_code_key ? `They share common_code_key ${String(created[0].common_code_key)}. ` : ''}Running this step again with the same Name, Valid From and Valid Until (and Custom Code) creates no more codes: each lock's code comes back with already_existed true, and only a lock without one gets it. Or delete them with Access Code → Delete.`,
		},
		waitForAll,
	);
}

/**
 * One create_multiple for the locks that still need the code: the PIN the others share when
 * there is one (the preferred length is then moot), else the form's.
 */
async function createOn(
	api: SeamApi,
	i: number,
	locks: CodeLock[],
	request: CodeRequest,
	shared: string | undefined,
	whenNotShared: keyof typeof SEAM_BEHAVIOR,
): Promise<IDataObject[]> {
	const params: CreateMultipleParams = {
		device_ids: locks.map((lock) => lock.id),
		name: request.name,
		behavior_when_code_cannot_be_shared: SEAM_BEHAVIOR[whenNotShared],
		...request.window,
	};
	const code = request.code ?? shared;
	if (code !== undefined) params.code = code;
	else if (request.preferredLength !== undefined) {
		params.preferred_code_length = request.preferredLength;
	}
	return (await api.call(
		(seam) => seam.accessCodes.createMultiple(params),
		i,
	)) as unknown as IDataObject[];
}

/** One code per lock, in the order of the locks: the one found there, or the one just made. */
function inLockOrder(
	locks: CodeLock[],
	existing: Map<string, IDataObject>,
	created: IDataObject[],
): IDataObject[] {
	const made = new Map(created.map((code) => [String(code.device_id), code]));
	const ordered = locks.flatMap((lock) => {
		const code = existing.get(lock.id) ?? made.get(lock.id);
		return code === undefined ? [] : [code];
	});
	// Should Seam answer for a device it was not asked about, that code is still reported.
	const listed = new Set(ordered);
	return [...ordered, ...created.filter((code) => !listed.has(code))];
}
