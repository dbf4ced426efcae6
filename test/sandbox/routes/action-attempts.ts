import { presentActionAttempt } from '../action-attempts';
import { notFound } from '../errors';
import { paginate } from '../pagination';
import type { RouteTable } from './types';

// Action attempts of lock actions and access code writes (action-attempts.ts).

export const actionAttemptRoutes: RouteTable = {
	'/action_attempts/get': ({ store, input }) => {
		const id = input.requiredString('action_attempt_id');
		const attempt = store.actionAttempts.get(id);
		if (attempt == null) throw notFound('action_attempt', id, 'action attempt');
		return { action_attempt: presentActionAttempt(attempt) };
	},

	'/action_attempts/list': ({ store, input, params, requestUrl }) => {
		const ids = input.stringArray('action_attempt_ids');
		const deviceId = input.string('device_id');
		const attempts = [...store.actionAttempts.values()].filter(
			(attempt) =>
				(ids == null || ids.includes(attempt.action_attempt_id)) &&
				(deviceId == null || attempt.device_id === deviceId),
		);
		const page = paginate(attempts, params, requestUrl, 500);
		return {
			action_attempts: page.items.map(presentActionAttempt),
			pagination: page.pagination,
		};
	},
};
