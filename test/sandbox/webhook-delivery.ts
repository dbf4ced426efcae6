import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import type { SeamEvent, WebhookRecord } from './store';
import { loadSigner, newMessageId, type Signer } from './svix-signer';

// Delivers recorded events to webhooks the way Seam does through Svix: one
// POST per event and endpoint, the raw event JSON as the body, Svix signature
// headers, retried on a non-2xx answer or a network error. Differences, kept on
// purpose for tests: the retry schedule is milliseconds instead of hours, and
// each webhook receives its events strictly in order (a message being retried
// holds back the ones after it; Svix makes no ordering promise).
//
// Everything runs outside request handling: enqueue() only queues, so an API
// response never waits for a receiver.

export interface WebhookDeliveryAttempt {
	webhookId: string;
	eventId: string;
	eventType: string;
	url: string;
	/** 1 for the first try, 2 for the first retry, … */
	attempt: number;
	/** HTTP status of the receiver's answer, or 'network_error' (refused, reset, timed out). */
	status: number | 'network_error';
	/** When the attempt started (ISO 8601). */
	at: string;
	/** What went wrong, for 'network_error'. */
	error?: string;
}

export interface DispatcherOptions {
	/** Wait before each retry; attempts = length + 1. */
	retryDelaysMs: readonly number[];
	/** An attempt without an answer for this long counts as a network error. */
	attemptTimeoutMs: number;
	/** Every attempt is appended here (sandbox.deliveries). */
	deliveries: WebhookDeliveryAttempt[];
	/** False once the webhook was deleted (or the sandbox reset): its queue is dropped. */
	isLive(webhook: WebhookRecord): boolean;
	/** Sandbox bugs (e.g. svix failing to load) go to contractViolations. */
	reportBug(message: string): void;
}

type Outcome = Pick<WebhookDeliveryAttempt, 'status' | 'error'>;

interface Message {
	event: SeamEvent;
	messageId: string;
	payload: string;
}

/** One webhook's pending messages and whatever its delivery loop is waiting on. */
interface Queue {
	webhook: WebhookRecord;
	messages: Message[];
	cancelled: boolean;
	/** Cancelled by reset()/close(): the attempt in flight was cut off and is not recorded. */
	aborted: boolean;
	inFlight: ClientRequest | null;
	/** The pending retry delay, so cancelling does not wait it out. */
	sleeping: { timer: NodeJS.Timeout; wake: () => void } | null;
}

export class WebhookDispatcher {
	private readonly queues = new Map<WebhookRecord, Queue>();
	private readonly idleWaiters = new Set<() => void>();
	private closed = false;

	constructor(private readonly options: DispatcherOptions) {}

	/** Queues `event` for each of `webhooks` (already filtered by event type). */
	enqueue(event: SeamEvent, webhooks: WebhookRecord[]): void {
		if (this.closed || webhooks.length === 0) return;
		const message = { event, messageId: newMessageId(), payload: JSON.stringify(event) };
		for (const webhook of webhooks) {
			let queue = this.queues.get(webhook);
			if (queue == null) {
				queue = {
					webhook,
					messages: [],
					cancelled: false,
					aborted: false,
					inFlight: null,
					sleeping: null,
				};
				this.queues.set(webhook, queue);
				void this.run(queue);
			}
			queue.messages.push(message);
		}
	}

	/** Drops the queues of webhooks that no longer exist; an attempt already sent still finishes. */
	prune(): void {
		for (const queue of this.queues.values()) {
			if (!this.options.isLive(queue.webhook)) this.cancel(queue, false);
		}
	}

	/** Stops everything now (reset): queued messages, retry waits and requests in flight. */
	cancelAll(): void {
		for (const queue of this.queues.values()) this.cancel(queue, true);
	}

