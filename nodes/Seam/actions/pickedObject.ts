import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	accessGrantLocator,
	accessGroupLocator,
	accessMethodLocator,
	acsSystemLocator,
	acsUserLocator,
	credentialLocator,
	entranceLocator,
	userIdentityLocator,
} from '../shared/descriptions/locators';
import { type Field, readForm } from '../shared/parameters';
import type { SeamApi } from '../shared/transport/client';
import type { SeamClient } from '../shared/transport/sdk';
import type { OperationOption, SeamOperation } from './node.type';

type Locator = (overrides?: Partial<INodeProperties>) => INodeProperties;

/** An optional field above the picker whose only job is to shorten the picker's list. */
interface Narrowing {
	locator: Locator;
	field: Field;
	description: string;
}

/** The field where one Seam object is picked, and what narrows its list, if anything. */
interface Picker {
	locator: Locator;
	field: Field;
	narrowedBy?: Narrowing;
}

const pick = (locator: Locator, name: string, label: string, narrowedBy?: Narrowing): Picker => ({
	locator,
	field: { name, label },
	narrowedBy,
});

const narrowing = (parent: Picker, description: string): Narrowing => ({
	locator: parent.locator,
	field: parent.field,
	description,
});

export const ACS_SYSTEM = pick(acsSystemLocator, 'acsSystemId', 'ACS System');
export const ACCESS_GRANT = pick(accessGrantLocator, 'accessGrantId', 'Access Grant');
export const ACS_USER = pick(acsUserLocator, 'acsUserId', 'ACS User');
export const USER_IDENTITY = pick(userIdentityLocator, 'userIdentityId', 'User Identity');

// Access groups, credentials and entrances belong to one ACS system, access methods to one grant.
const inAcsSystem = (list: string) =>
	narrowing(ACS_SYSTEM, `Narrows the ${list} list to this ACS system. Optional.`);
export const ACCESS_GROUP = pick(
	accessGroupLocator,
	'accessGroupId',
	'Access Group',
	inAcsSystem('access group'),
);
export const CREDENTIAL = pick(
	credentialLocator,
	'credentialId',
	'Credential',
	inAcsSystem('credential'),
);
export const ENTRANCE = pick(entranceLocator, 'entranceId', 'Entrance', inAcsSystem('entrance'));
export const ACCESS_METHOD = pick(
	accessMethodLocator,
	'accessMethodId',
	'Access Method',
	narrowing(ACCESS_GRANT, 'Narrows the access method list to this grant. Optional.'),
);

type Run = (api: SeamApi, id: string, itemIndex: number) => Promise<IDataObject | IDataObject[]>;

/**
 * An operation whose whole form is one picked object (Get, Delete, List Users, ...): the form,
 * the reading of the ID and what is done with it. `locatorOverrides` words the picker for this
 * operation, e.g. what deleting the object stops.
 */
export function pickedObjectOperation(
	picker: Picker,
	option: OperationOption,
	run: Run,
	locatorOverrides: Partial<INodeProperties> = {},
): SeamOperation {
	const { narrowedBy } = picker;
	const properties: INodeProperties[] = [
		...(narrowedBy
			? [narrowedBy.locator({ required: false, description: narrowedBy.description })]
			: []),
		picker.locator(locatorOverrides),
	];

	async function execute(this: IExecuteFunctions, i: number, api: SeamApi) {
		const form = readForm(this, i);
		// The narrowing field only shortens the list in the editor and is not sent; a value that is
		// not an ID still means a broken mapping, so it is refused like any other field.
		if (narrowedBy) form.optionalId(narrowedBy.field);
		return await run(api, form.id(picker.field), i);
	}

	return { option, properties, execute };
}

/** For operations whose output is Seam's answer to one request about the picked object. */
export function answerTo(request: (seam: SeamClient, id: string) => PromiseLike<unknown>): Run {
	return async (api, id, i) =>
		(await api.call((seam) => request(seam, id), i)) as IDataObject | IDataObject[];
}
