import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accessScheduleFields, readAccessSchedule } from '../../shared/descriptions/accessSchedule';
import { acsUserProviderNotice } from '../../shared/descriptions/notices';
import { acsSystemLocator, userIdentityLocator } from '../../shared/descriptions/locators';
import { accessGroupsMultiSelect } from '../../shared/descriptions/multiSelect';
import {
	allowAccessWithoutEndOption,
	readAllowAccessWithoutEnd,
} from '../../shared/descriptions/openEndedAccess';
import { readForm } from '../../shared/parameters';
import type { SeamApi } from '../../shared/transport/client';
import type { SeamClient, SeamParams } from '../../shared/transport/sdk';
import type { OperationOption } from '../node.type';
import { fullNameField, personAdditionalFields, readPerson } from '../personFields';

export const option: OperationOption = {
	name: 'Create',
	description:
		'Create a user in an access control system, with an optional access schedule and access groups',
	action: 'Create an ACS user',
};

export const properties: INodeProperties[] = [
	acsUserProviderNotice,
	acsSystemLocator(),
	fullNameField('e.g. June Doe'),
	...accessScheduleFields(false),
	accessGroupsMultiSelect({
		displayName: 'Access Groups to Join Names or IDs',
		description:
			'Access groups the new user joins right after creation (Salto KS: they decide which entrances the user opens). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	personAdditionalFields(
		allowAccessWithoutEndOption(
			'Whether the user may join access groups without an access schedule, keeping that access until someone removes it. Off: joining access groups needs Access Starts At and Access Ends At.',
		),
	),
	userIdentityLocator({
		required: false,
		description:
			'Link the new ACS user to this user identity (one person across all your access systems). Optional.',
	}),
];

const GROUPS = { name: 'accessGroupIds', label: 'Access Groups to Join Names or IDs' };

/**
 * The access groups to join, checked before anything is created: each must exist in the chosen
 * ACS system. One list read covers them all.
 */
async function assertGroupsInSystem(
	context: IExecuteFunctions,
	api: SeamApi,
	acs_system_id: string,
	groupIds: string[],
	i: number,
): Promise<void> {
	if (groupIds.length === 0) return;
	const groups = (await api.call(
		(seam) => seam.acs.accessGroups.list({ acs_system_id }),
		i,
	)) as unknown as IDataObject[];
	const known = new Set(groups.map((group) => String(group.acs_access_group_id)));
	const unknown = groupIds.filter((id) => !known.has(id));
	if (unknown.length > 0) {
		throw new NodeOperationError(
			context.getNode(),
			`${GROUPS.label}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not an access group' : 'are not access groups'} of the chosen ACS system`,
			{
				itemIndex: i,
				description: `Nothing was created. The ACS system ${acs_system_id} has ${groups.length} access group${groups.length === 1 ? '' : 's'}; choose from the list, or check the IDs.`,
			},
		);
	}
}

/**
 * Joins the new user to each group; if one fails, the user is deleted again so that a re-run
 * does not leave a second user behind. When even that fails, the error names what is left.
 */
async function joinGroupsOrUndo(
	context: IExecuteFunctions,
	api: SeamApi,
	acs_user_id: string,
	groupIds: string[],
	i: number,
): Promise<void> {
	const joined: string[] = [];
	for (const acs_access_group_id of groupIds) {
		try {
			await api.call(
				(seam) => seam.acs.users.addToAccessGroup({ acs_user_id, acs_access_group_id }),
				i,
			);
			joined.push(acs_access_group_id);
		} catch (error) {
			const reason = (error as Error).message;
			try {
				await api.call((seam) => seam.acs.users.delete({ acs_user_id }), i);
			} catch (undoError) {
				throw new NodeOperationError(
					context.getNode(),
					`The ACS user was created but could not join access group ${acs_access_group_id}, and deleting it again failed`,
					{
						itemIndex: i,
						description: `Left behind: ACS user ${acs_user_id}${joined.length ? `, a member of ${joined.join(', ')}` : ''}. Joining failed with: ${reason}. Deleting failed with: ${(undoError as Error).message}. Delete it with ACS User → Delete before running again.`,
					},
				);
			}
			throw new NodeOperationError(
				context.getNode(),
				`Could not add the new ACS user to access group ${acs_access_group_id}: ${reason}`,
				{
					itemIndex: i,
					description:
						'The ACS user that had just been created was deleted again, so nothing is left behind and the step can run again.',
				},
			);
		}
	}
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
	api: SeamApi,
): Promise<IDataObject> {
	const form = readForm(this, i);
	const acs_system_id = form.id({ name: 'acsSystemId', label: 'ACS System' });
	const person = readPerson(form, 'additionalFields');
	const accessGroupIds = form.idList(GROUPS);
	const allowAccessWithoutEnd = readAllowAccessWithoutEnd(form, 'additionalFields');
	const access_schedule = await readAccessSchedule(form, {
		endRequired: accessGroupIds.length > 0 && !allowAccessWithoutEnd,
		bothEmpty: 'create the user without a schedule',
	});
	const user_identity_id = form.optionalId({ name: 'userIdentityId', label: 'User Identity' });

	await assertGroupsInSystem(this, api, acs_system_id, accessGroupIds, i);

	const body: SeamParams<SeamClient['acs']['users']['create']> = { acs_system_id, ...person };
	if (access_schedule) body.access_schedule = access_schedule;
	if (user_identity_id) body.user_identity_id = user_identity_id;

	const user = (await api.call((seam) => seam.acs.users.create(body), i)) as IDataObject;
	await joinGroupsOrUndo(this, api, String(user.acs_user_id), accessGroupIds, i);
	return accessGroupIds.length ? { ...user, joined_acs_access_group_ids: accessGroupIds } : user;
}
