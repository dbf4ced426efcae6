import type { N8nHome } from './n8nHome';
import { freePort } from './ports';
import { startBackground, tail, type BackgroundProcess } from './processes';
import { stripAnsi, type ExecutionData, type Json } from './runData';

// A running `n8n start` on loopback, driven the way a person (the editor's REST API) and an
// integrator (the public API, production webhooks) drive it. Used by the end-to-end tests of
// webhook workflows and trigger nodes, and by `npm run demo`.

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** The login the demo prints and the tests use; local instances only. */
export const DEFAULT_OWNER: Owner = {
	email: 'owner@example.com',
	password: 'Seam-n8n-demo-1',
	firstName: 'Demo',
	lastName: 'Owner',
};

export interface HttpResponse {
	status: number;
	headers: Headers;
	text: string;
	json<T = Json>(): T;
}

export interface StartOptions {
	/** Editor/API port; a free one by default. */
	port?: number;
	/** How long n8n may take to come up. */
	readyTimeoutMs?: number;
	env?: Record<string, string>;
	/** Also append everything n8n prints to this file. */
	logFile?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function request(
	url: string,
	init: RequestInit & { timeoutMs?: number } = {},
): Promise<HttpResponse> {
	const response = await fetch(url, {
		...init,
		signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		text,
		json: <T>() => JSON.parse(text) as T,
	};
}

export class N8nInstance {
	private authCookie?: string;
	private apiKey?: string;

	private constructor(
		readonly home: N8nHome,
		private readonly process: BackgroundProcess,
		/** e.g. http://127.0.0.1:5678 (no trailing slash) */
		readonly url: string,
	) {}

	/**
	 * Starts n8n and waits until its REST API answers. (On n8n 1.x /healthz/readiness turns
	 * ready before the REST routes exist, so both are polled.)
	 */
	static async start(home: N8nHome, options: StartOptions = {}): Promise<N8nInstance> {
		const port = options.port ?? (await freePort());
		const url = `http://127.0.0.1:${port}`;
		const env = home.env({
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...options.env,
		});
		const child = startBackground(home.runtime.node.bin, [home.runtime.n8nBin, 'start'], {
			env,
			logFile: options.logFile,
		});
		const instance = new N8nInstance(home, child, url);
		try {
			await instance.waitUntilReady(options.readyTimeoutMs ?? 120_000);
		} catch (error) {
			await instance.stop();
			throw error;
		}
		return instance;
	}

	private async waitUntilReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.process.hasExited()) {
				throw new Error(`n8n exited while starting:\n${tail(this.output())}`);
			}
			try {
				const [health, settings] = await Promise.all([
					request(`${this.url}/healthz/readiness`, { timeoutMs: 2000 }),
					request(`${this.url}/rest/settings`, { timeoutMs: 2000 }),
				]);
				if (health.status === 200 && settings.status === 200) return;
			} catch {
				// Not listening yet.
			}
			await sleep(500);
		}
		throw new Error(
			`n8n did not become ready within ${timeoutMs / 1000} s:\n${tail(this.output())}`,
		);
	}

	/** Resolves with the exit code when n8n ends (by stop() or by itself). */
	get exited(): Promise<number | null> {
		return this.process.exited;
	}

	/** What n8n has printed so far. */
	output(): string {
		return stripAnsi(this.process.output());
	}

	/** Stops n8n (and its task runners) and records its output in the home's runs. */
	async stop(): Promise<void> {
		const wasRunning = !this.process.hasExited();
		await this.process.stop();
		if (wasRunning) this.home.runs.push({ command: 'n8n start', output: this.output() });
	}

	/** The production URL of a Webhook node's path, as the editor shows it. */
	webhookUrl(path: string): string {
		return `${this.url}/webhook/${path.replace(/^\/+/, '')}`;
	}

	/**
	 * The production URL of an MCP Server Trigger's path (its version 2): Streamable HTTP (POST)
	 * and SSE (GET) on the same URL.
	 */
	mcpUrl(path: string): string {
		return `${this.url}/mcp/${path.replace(/^\/+/, '')}`;
	}

	/** Creates the instance owner (first start only) and logs in as them. */
	async setupOwner(owner: Owner = DEFAULT_OWNER): Promise<void> {
		const setup = await request(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		if (setup.status !== 200)
			throw new Error(`Owner setup failed: ${setup.status} ${setup.text.slice(0, 500)}`);
		await this.login(owner);
	}

	async login(owner: Owner = DEFAULT_OWNER): Promise<void> {
		const response = await request(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		const cookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (response.status !== 200 || !cookie)
			throw new Error(`Login failed: ${response.status} ${response.text.slice(0, 500)}`);
		this.authCookie = cookie.split(';')[0];
	}

	/** A call to the editor's REST API (/rest/…) as the logged-in owner. */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		if (!this.authCookie) throw new Error('Call setupOwner() or login() first');
		const response = await request(`${this.url}${path}`, {
			method,
			headers: {
				cookie: this.authCookie,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (response.status >= 300)
			throw new Error(`${method} ${path}: ${response.status} ${response.text.slice(0, 500)}`);
		return response.json<T>();
	}

	/** Node types as the editor loads them (the REST-side check that a package is installed). */
	async nodeTypes(): Promise<Array<Json & { name: string }>> {
		return await this.rest('GET', '/types/nodes.json');
	}

	async credentialTypes(): Promise<Array<Json & { name: string }>> {
		return await this.rest('GET', '/types/credentials.json');
	}

	/** A call to the public API (/api/v1/…) with an API key created for the owner on first use. */
	async publicApi<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		if (!this.apiKey) {
			const created = await this.rest<{ data: { rawApiKey: string } }>('POST', '/rest/api-keys', {
				label: `e2e-${Date.now()}`,
				scopes: [
					'workflow:read',
					'workflow:activate',
					'workflow:deactivate',
					'execution:read',
					'execution:list',
				],
				expiresAt: null,
			});
			this.apiKey = created.data.rawApiKey;
		}
		const response = await request(`${this.url}/api/v1${path}`, {
			method,
			headers: {
				'X-N8N-API-KEY': this.apiKey,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (response.status >= 300)
			throw new Error(
				`${method} /api/v1${path}: ${response.status} ${response.text.slice(0, 500)}`,
			);
		return response.json<T>();
	}

	/** Activates (publishes, on 2.x) a workflow: its triggers register, e.g. its webhooks. */
	async activate(workflowId: string): Promise<void> {
		await this.publicApi('POST', `/workflows/${workflowId}/activate`);
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.publicApi('POST', `/workflows/${workflowId}/deactivate`);
	}

	/**
	 * Sends a request to a production webhook. Activation registers webhooks asynchronously
	 * (n8n 2.x answers the activate call first), so while n8n answers "not registered" (which
	 * starts no execution) the request is repeated, for at most registrationTimeoutMs.
	 */
	async callWebhook(
		path: string,
		options: {
			method?: string;
			body?: unknown;
			headers?: Record<string, string>;
			registrationTimeoutMs?: number;
			timeoutMs?: number;
		} = {},
	): Promise<HttpResponse> {
		const deadline = Date.now() + (options.registrationTimeoutMs ?? 30_000);
		for (;;) {
			const response = await request(this.webhookUrl(path), {
				method: options.method ?? 'POST',
				headers: {
					...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
					...options.headers,
				},
				body:
					options.body === undefined
						? undefined
						: typeof options.body === 'string'
							? options.body
							: JSON.stringify(options.body),
				timeoutMs: options.timeoutMs ?? 120_000,
			});
			const unregistered = response.status === 404 && /is not registered/.test(response.text);
			if (!unregistered || Date.now() > deadline) return response;
			await sleep(250);
		}
	}

	/** Executions of a workflow, newest first (without their data). */
	async executions(
		workflowId: string,
	): Promise<Array<{ id: string; status: string; finished: boolean; mode: string }>> {
		const list = await this.publicApi<{
			data: Array<{ id: string; status: string; finished: boolean; mode: string }>;
		}>('GET', `/executions?workflowId=${encodeURIComponent(workflowId)}&limit=100`);
		return list.data;
	}

	/** One execution with all its node outputs. */
	async execution(id: string): Promise<ExecutionData> {
		return await this.publicApi<ExecutionData>('GET', `/executions/${id}?includeData=true`);
	}

	/**
	 * Waits for an execution of the workflow that is not in `known` and has stopped running
	 * (succeeded or failed), and returns it with its data.
	 */
	async waitForExecution(
		workflowId: string,
		options: { known?: string[]; timeoutMs?: number } = {},
	): Promise<ExecutionData> {
		const known = new Set(options.known ?? []);
		const deadline = Date.now() + (options.timeoutMs ?? 60_000);
		while (Date.now() < deadline) {
			const fresh = (await this.executions(workflowId)).find(
				(execution) =>
					!known.has(execution.id) && !['new', 'running', 'waiting'].includes(execution.status),
			);
			if (fresh) return await this.execution(fresh.id);
			await sleep(500);
		}
		throw new Error(
			`No finished execution of workflow ${workflowId} within ${(options.timeoutMs ?? 60_000) / 1000} s`,
		);
	}
}
