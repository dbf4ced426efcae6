import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SeamApi, TransportSettings } from '../shared/transport/client';
import type { SeamParams, SeamClient } from '../shared/transport/sdk';
import {
	advanceCursor,
	type CursorSettings,
	isListedEvent,
	latestEvent,
	type ListedEvent,
	type ListEvents,
	parseCursorState,
	startCursor,
} from './eventCursor';
import { type EventSelection, matchesSelection } from '../shared/events/eventSelection';
import { nodeSelection } from '../shared/events/nodeSelection';
import { presentEvent } from '../shared/events/presentEvent';
import { connectToSeam } from '../shared/transport/client';

// poll() of the Seam Polling Trigger: new events since the last poll (eventCursor.ts does the
// bookkeeping), or, for "Fetch Test Event" in the editor, the latest matching event.

const CURSOR_KEY = 'eventCursor';

/** How a poll reads Seam: page size and per-poll budget (`poll`), and the connection (`transport`). */
export interface PollSettings {
	poll: Readonly<CursorSettings>;
	transport: Readonly<TransportSettings>;
}

/** How far back "Fetch Test Event" looks. */
const TEST_EVENT_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;

type EventsListParameters = SeamParams<SeamClient['events']['list']>;

/**
 * /events/list through the shared transport, narrowed to the chosen event types by Seam. The
 * cursor needs an event_id and a created_at on every event (Seam's schema requires both); an
 * event without them stops the poll with an error rather than being skipped or repeated.
 */
function eventLister(context: IPollFunctions, api: SeamApi, selection: EventSelection): ListEvents {
	return async (window) => {
		const parameters = {
			...window,
			...(selection.eventTypes ? { event_types: selection.eventTypes } : {}),
		} as EventsListParameters;
		const events = (await api.call((seam) =>
			seam.events.list(parameters),
		)) as unknown as ListedEvent[];
		const broken = events.find((event) => !isListedEvent(event));
		if (broken) {
			throw new NodeOperationError(
				context.getNode(),
				'Seam listed an event without an event_id or a valid created_at',
				{ description: `event_id: ${String(broken.event_id)}` },
			);
		}
		return events;
	};
}

function toItems(context: IPollFunctions, events: IDataObject[]): INodeExecutionData[][] {
	return [context.helpers.returnJsonArray(events.map(presentEvent))];
}

async function fetchTestEvent(
	context: IPollFunctions,
	list: ListEvents,
	selection: EventSelection,
	settings: Readonly<CursorSettings>,
): Promise<INodeExecutionData[][]> {
	const from = Date.now() - TEST_EVENT_LOOKBACK_MS;
	const event = await latestEvent(
		list,
		from,
		(candidate) => matchesSelection(candidate as IDataObject, selection),
		settings,
	);
	if (!event) {
		throw new NodeOperationError(context.getNode(), 'No matching Seam event in the last 30 days', {
			description:
				'Make one happen (for example issue an Access Grant for access_method.issued), or widen "Events" or "Filters", then fetch again.',
		});
	}
	return toItems(context, [event as IDataObject]);
}

export async function pollSeamEvents(
	context: IPollFunctions,
	settings: PollSettings,
): Promise<INodeExecutionData[][] | null> {
	const selection = nodeSelection(context);
	const api = await connectToSeam(context, settings.transport);
	const list = eventLister(context, api, selection);
	// The editor's "Fetch Test Event": show something real, leave the cursor alone.
	if (context.getMode() === 'manual')
		return await fetchTestEvent(context, list, selection, settings.poll);

	const staticData = context.getWorkflowStaticData('node');
	const stored = parseCursorState(staticData[CURSOR_KEY]);
	if (!stored) {
		// First poll (on activation): start from now, emit nothing from before.
		const started = await startCursor(list, Date.now(), settings.poll);
		staticData[CURSOR_KEY] = started as unknown as IDataObject;
		return null;
	}
	const { state, events } = await advanceCursor(stored, list, settings.poll);
	staticData[CURSOR_KEY] = state as unknown as IDataObject;
	// The cursor moves over every listed event; the device/system filters only choose the output.
	const wanted = (events as IDataObject[]).filter((event) => matchesSelection(event, selection));
	return wanted.length > 0 ? toItems(context, wanted) : null;
}
