import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pinCodeProviderNotice } from '../../shared/descriptions/notices';
import { acsSystemLocator, acsUserLocator } from '../../shared/descriptions/locators';
import { entrancesMultiSelect } from '../../shared/descriptions/multiSelect';
import {
	ALLOW_ACCESS_WITHOUT_END,
	allowAccessWithoutEndOption,
	readAllowAccessWithoutEnd,
} from '../../shared/descriptions/openEndedAccess';
import { readWaitTimeout, waitTimeoutOption } from '../../shared/descriptions/waitTimeout';
import { afterCreate } from '../../shared/access/afterCreate';
import { providerRules } from '../../shared/access/providers';
import { waitUntil } from '../../shared/access/waitUntil';
import { describeValue, type FormReader, readForm, type TimeWindow } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';

export const option: OperationOption = {
	name: 'Create PIN Code',
	description: 'Give an ACS user a PIN code, optionally limited in time',
	action: 'Create a PIN code credential',
};

export const properties: INodeProperties[] = [
	pinCodeProviderNotice,
	acsSystemLocator(),
	acsUserLocator({
		description:
			'The user who gets the PIN code. The list shows the users of the chosen ACS system.',
	}),
	entrancesMultiSelect({
		displayName: 'Allowed Entrance Names or IDs',
		description:
			'Entrances the PIN opens, for systems that set entrances on the credential (Latch: exactly one). Leave empty for Salto KS: the user\'s access groups decide. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	{
		displayName: 'Valid From',
		name: 'startsAt',
		type: 'dateTime',
		default: '',
		description:
			"When the PIN starts to work. Without a time zone, the workflow's time zone applies.",
	},
	{
		displayName: 'Valid Until',
		name: 'endsAt',
		type: 'dateTime',
		default: '',
		description:
			"When the PIN stops working; must be after Valid From. May be left empty only when the ACS user's access schedule ends, or with the option Allow Access Without End.",
	},
	{
		displayName: 'Wait for the PIN Code',
		name: 'waitForCode',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until the access system has generated the PIN, so that the output carries it in <code>code</code>',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Custom Code',
				name: 'code',
				type: 'string',
				default: '',
				placeholder: 'e.g. 482916',
				description:
					'The PIN to set, digits only. Only for systems that accept custom codes: Salto KS and Latch generate their own.',
			},
			waitTimeoutOption('the PIN'),
			allowAccessWithoutEndOption(
				"Whether an empty Valid Until gives a PIN that works until someone deletes it. Off: Valid Until is required, unless the ACS user's access schedule ends.",
			),
		],
	},
];

/** The credential once its PIN is generated: the create answers before the system has made it. */
async function waitForCode(
	context: IExecuteFunctions,
	api: SeamApi,
	credential: IDataObject,
	timeoutSeconds: number,
	itemIndex: number,
): Promise<IDataObject> {
	const acs_credential_id = credential.acs_credential_id as string;
	return await waitUntil({
		first: credential,
		read: async () =>
			(await api.call(
				(seam) => seam.acs.credentials.get({ acs_credential_id }),
				itemIndex,
			)) as IDataObject,
		ready: (current) => Boolean(current.code),
		timeoutSeconds,
		timedOut: (_last, waited) =>
			new NodeOperationError(context.getNode(), `The PIN code was not ready within ${waited}`, {
				itemIndex,
				description: `The credential ${acs_credential_id} exists; its PIN was not generated yet. Read it later with Credential → Get, or raise "Wait Timeout".`,
			}),
	});
}

const ENTRANCES_LABEL = 'Allowed Entrance Names or IDs';
const VALID_FROM = { name: 'startsAt', label: 'Valid From' };
const VALID_UNTIL = { name: 'endsAt', label: 'Valid Until' };

/**
 * Without Valid Until the PIN would work forever. That is allowed only when the user turned on
 * Allow Access Without End, or when the user's own access schedule ends (Seam stops the user's
 * credentials with it): reading the user costs one request and no write.
 */
