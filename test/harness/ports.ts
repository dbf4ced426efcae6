import { createServer } from 'node:net';

/**
 * A TCP port that is free on 127.0.0.1 right now. n8n listens on several (editor, task broker),
 * and two n8n processes run at once in the tests (a CLI `execute` beside `n8n start`, or two
 * test files in parallel workers), so none may keep the defaults.
 */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => (port ? resolve(port) : reject(new Error('No free port'))));
		});
	});
}
