import http from 'node:http';
import type { AddressInfo } from 'node:net';

// Between the client and the local sandbox: every request waits `delayMs` before it is passed
// on, as if Seam were a network hop away, and is recorded, so requests are counted at the
// proxy (what would reach Seam), not inside the client.

export interface ProxiedRequest {
	method: string;
	/** The path without the query. */
	path: string;
	/** When the proxy received it and when it finished answering (epoch ms, sub-ms precision). */
	receivedAt: number;
	answeredAt: number;
	status: number;
}

export interface LatencyProxy {
	url: string;
	requests: ProxiedRequest[];
	close(): Promise<void>;
}

/** Epoch milliseconds with performance.now()'s precision: comparable with Seam's timestamps. */
export const epochMs = () => performance.timeOrigin + performance.now();

export async function startLatencyProxy(upstream: string, delayMs: number): Promise<LatencyProxy> {
	const target = new URL(upstream);
	const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
	const requests: ProxiedRequest[] = [];

	const server = http.createServer((incoming, outgoing) => {
		const receivedAt = epochMs();
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			setTimeout(() => {
				const upstreamRequest = http.request(
					{
						host: target.hostname,
						port: target.port,
						method: incoming.method,
						path: incoming.url,
						headers: { ...incoming.headers, host: target.host },
						agent,
					},
					(answer) => {
						outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
						answer.pipe(outgoing);
						answer.on('end', () => {
							requests.push({
								method: incoming.method ?? 'GET',
								path: (incoming.url ?? '').split('?')[0],
								receivedAt,
								answeredAt: epochMs(),
								status: answer.statusCode ?? 0,
							});
						});
					},
				);
				upstreamRequest.on('error', (error) => {
					outgoing.writeHead(502, { 'content-type': 'text/plain' });
					outgoing.end(`latency proxy: ${error.message}`);
				});
				upstreamRequest.end(Buffer.concat(chunks));
			}, delayMs);
		});
	});
	server.keepAliveTimeout = 30_000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			agent.destroy();
		},
	};
}
