import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userIdentityLocator } from '../../shared/descriptions/locators';
import {
	grantDevicesMultiSelect,
	grantEntrancesMultiSelect,
	grantSpacesMultiSelect,
} from '../../shared/descriptions/multiSelect';
import { pinCodesWithDoors, waitUntilIssued } from '../../shared/access/accessMethods';
import { afterCreate } from '../../shared/access/afterCreate';
import {
	ALLOW_ACCESS_WITHOUT_END,
	allowAccessWithoutEndOption,
	readAllowAccessWithoutEnd,
} from '../../shared/descriptions/openEndedAccess';
import { readWaitTimeout, waitTimeoutOption } from '../../shared/descriptions/waitTimeout';
import { assertPinCapable } from '../../shared/access/pinCapability';
import { describeValue, readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';
import { emailField, fullNameField, phoneNumberField, readPerson } from '../personFields';

type CreateParams = SeamParams<SeamClient['accessGrants']['create']>;

const GRANT_TO = [
	{ name: 'Existing User Identity', value: 'existing' },
	{
		name: 'New Person',
		value: 'new',
		description: 'Creates a user identity for them, or reuses the one that already has this email',
	},
];

const ACCESS_METHODS = [
	{ name: 'PIN Code', value: 'code' },
	{ name: 'Card', value: 'card' },
	{ name: 'Mobile Key', value: 'mobile_key' },
];

export const option: OperationOption = {
	name: 'Create',
	description: 'Give a person access to doors for a period, with a PIN code, card or mobile key',
	action: 'Create an access grant',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			'One Access Grant gives one person access to a set of doors for a period. With "PIN Code", Seam programs a code on every door and this node returns it in <code>pin_codes</code>, ready for an email or SMS node.',
		name: 'accessGrantNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Grant To',
		name: 'grantTo',
		type: 'options',
		options: GRANT_TO,
		default: 'new',
	},
	userIdentityLocator({ displayOptions: { show: { grantTo: ['existing'] } } }),
	...[fullNameField('e.g. Jane Guest'), emailField, phoneNumberField].map((field) => ({
		...field,
		displayOptions: { show: { grantTo: ['new'] } },
	})),
	grantDevicesMultiSelect,
	grantEntrancesMultiSelect,
	grantSpacesMultiSelect,
	{
		displayName: 'Access Methods',
		name: 'accessMethods',
		type: 'multiOptions',
		options: ACCESS_METHODS,
		default: ['code'],
		description:
			'How the person opens the doors. A PIN code is the simplest: they type it on the keypad.',
	},
	{
		displayName: 'Starts At',
		name: 'startsAt',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			"When access begins (for a stay: check-in). Without a time zone, the workflow's time zone applies.",
	},
	{
		displayName: 'Ends At',
		name: 'endsAt',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'When access ends (for a stay: check-out); must be after Starts At. Empty is an error, unless the option Allow Access Without End is on.',
	},
	{
		displayName: 'Access Grant Key',
		name: 'accessGrantKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. reservation-4711',
		description:
			'Your own unique key, e.g. the reservation ID. Makes this step safe to run again: if a grant with this key exists, it is returned (its times updated if they changed) instead of creating a second one.',
	},
	{
		displayName: 'Wait Until Issued',
		name: 'waitUntilIssued',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until Seam has issued every access method, so that the output carries the PIN codes and the doors they open',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Custom PIN Code',
				name: 'code',
				type: 'string',
				default: '',
				placeholder: 'e.g. 4821',
				description:
					'The PIN to program, 4 to 9 digits. If a door already uses it, Seam assigns another and says so in <code>warnings</code>.',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'A name for the grant, e.g. "Stay of Jane Guest, Unit 101"',
			},
			waitTimeoutOption('the access methods to be issued'),
			allowAccessWithoutEndOption(
				'Whether an empty Ends At gives access that never ends. Off: Ends At is required, so a booking without its check-out date cannot give a PIN that never expires.',
			),
		],
	},
];

interface Inputs {
	params: CreateParams;
	deviceIds: string[];
	entranceIds: string[];
	wantsPin: boolean;
	waitTimeout: number;
	waitUntilIssued: boolean;
}

