import type { DeviceRecord } from './store';

// Seam's device errors. A device reports them in its own `errors`, and Seam
// copies them onto each of its access codes (the access_code `errors` union
// holds device and connected account errors beside the access code ones), so
// whoever reads a code sees that its lock cannot be reached.

/** The device's errors: a `device_disconnected` error while it is offline (sandbox.setDeviceOnline). */
export function deviceErrorsOf(device: DeviceRecord): Array<Record<string, unknown>> {
	if (device.offline_since == null) return [];
	return [
		{
			error_code: 'device_disconnected',
			is_device_error: true,
			message: 'Device is offline: Seam cannot reach it.',
			created_at: device.offline_since,
		},
	];
}
