import { presentActionAttempt } from '../action-attempts';
import { requireDevice } from '../lookups';
import { requestLockAction } from '../lock-actions';
import { guardDeviceWrites } from '../rate-limit';
import { deviceRoutes } from './devices';
import type { RouteContext, RouteTable } from './types';

// Seam's /locks/*: the same device objects as /devices/* (every device the
// sandbox holds is a lock), plus remote lock and unlock (lock-actions.ts).

export const lockRoutes: RouteTable = {
	'/locks/get': (context) => {
		const { device } = deviceRoutes['/devices/get'](context);
		return { lock: device, device };
	},

	'/locks/list': (context) => {
		// /locks/list is not paginated in Seam's document: every matching lock.
		const { devices } = deviceRoutes['/devices/list']({
			...context,
			params: { ...context.params, limit: Number.MAX_SAFE_INTEGER },
		});
		return { locks: devices, devices };
	},

	'/locks/lock_door': (context) => lockAction(context, 'LOCK_DOOR'),
	'/locks/unlock_door': (context) => lockAction(context, 'UNLOCK_DOOR'),
};

function lockAction(
	{ store, input, now, settings }: RouteContext,
	type: 'LOCK_DOOR' | 'UNLOCK_DOOR',
): Record<string, unknown> {
	const device = requireDevice(store, input.requiredString('device_id'));
	const countWrite = guardDeviceWrites(store, settings, [device.device_id], now);
	const attempt = requestLockAction(store, device, type, now, settings.actionAttemptDelayMs);
	countWrite();
	return { action_attempt: presentActionAttempt(attempt) };
}