/** Everything from the form, checked, before a single request is made. */
async function readInputs(context: IExecuteFunctions, i: number): Promise<Inputs> {
	const form = readForm(context, i);
	const grantTo = form.choice<'existing' | 'new'>({ name: 'grantTo', label: 'Grant To' }, GRANT_TO);
	const deviceIds = form.idList({ name: 'deviceIds', label: 'Device Names or IDs' });
	const entranceIds = form.idList({ name: 'entranceIds', label: 'Entrance Names or IDs' });
	const spaceIds = form.idList({ name: 'spaceIds', label: 'Space Names or IDs' });
	if (deviceIds.length + entranceIds.length + spaceIds.length === 0) {
		form.fail(
			'Choose at least one device, entrance or space',
			'An Access Grant needs doors: fill in Devices, Entrances or Spaces.',
		);
	}
	const modes = form.choices<'code' | 'card' | 'mobile_key'>(
		{ name: 'accessMethods', label: 'Access Methods' },
		ACCESS_METHODS,
	);
	if (modes.length === 0) {
		form.fail('Access Methods is required', 'Choose at least one, e.g. PIN Code.');
	}
	const allowAccessWithoutEnd = readAllowAccessWithoutEnd(form, 'options');
	const starts = { name: 'startsAt', label: 'Starts At' };
	const window = await form.timeWindow(
		starts,
		{ name: 'endsAt', label: 'Ends At' },
		{ allowed: allowAccessWithoutEnd, switchLabel: ALLOW_ACCESS_WITHOUT_END },
	);
	if (!window.starts_at) {
		form.fail(
			`${starts.label} is required`,
			`Fill in "${starts.label}" (for a stay: check-in). If it comes from an expression, the expression resolved to ${describeValue(form.raw(starts.name))}.`,
		);
	}
	const code = form.pinCode({ name: 'options.code', label: 'Custom PIN Code' }, { min: 4, max: 9 });
	if (code && !modes.includes('code')) {
		form.fail(
			'Custom PIN Code needs the PIN Code access method',
			'Add PIN Code to Access Methods, or leave Custom PIN Code empty.',
		);
	}
	const name = form.text({ name: 'options.name', label: 'Name' });
	const key = form.text({ name: 'accessGrantKey', label: 'Access Grant Key' });
	const waitTimeout = readWaitTimeout(form);

	const params = {
		requested_access_methods: modes.map((mode) =>
			mode === 'code' && code ? { mode, code } : { mode },
		),
		...window,
	} as CreateParams;
	if (deviceIds.length) params.device_ids = deviceIds;
	if (entranceIds.length) params.acs_entrance_ids = entranceIds;
	if (spaceIds.length) params.space_ids = spaceIds;
	if (key) params.access_grant_key = key;
	if (name) params.name = name;
	if (grantTo === 'existing') {
		(params as { user_identity_id: string }).user_identity_id = form.id({
			name: 'userIdentityId',
			label: 'User Identity',
		});
	} else {
		(params as { user_identity: IDataObject }).user_identity = readPerson(form);
	}
	return {
		params,
		deviceIds,
		entranceIds,
		wantsPin: modes.includes('code'),
		waitTimeout,
		waitUntilIssued: form.boolean({ name: 'waitUntilIssued', label: 'Wait Until Issued' }, true),
	};
}

/**
 * The grant already made for this key, with its times moved to the requested ones; undefined
 * when there is none yet. `moved` says the grant in hand still shows the old times.
 */
async function existingGrant(
	api: SeamApi,
	params: CreateParams,
	i: number,
): Promise<{ grant: IDataObject; moved: boolean } | undefined> {
	const access_grant_key = params.access_grant_key;
	if (!access_grant_key) return undefined;
	const found = (await api.call(
		(seam) => seam.accessGrants.list({ access_grant_key }),
		i,
	)) as unknown as IDataObject[];
	const grant = found.find((g) => g.access_grant_key === access_grant_key);
	if (!grant) return undefined;
	const same = (a: unknown, b: unknown) =>
		(a ? Date.parse(String(a)) : null) === (b ? Date.parse(String(b)) : null);
	if (same(grant.starts_at, params.starts_at) && same(grant.ends_at, params.ends_at)) {
		return { grant, moved: false };
	}
	await api.call(
		(seam) =>
			seam.accessGrants.update({
				access_grant_id: String(grant.access_grant_id),
				starts_at: params.starts_at,
				ends_at: params.ends_at,
			}),
		i,
	);
	return { grant, moved: true };
}

/**
 * Seam keeps one user identity per email. A returning guest (a second stay, a re-run) would
 * otherwise be refused, so the grant goes to the identity that already has their email.
 */
async function reuseIdentityByEmail(api: SeamApi, params: CreateParams, i: number): Promise<void> {
	const inline = (params as { user_identity?: IDataObject }).user_identity;
	const email = inline?.email_address as string | undefined;
	if (!email) return;
	const found = (await api.call(
		(seam) => seam.userIdentities.list({ search: email }),
		i,
	)) as unknown as IDataObject[];
	const match = found.find(
		(u) => String(u.email_address ?? '').toLowerCase() === email.toLowerCase(),
	);
	if (!match) return;
	delete (params as { user_identity?: IDataObject }).user_identity;
	(params as { user_identity_id: string }).user_identity_id = String(match.user_identity_id);
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const inputs = await readInputs(this, i);
	const reused = await existingGrant(api, inputs.params, i);
	if (!reused && inputs.wantsPin) await assertPinCapable(this, api, inputs, i);
	if (!reused) await reuseIdentityByEmail(api, inputs.params, i);
	const grant =
		reused?.grant ??
		((await api.call((seam) => seam.accessGrants.create(inputs.params), i)) as IDataObject);
	const access_grant_id = String(grant.access_grant_id);
	const output: IDataObject = { ...grant, reused_existing_grant: Boolean(reused) };
	// Moved times, and the warnings issuing can add (e.g. requested_code_unavailable), show only in
	// a fresh read: one read, as late as possible, covers both.
	const readAgain = async () =>
		Object.assign(
			output,
			(await api.call((seam) => seam.accessGrants.get({ access_grant_id }), i)) as IDataObject,
		);
	if (!inputs.waitUntilIssued) return reused?.moved ? await readAgain() : output;

	const rerun = inputs.params.access_grant_key
		? 'Running this step again with the same Access Grant Key returns it instead of creating another.'
		: 'Read it with Access Grant → Get before running this step again, or set an Access Grant Key so that re-runs are safe.';
	return await afterCreate(
		this.getNode(),
		i,
		{ what: `Access Grant ${access_grant_id}`, rerun },
		async () => {
			const methods = await waitUntilIssued(this, api, access_grant_id, inputs.waitTimeout, i);
			await readAgain();
			output.access_methods = methods;
			output.pin_codes = await pinCodesWithDoors(api, methods, i);
			return output;
		},
	);
}
