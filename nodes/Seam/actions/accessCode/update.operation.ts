import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	ANY_CODE_LENGTH,
	assertEndsInFuture,
	customCodeOption,
	waitForSetOption,
	WAIT_UNTIL_SET,
	waitUntilSetField,
} from '../../shared/accessCodes/codeFields';
import { assertCodeFits, assertTakesCodes, readLock } from '../../shared/accessCodes/codeLock';
import {
	ACCESS_CODE,
	LOCK,
	readPickedCode,
	refuseOffline,
} from '../../shared/accessCodes/pickedCode';
import { waitUntilSet, withSetFlag } from '../../shared/accessCodes/setOnLock';
import { accessCodeLocator, lockWithCodesLocator } from '../../shared/descriptions/locators';
import { lowLevelApiNotice } from '../../shared/descriptions/notices';
import {
	ALLOW_ACCESS_WITHOUT_END,
	allowAccessWithoutEndOption,
} from '../../shared/descriptions/openEndedAccess';
import {
	UpdateFields,
	updateField,
	updateFieldsCollection,
} from '../../shared/descriptions/updateFields';
import { readWaitTimeout } from '../../shared/descriptions/waitTimeout';
import { type FormReader, readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';

const CODE = updateField('code', 'Custom Code');
const NAME = updateField('name', 'Name');
const STARTS = updateField('startsAt', 'Valid From');
const ENDS = updateField('endsAt', 'Valid Until');
const ONGOING = updateField('allowAccessWithoutEnd', ALLOW_ACCESS_WITHOUT_END);

export const option: OperationOption = {
	name: 'Update',
	description:
		"Change an access code's PIN, name or validity on its lock, and wait until the lock has the change",
	action: 'Update an access code',
};

export const properties: INodeProperties[] = [
	lowLevelApiNotice,
	lockWithCodesLocator({ description: 'The lock the code is on' }),
	accessCodeLocator(),
	updateFieldsCollection([
		allowAccessWithoutEndOption(
			'Whether to make the code work until someone deletes it (an "ongoing" code): its Valid From and Valid Until are removed. The only way to take the end off a code; leave Valid From and Valid Until out.',
		),
		customCodeOption(),
		{
			displayName: ENDS.label,
			name: 'endsAt',
			type: 'dateTime',
			default: '',
			description:
				'New end, in the future. A code without end gets one, and then needs a start too (empty: now).',
		},
		{ displayName: NAME.label, name: 'name', type: 'string', default: '' },
		{
			displayName: STARTS.label,
			name: 'startsAt',
			type: 'dateTime',
			default: '',
			description: 'New start, before Valid Until',
		},
	]),
	waitUntilSetField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [waitForSetOption],
	},
];

type UpdateParams = SeamParams<SeamClient['accessCodes']['update']>;

interface Changes {
	name?: string;
	code?: string;
	starts_at?: string;
	ends_at?: string;
	ongoing: boolean;
}

/** Only the fields added under Update Fields; an added field that resolves to nothing is refused. */
async function readChanges(form: FormReader): Promise<Changes> {
	const fields = new UpdateFields(form);
	const window = await form.timeWindow(STARTS, ENDS);
	const changes: Changes = {
		name: fields.text(NAME),
		code: fields.filledIn(CODE, form.pinCode(CODE, ANY_CODE_LENGTH)),
		starts_at: fields.filledIn(STARTS, window.starts_at),
		ends_at: fields.filledIn(ENDS, window.ends_at),
		ongoing: form.boolean(ONGOING, false),
	};
	if (changes.ongoing && (changes.starts_at || changes.ends_at)) {
		form.fail(
			`${ONGOING.label} cannot be used with ${STARTS.label} or ${ENDS.label}`,
			`${ONGOING.label} removes the code's start and end. Remove ${STARTS.label} and ${ENDS.label} from "Update Fields", or turn ${ONGOING.label} off to move the code's times.`,
		);
	}
	const { name, code, starts_at, ends_at, ongoing } = changes;
	if (!name && !code && !starts_at && !ends_at && !ongoing) {
		form.fail(
			'Nothing to update',
			`Add Name, ${CODE.label}, ${STARTS.label}, ${ENDS.label} or ${ONGOING.label} under "Update Fields".`,
		);
	}
	if (ends_at) assertEndsInFuture(form, ends_at);
	return changes;
}

/**
 * The times the code will have, checked against the ones it keeps. A code without end ("ongoing")
 * takes times only as a pair: given only an end it starts now; given only a start it would still
 * have no end, which is refused.
 */
function timesAfter(
	form: FormReader,
	changes: Changes,
	current: IDataObject,
): Partial<UpdateParams> {
	const { starts_at, ends_at } = changes;
	if (!starts_at && !ends_at) return {};
	if (current.type === 'ongoing' || !current.ends_at) {
		if (!ends_at) {
			form.fail(
				`${ENDS.label} is required to give this code a start`,
				`The code has no end (Seam's "ongoing" type); a start alone would leave it without one. Add ${ENDS.label} under "Update Fields".`,
			);
		}
		return { starts_at: starts_at ?? new Date().toISOString(), ends_at };
	}
	const startsAt = starts_at ?? (current.starts_at as string | undefined);
	const endsAt = ends_at ?? (current.ends_at as string | undefined);
	if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
		const kept = starts_at ? ENDS.label : STARTS.label;
		form.fail(
			`${ENDS.label} must be after ${STARTS.label}`,
			`${STARTS.label} is ${startsAt}, ${ENDS.label} is ${endsAt}: ${kept} is the code's current one, since only the other was added under "Update Fields".`,
		);
	}
	return { ...(starts_at ? { starts_at } : {}), ...(ends_at ? { ends_at } : {}) };
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const device_id = form.id(LOCK);
	const access_code_id = form.id(ACCESS_CODE);
	const changes = await readChanges(form);
	const wait = form.boolean(WAIT_UNTIL_SET, true);
	const waitTimeout = readWaitTimeout(form);

	const current = await readPickedCode(form, api, { access_code_id, device_id }, i);
	refuseOffline(form, current, 'changed');
	const params: UpdateParams = { access_code_id, device_id, ...timesAfter(form, changes, current) };
	let lockName = 'the lock';
	let lockOffline = false;
	if (changes.code) {
		const lock = await readLock(api, device_id, i);
		lockName = lock.name;
		lockOffline = lock.disconnected;
		assertTakesCodes(form, lock, false);
		assertCodeFits(form, CODE, changes.code, lock);
		params.code = changes.code;
	}
	if (changes.name) params.name = changes.name;
	if (changes.ongoing) params.type = 'ongoing';

	await api.call((seam) => seam.accessCodes.update(params), i);
	const updated = (await api.call(
		(seam) => seam.accessCodes.get({ access_code_id }),
		i,
	)) as IDataObject;
	if (!wait) return withSetFlag(updated);
	return await waitUntilSet(updated, {
		node: this.getNode(),
		api,
		itemIndex: i,
		timeoutSeconds: waitTimeout,
		lockName,
		lockOffline,
		afterwards:
			'The change was sent to Seam; read the code later with Access Code → Get (is_set_on_lock, status, errors).',
	});
}
