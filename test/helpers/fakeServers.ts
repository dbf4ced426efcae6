import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeServer {
	url: string;
	requests: Array<{ method?: string; url?: string; authorization?: string }>;
	close: () => Promise<void>;
}

/** A throwaway HTTP server on loopback that answers every request with `handler`. */
export async function startFakeServer(
	handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<FakeServer> {
	const requests: FakeServer['requests'] = [];
	const sockets = new Set<import('node:net').Socket>();
	const server = http.createServer((req, res) => {
		requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
		handler(req, res);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<string> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}

export function jsonError(
	res: http.ServerResponse,
	status: number,
	error: Record<string, unknown>,
	requestId = 'req_test_123',
) {
	res.writeHead(status, { 'content-type': 'application/json', 'seam-request-id': requestId });
	res.end(JSON.stringify({ error: { ...error, request_id: requestId }, ok: false }));
}
