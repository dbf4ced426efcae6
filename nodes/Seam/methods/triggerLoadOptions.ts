import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { connectToSeam } from '../shared/transport/client';

// Choices for the trigger's device and access-system filters.

export async function getDevices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await connectToSeam(this);
	const devices = (await api.call((seam) =>
		seam.createPaginator(seam.devices.list({})).flattenToArray(),
	)) as unknown as IDataObject[];
	return devices
		.map((device) => ({
			name: String(
				device.display_name ??
					(device.properties as IDataObject | undefined)?.name ??
					device.device_id,
			),
			value: String(device.device_id),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getAcsSystems(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await connectToSeam(this);
	const systems = (await api.call((seam) => seam.acs.systems.list({}))) as unknown as IDataObject[];
	return systems
		.map((system) => ({
			name: String(system.name ?? system.acs_system_id),
			value: String(system.acs_system_id),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
