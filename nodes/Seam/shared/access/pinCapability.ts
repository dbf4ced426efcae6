import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { displayName } from '../seamObjects/displayName';
import type { SeamApi } from '../transport/client';

/**
 * A PIN code can only be programmed on devices with `can_program_online_access_codes` and ACS
 * entrances with `can_unlock_with_code`. Checked before the grant exists, so the user learns
 * which door is the problem instead of getting an unissued PIN. One list request per kind of
 * door (made together), however many doors: a grant on five locks costs one read, not five.
 */
export async function assertPinCapable(
	context: IExecuteFunctions,
	api: SeamApi,
	targets: { deviceIds: string[]; entranceIds: string[] },
	itemIndex: number,
): Promise<void> {
	const { deviceIds, entranceIds } = targets;
	const [devices, entrances] = await Promise.all([
		deviceIds.length === 0
			? []
			: (api.call(
					(seam) => seam.devices.list({ device_ids: deviceIds }),
					itemIndex,
				) as Promise<unknown> as Promise<IDataObject[]>),
		entranceIds.length === 0
			? []
			: (api.call(
					(seam) => seam.acs.entrances.list({ acs_entrance_ids: entranceIds }),
					itemIndex,
				) as Promise<unknown> as Promise<IDataObject[]>),
	]);
	const devicesById = new Map(devices.map((d) => [String(d.device_id), d]));
	const entrancesById = new Map(entrances.map((e) => [String(e.acs_entrance_id), e]));
	const problems: string[] = [];
	for (const device_id of deviceIds) {
		const device = devicesById.get(device_id);
		if (!device) problems.push(`device ${device_id} does not exist in this workspace`);
		else if (device.can_program_online_access_codes !== true) {
			problems.push(
				`device "${displayName(device, device_id)}" (${device_id}) cannot take online PIN codes`,
			);
		}
	}
	for (const acs_entrance_id of entranceIds) {
		const entrance = entrancesById.get(acs_entrance_id);
		if (!entrance) problems.push(`entrance ${acs_entrance_id} does not exist in this workspace`);
		else if (entrance.can_unlock_with_code !== true) {
			problems.push(
				`entrance "${displayName(entrance, acs_entrance_id)}" (${acs_entrance_id}) cannot be unlocked with a code`,
			);
		}
	}
	if (problems.length > 0) {
		throw new NodeOperationError(
			context.getNode(),
			`A PIN code cannot open ${problems.length === 1 ? 'this door' : 'these doors'}: ${problems.join('; ')}`,
			{
				itemIndex,
				description:
					'Remove them from the grant, or request a card or mobile key for them instead of a PIN code.',
			},
		);
	}
}