	/** Resolves once nothing is queued, waiting for a retry or in flight; rejects after timeoutMs. */
	whenIdle(timeoutMs: number): Promise<void> {
		if (this.queues.size === 0) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const done = () => {
				clearTimeout(timer);
				this.idleWaiters.delete(done);
				resolve();
			};
			const timer = setTimeout(() => {
				this.idleWaiters.delete(done);
				const pending = [...this.queues.values()].reduce(
					(sum, queue) => sum + queue.messages.length,
					0,
				);
				reject(
					new Error(`Webhook deliveries still pending after ${timeoutMs} ms (${pending} events)`),
				);
			}, timeoutMs);
			this.idleWaiters.add(done);
		});
	}

	/** For close(): no new deliveries, pending retries cancelled, requests aborted. */
	async close(timeoutMs: number): Promise<void> {
		this.closed = true;
		this.cancelAll();
		await this.whenIdle(timeoutMs);
	}

	private cancel(queue: Queue, abortInFlight: boolean): void {
		queue.cancelled = true;
		queue.messages.length = 0;
		if (queue.sleeping != null) {
			clearTimeout(queue.sleeping.timer);
			queue.sleeping.wake();
		}
		if (abortInFlight) {
			queue.aborted = true;
			queue.inFlight?.destroy();
		}
	}

	private async run(queue: Queue): Promise<void> {
		try {
			const sign = await loadSigner();
			while (!queue.cancelled && queue.messages.length > 0) {
				await this.deliver(queue, queue.messages[0], sign);
				queue.messages.shift();
			}
		} catch (error) {
			this.options.reportBug(
				`webhook delivery to ${queue.webhook.url} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
			);
		} finally {
			this.queues.delete(queue.webhook);
			if (this.queues.size === 0) for (const wake of [...this.idleWaiters]) wake();
		}
	}

	/** First attempt, then one retry per configured delay until a 2xx answer. */
	private async deliver(queue: Queue, message: Message, sign: Signer): Promise<void> {
		const { retryDelaysMs } = this.options;
		for (let attempt = 1; attempt <= retryDelaysMs.length + 1; attempt += 1) {
			if (queue.cancelled || !this.options.isLive(queue.webhook)) return;
			const at = new Date();
			const outcome = await this.post(queue, message, sign, at);
			// Aborted by reset()/close(): the sandbox is gone, nothing is recorded.
			if (queue.aborted) return;
			this.options.deliveries.push({
				webhookId: queue.webhook.webhook_id,
				eventId: message.event.event_id,
				eventType: message.event.event_type,
				url: queue.webhook.url,
				attempt,
				at: at.toISOString(),
				...outcome,
			});
			const ok =
				typeof outcome.status === 'number' && outcome.status >= 200 && outcome.status < 300;
			if (ok || attempt > retryDelaysMs.length) return;
			await this.sleep(queue, retryDelaysMs[attempt - 1]);
		}
	}

	private sleep(queue: Queue, ms: number): Promise<void> {
		if (queue.cancelled) return Promise.resolve();
		return new Promise((resolve) => {
			const wake = () => {
				queue.sleeping = null;
				resolve();
			};
			queue.sleeping = { timer: setTimeout(wake, ms), wake };
		});
	}

	/** One signed POST; resolves with the answer's status or the network error, never rejects. */
	private post(queue: Queue, message: Message, sign: Signer, at: Date): Promise<Outcome> {
		const url = new URL(queue.webhook.url);
		const headers = {
			...sign(queue.webhook.secret, message.messageId, message.payload, at),
			'content-type': 'application/json',
			'content-length': String(Buffer.byteLength(message.payload)),
			'user-agent': 'Svix-Webhooks (Seam sandbox)',
		};
		return new Promise((resolve) => {
			let settled = false;
			const finish = (outcome: Outcome) => {
				if (settled) return;
				settled = true;
				queue.inFlight = null;
				resolve(outcome);
			};
			const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
			// agent: false: one connection per attempt, closed with it, so none outlives close().
			const request = send(url, {
				method: 'POST',
				headers,
				agent: false,
				timeout: this.options.attemptTimeoutMs,
			});
			queue.inFlight = request;
			request.on('response', (response) => {
				const status = response.statusCode ?? 0;
				// The body is read (and ignored) so the connection ends cleanly.
				response.resume();
				response.on('end', () => finish({ status }));
				response.on('close', () => finish({ status }));
			});
			request.on('timeout', () =>
				request.destroy(new Error(`no answer within ${this.options.attemptTimeoutMs} ms`)),
			);
			request.on('error', (error) => finish({ status: 'network_error', error: error.message }));
			request.on('close', () => finish({ status: 'network_error', error: 'connection closed' }));
			request.end(message.payload);
		});
	}
}
