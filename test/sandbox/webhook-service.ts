import { DueWorkTimer } from './due-work-timer';
import { nextDueAt, settleDueWork } from './settle';
import type { Store } from './store';
import { type WebhookDeliveryAttempt, WebhookDispatcher } from './webhook-delivery';
import { wantsEvent } from './webhooks';

// Connects a sandbox's store to webhook delivery: every recorded event goes to
// the webhooks subscribed to its type at that moment, and while any webhook
// exists, time-based events (PIN issued, access method issued) are produced
// when due rather than on the next request.

/** Seam's schedule is immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; this keeps the shape in ms. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [50, 100, 200, 400];

// Svix gives a receiver 15 s to answer; a local receiver that needs more is stuck.
const ATTEMPT_TIMEOUT_MS = 5_000;

export interface WebhookServiceOptions {
	retryDelaysMs: readonly number[];
	reportBug(message: string): void;
}

export class WebhookService {
	/** Every delivery attempt, in the order they finished (sandbox.deliveries). */
	readonly deliveries: WebhookDeliveryAttempt[] = [];
	private readonly dispatcher: WebhookDispatcher;
	private readonly dueTimer: DueWorkTimer;

	constructor(
		private readonly store: () => Store,
		options: WebhookServiceOptions,
	) {
		this.dispatcher = new WebhookDispatcher({
			retryDelaysMs: options.retryDelaysMs,
			attemptTimeoutMs: ATTEMPT_TIMEOUT_MS,
			deliveries: this.deliveries,
			isLive: (webhook) => this.store().webhooks.get(webhook.webhook_id) === webhook,
			reportBug: options.reportBug,
		});
		this.dueTimer = new DueWorkTimer(() => {
			try {
				settleDueWork(this.store(), new Date());
			} catch (error) {
				// Outside a request nobody would see the crash: make it a visible sandbox bug instead.
				options.reportBug(
					`settling due work for webhooks crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
				);
				return;
			}
			this.afterChange();
		});
	}

	/** Routes the events `store` records to its webhooks; called for each new store. */
	attach(store: Store): void {
		store.onEventRecorded = (event) => {
			const subscribed = [...store.webhooks.values()]
				.filter((webhook) => wantsEvent(webhook, event.event_type))
				.sort((a, b) => a.seq - b.seq);
			this.dispatcher.enqueue(event, subscribed);
		};
	}

	/** After anything that may have changed webhooks or due work (each request, emitEvent). */
	afterChange(): void {
		this.dispatcher.prune();
		const store = this.store();
		this.dueTimer.schedule(store.webhooks.size > 0 ? nextDueAt(store) : null);
	}

	flush(timeoutMs: number): Promise<void> {
		return this.dispatcher.whenIdle(timeoutMs);
	}

	/** Before the store is replaced: nothing pending survives, the attempt log starts empty. */
	reset(): void {
		this.dueTimer.cancel();
		this.dispatcher.cancelAll();
		this.deliveries.length = 0;
	}

	close(timeoutMs: number): Promise<void> {
		this.dueTimer.cancel();
		return this.dispatcher.close(timeoutMs);
	}
}

/** Validates SandboxOptions.webhookRetryDelaysMs. */
export function retryDelaysOption(value: readonly number[] | undefined): readonly number[] {
	if (value == null) return DEFAULT_RETRY_DELAYS_MS;
	if (!Array.isArray(value) || value.some((ms) => !Number.isFinite(ms) || ms < 0)) {
		throw new RangeError('webhookRetryDelaysMs must be a list of non-negative numbers');
	}
	return [...value];
}