async function assertValidityEnds(
	form: FormReader,
	api: SeamApi,
	acs_user_id: string,
	window: TimeWindow,
	allowAccessWithoutEnd: boolean,
): Promise<void> {
	if (window.ends_at || allowAccessWithoutEnd) return;
	const user = (await api.call(
		(seam) => seam.acs.users.get({ acs_user_id }),
		form.itemIndex,
	)) as IDataObject;
	const schedule = user.access_schedule as { ends_at?: string | null } | null | undefined;
	if (schedule?.ends_at) return;
	form.fail(
		`${VALID_UNTIL.label} is required`,
		`Without ${VALID_UNTIL.label} the PIN would never stop working, and the ACS user has no access schedule that ends. ${VALID_UNTIL.label} resolved to ${describeValue(form.raw(VALID_UNTIL.name))}. Fill it in, or turn on the option "${ALLOW_ACCESS_WITHOUT_END}" if this PIN really must not expire.`,
	);
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const acs_system_id = form.id({ name: 'acsSystemId', label: 'ACS System' });
	const acs_user_id = form.id({ name: 'acsUserId', label: 'ACS User' });
	const entranceIds = form.idList({ name: 'entranceIds', label: ENTRANCES_LABEL });
	const code = form.pinCode({ name: 'options.code', label: 'Custom Code' }, { min: 4, max: 12 });
	const wait = form.boolean({ name: 'waitForCode', label: 'Wait for the PIN Code' }, true);
	const waitTimeout = readWaitTimeout(form);
	const window = await form.timeWindow(VALID_FROM, VALID_UNTIL);
	const allowAccessWithoutEnd = readAllowAccessWithoutEnd(form, 'options');
	// One read to learn the provider, so its rules fail here with a clear message instead of in Seam.
	const system = (await api.call(
		(seam) => seam.acs.systems.get({ acs_system_id }),
		i,
	)) as IDataObject;
	const rules = providerRules(system.external_type as string | undefined);
	if (code && rules.generatesPinCodes) {
		throw new NodeOperationError(this.getNode(), `Custom Code is not supported by ${rules.name}`, {
			itemIndex: i,
			description: `${rules.name} generates the PIN itself. Leave Custom Code empty; the generated PIN is returned in "code".`,
		});
	}
	if (rules.credentialEntrances === 'exactlyOne' && entranceIds.length !== 1) {
		throw new NodeOperationError(
			this.getNode(),
			`${ENTRANCES_LABEL} must hold exactly one entrance for ${rules.name} (got ${entranceIds.length})`,
			{
				itemIndex: i,
				description: `${rules.name} takes one entrance per PIN code credential. To cover several doors, run this operation once per entrance (for example with one input item per door).`,
			},
		);
	}
	if (rules.credentialEntrances === 'accessGroups' && entranceIds.length > 0) {
		throw new NodeOperationError(
			this.getNode(),
			`${ENTRANCES_LABEL} is not used by ${rules.name}`,
			{
				itemIndex: i,
				description: `${rules.name} opens the entrances of the user's access groups. Leave ${ENTRANCES_LABEL} empty and add the user to access groups (ACS User → Add to Access Group).`,
			},
		);
	}

	await assertValidityEnds(form, api, acs_user_id, window, allowAccessWithoutEnd);
	const params: SeamParams<SeamClient['acs']['credentials']['create']> = {
		acs_user_id,
		access_method: 'code',
		...window,
	};
	if (entranceIds.length) params.allowed_acs_entrance_ids = entranceIds;
	if (code) params.code = code;

	const credential = (await api.call(
		(seam) => seam.acs.credentials.create(params),
		i,
	)) as IDataObject;
	if (!wait) return credential;
	return await afterCreate(
		this.getNode(),
		i,
		{
			what: `Credential ${String(credential.acs_credential_id)}`,
			rerun:
				'Read it with Credential → Get before running this step again, or delete it with Credential → Delete.',
		},
		async () => await waitForCode(this, api, credential, waitTimeout, i),
	);
}
