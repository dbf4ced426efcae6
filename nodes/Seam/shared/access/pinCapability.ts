import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { displayName } from '../seamObjects/displayName';
import type { SeamApi } from '../transport/client';

/**
 * A PIN code can only be programmed on devices with `can_program_online_access_codes` and ACS
 * entrances with `can_unlock_with_code`. Checked before the grant exists, so the user learns
 * which door is the problem instead of getting an unissued PIN.
 */
export async function assertPinCapable(
	context: IExecuteFunctions,
	api: SeamApi,
	targets: { deviceIds: string[]; entranceIds: string[] },
	itemIndex: number,
): Promise<void> {
	const problems: string[] = [];
	for (const device_id of targets.deviceIds) {
		const device = (await api.call(
			(seam) => seam.devices.get({ device_id }),
			itemIndex,
		)) as IDataObject;
		if (device.can_program_online_access_codes !== true) {
			problems.push(
				`device "${displayName(device, device_id)}" (${device_id}) cannot take online PIN codes`,
			);
		}
	}
	for (const acs_entrance_id of targets.entranceIds) {
		const entrance = (await api.call(
			(seam) => seam.acs.entrances.get({ acs_entrance_id }),
			itemIndex,
		)) as IDataObject;
		if (entrance.can_unlock_with_code !== true) {
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
