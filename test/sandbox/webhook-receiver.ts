import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local HTTP endpoint for tests to point sandbox webhooks at: it keeps every
// request exactly as received (raw body for signature checks) and answers with
// a status the test chooses, e.g. 500 twice then 204 to exercise retries.

export interface ReceivedWebhook {
	headers: IncomingHttpHeaders;
	/** The body byte for byte (UTF-8), as a signature must be checked against it. */
	body: string;
	/** Date.now() when the request arrived. */
	receivedAt: number;
}

/** Status for the n-th request (1-based) this receiver gets; a promise makes the answer wait. */
export type Responder = (
	requestNumber: number,
	request: ReceivedWebhook,
) => number | Promise<number>;

export interface WebhookReceiver {
	url: string;
	received: ReceivedWebhook[];
	/** Default: 204 for every request. */
	respondWith(responder: number | Responder): void;
	/** Resolves with the first `count` requests once they have arrived; rejects after timeoutMs. */
	waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
	close(): Promise<void>;
}

export async function startWebhookReceiver(path = '/seam-webhook'): Promise<WebhookReceiver> {
	const received: ReceivedWebhook[] = [];
	let responder: Responder = () => 204;
	const waiters = new Set<() => void>();

	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const request = {
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				receivedAt: Date.now(),
			};
			received.push(request);
			void Promise.resolve(responder(received.length, request)).then(
				(status) => res.writeHead(status).end(),
				() => res.writeHead(500).end(),
			);
			for (const wake of [...waiters]) wake();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}${path}`,
		received,
		respondWith(next) {
			responder = typeof next === 'number' ? () => next : next;
		},
		waitFor(count, timeoutMs = 5_000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (received.length < count) return;
					clearTimeout(timer);
					waiters.delete(check);
					resolve(received.slice(0, count));
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(
						new Error(
							`Expected ${count} webhook requests within ${timeoutMs} ms, got ${received.length}`,
						),
					);
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
		close() {
			return new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}
