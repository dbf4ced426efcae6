import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deliveryScope, rememberInRun } from './deliveryMemory';
import { eventsRunOnce } from './eventsRunOnce';
import { readRegistration } from './registration';

/**
 * The Seam Trigger's step inside the run its delivery started: the events pass on unchanged,
 * unless an earlier run already passed them on (n8n's de-duplication store, which every process
 * of a queue-mode n8n shares), and the delivery memory is written into the run's static data.
 * n8n 2.x does not save static data changed by a webhook call that starts a run, but saves what
 * changes during the run; without this, a retry of the same delivery after an n8n restart would
 * start a run again.
 */
export async function passEventsThrough(
	context: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const { items, alreadyRun } = await eventsRunOnce(context, context.getInputData());
	if (alreadyRun.length > 0) {
		context.logger.info('Seam Trigger stopped a run: an earlier run already passed its event on', {
			node: context.getNode().name,
			eventIds: alreadyRun,
		});
	}
	// A "Listen for test event" run has its own Seam webhook and n8n saves nothing of it: it must
	// not add to the memory that production deliveries are checked against.
	if (context.getMode() === 'manual') return [items];
	const staticData = context.getWorkflowStaticData('node');
	const registration = readRegistration(staticData);
	if (registration) {
		const eventIds = items
			.map((item) => item.json.event_id)
			.filter((eventId): eventId is string => typeof eventId === 'string');
		const scope = deliveryScope(
			context.getWorkflow().id,
			context.getNode().name,
			registration.webhookId,
		);
		rememberInRun(staticData, scope, eventIds);
	}
	return [items];
}
