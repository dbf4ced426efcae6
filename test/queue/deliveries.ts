import { randomUUID } from 'node:crypto';

import { loadSigner, newMessageId } from '../sandbox/svix-signer';
import type { Json } from '../harness/runData';

// Seam webhook deliveries made in the test process, signed as Seam's Svix signs them, and sent
// to a URL many at a time: the load a busy Seam workspace puts on the webhook processors.

export interface Delivery {
	messageId: string;
	event: Json & { event_id: string };
	body: string;
}

export interface Attempt {
	/** ms since the epoch: when the request went out and when its answer came. */
	sentAt: number;
	answeredAt: number;
	/** HTTP status; 0 for a network error. */
	status: number;
	text: string;
}

export interface DeliveryResult extends Attempt {
	delivery: Delivery;
	/** Every attempt, the first one first; the result's own fields are the last one's. */
	attempts: Attempt[];
	/** When the first attempt went out. */
	firstSentAt: number;
}

/** A lock.unlocked event as Seam sends it, with a fresh event_id. */
export function lockUnlockedEvent(): Json & { event_id: string } {
	const now = new Date().toISOString();
	return {
		event_id: randomUUID(),
		event_type: 'lock.unlocked',
		workspace_id: randomUUID(),
		device_id: randomUUID(),
		created_at: now,
		occurred_at: now,
	};
}

export function newDelivery(event = lockUnlockedEvent()): Delivery {
	return { messageId: newMessageId(), event, body: JSON.stringify(event) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function attempt(
	url: string,
	body: string,
	headers: Record<string, string>,
): Promise<Attempt> {
	const sentAt = Date.now();
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
			signal: AbortSignal.timeout(60_000),
		});
		return { sentAt, answeredAt: Date.now(), status: response.status, text: await response.text() };
	} catch (error) {
		return { sentAt, answeredAt: Date.now(), status: 0, text: String(error) };
	}
}

/**
 * Posts the deliveries to `url`, at most `concurrency` at once, each signed with `secret` when it
 * is sent (Svix signs every attempt afresh). Like Svix, a delivery answered with anything but a
 * 2xx (or not at all) is sent again, after each of `retryDelaysMs` in turn, with the same message
 * id. A repeated delivery is the same object twice in the list.
 */
export async function sendDeliveries(
	url: string,
	secret: string,
	deliveries: Delivery[],
	options: { concurrency: number; retryDelaysMs?: number[] },
): Promise<DeliveryResult[]> {
	const sign = await loadSigner();
	const results: DeliveryResult[] = new Array(deliveries.length);
	let next = 0;
	const send = async (delivery: Delivery): Promise<DeliveryResult> => {
		const attempts: Attempt[] = [];
		const delays = [...(options.retryDelaysMs ?? [])];
		for (;;) {
			const at = new Date();
			const headers = sign(secret, delivery.messageId, delivery.body, at);
			const last = await attempt(url, delivery.body, { ...headers });
			attempts.push(last);
			const delay = delays.shift();
			if ((last.status >= 200 && last.status < 300) || delay === undefined) {
				return { ...last, delivery, attempts, firstSentAt: attempts[0].sentAt };
			}
			await sleep(delay);
		}
	};
	const lane = async () => {
		while (next < deliveries.length) {
			const index = next++;
			results[index] = await send(deliveries[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(options.concurrency, deliveries.length) }, lane));
	return results;
}

/** The p-th percentile (0–100) of some numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
