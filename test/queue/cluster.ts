import path from 'node:path';

import { N8nHome } from '../harness/n8nHome';
import { N8nInstance } from '../harness/n8nInstance';
import { freePort } from '../harness/ports';
import { startBackground, tail, type BackgroundProcess } from '../harness/processes';
import type { N8nRuntime } from '../harness/provision';
import { stripAnsi } from '../harness/runData';
import { startQueueServices, type Log, type QueueServices } from './services';

// n8n in queue mode on this machine, as n8n documents it for production: one main (editor, API,
// activation of triggers), workers that run every execution, a webhook processor that takes the
// production webhook calls, PostgreSQL for state and Redis for the queue. Each n8n process has
// its own user folder, as each would have its own container or host, and the package installed
// in it: a process without it would fail with "Unrecognized node type".

export interface ClusterOptions {
	runtime: N8nRuntime;
	/** The packed package (`npm pack`), installed into every process's nodes folder. */
	tarball: string;
	workers?: number;
	/** Executions one worker runs at once (`n8n worker --concurrency`); n8n's default is 10. */
	workerConcurrency?: number;
	log: Log;
}

/** A worker or webhook processor: a process with a health endpoint, logging to a file. */
export interface ClusterProcess {
	name: string;
	home: N8nHome;
	/** http://127.0.0.1:<port> of its HTTP server (health checks; webhooks for the processor). */
	url: string;
	logFile: string;
	/** The running process (a new one after QueueCluster.restart). */
	process: BackgroundProcess;
	/** What it printed so far, over every start. */
	output(): string;
	/** Starts it again with the same command and environment. */
	launch(): BackgroundProcess;
	/** What earlier starts printed. */
	history: string;
}

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(child: ClusterProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.process.hasExited()) {
			throw new Error(`${child.name} exited while starting:\n${tail(child.output())}`);
		}
		try {
			const response = await fetch(`${child.url}/healthz/readiness`, {
				signal: AbortSignal.timeout(2000),
			});
			if (response.status === 200) return;
		} catch {
			// Not listening yet.
		}
		await sleep(500);
	}
	throw new Error(`${child.name} not ready within ${timeoutMs / 1000} s:\n${tail(child.output())}`);
}

export class QueueCluster {
	private constructor(
		readonly services: QueueServices,
		readonly main: N8nInstance,
		readonly workers: ClusterProcess[],
		readonly webhookProcessor: ClusterProcess,
	) {}

	/** Where every log file of the run is (kept after stop() when asked to). */
	get logDir(): string {
		return this.services.dir;
	}

	/** The production URL of a webhook path on the webhook processor. */
	webhookUrl(webhookPath: string): string {
		return `${this.webhookProcessor.url}/webhook/${webhookPath.replace(/^\/+/, '')}`;
	}

	/** The workers whose logs say they ran the execution. */
	workersThatRan(executionId: string): string[] {
		return this.workers
			.filter((worker) => worker.output().includes(`Worker finished execution ${executionId} `))
			.map((worker) => worker.name);
	}

	static async start(options: ClusterOptions): Promise<QueueCluster> {
		const { log, runtime } = options;
		const started = Date.now();
		const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
		const services = await startQueueServices(log);
		const children: ClusterProcess[] = [];
		let main: N8nInstance | undefined;
		try {
			const webhookPort = await freePort();
			// Every process: the same database, queue and encryption key. N8N_WEBHOOK_URL (WEBHOOK_URL before n8n 2.x) is the public
			// address of the webhook processors: what the main process registers with Seam.
			const sharedEnv: Record<string, string> = {
				EXECUTIONS_MODE: 'queue',
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: services.postgres.host,
				DB_POSTGRESDB_PORT: String(services.postgres.port),
				DB_POSTGRESDB_USER: services.postgres.user,
				DB_POSTGRESDB_PASSWORD: '',
				DB_POSTGRESDB_DATABASE: services.postgres.database,
				QUEUE_BULL_REDIS_HOST: services.redis.host,
				QUEUE_BULL_REDIS_PORT: String(services.redis.port),
				N8N_WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
			};
			const mainHome = N8nHome.create(runtime, services.dir, { env: sharedEnv });
			const { encryptionKey } = mainHome;
			const homes = (count: number) =>
				Array.from({ length: count }, () =>
					N8nHome.create(runtime, services.dir, { encryptionKey, env: sharedEnv }),
				);
			const workerHomes = homes(options.workers ?? 2);
			const [webhookHome] = homes(1);
			const allHomes = [mainHome, ...workerHomes, webhookHome];
			log(`Installing the package into the nodes folder of ${allHomes.length} n8n processes …`);
			for (const home of allHomes) await home.installPackage(options.tarball);

			log(`Starting n8n ${runtime.target.n8nVersion} main (queue mode) …`);
			main = await N8nInstance.start(mainHome, {
				readyTimeoutMs: 3 * MINUTE,
				logFile: path.join(services.dir, 'main.log'),
				// Production webhooks are the webhook processor's; main keeps the editor, the API and
				// the test webhooks, as n8n's docs advise behind a load balancer.
				env: { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
			});
			log(`main ready at ${main.url} after ${seconds()}`);

			const startChild = async (
				name: string,
				home: N8nHome,
				args: string[],
				port: number,
				env: Record<string, string>,
			): Promise<ClusterProcess> => {
				const logFile = path.join(services.dir, `${name}.log`);
				const processEnv = home.env({
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					...env,
				});
				const launch = () =>
					startBackground(runtime.node.bin, [runtime.n8nBin, ...args], {
						env: processEnv,
						logFile,
					});
				const entry: ClusterProcess = {
					name,
					home,
					url: `http://127.0.0.1:${port}`,
					logFile,
					process: launch(),
					launch,
					history: '',
					output: () => stripAnsi(entry.history + entry.process.output()),
				};
				children.push(entry);
				return entry;
			};
			const concurrency = String(options.workerConcurrency ?? 10);
			const workers = await Promise.all(
				workerHomes.map(async (home, index) => {
					const port = await freePort();
					return await startChild(
						`worker-${index + 1}`,
						home,
						['worker', `--concurrency=${concurrency}`],
						port,
						{
							QUEUE_HEALTH_CHECK_ACTIVE: 'true',
							QUEUE_HEALTH_CHECK_PORT: String(port),
							N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
						},
					);
				}),
			);
			const webhookProcessor = await startChild('webhook', webhookHome, ['webhook'], webhookPort, {
				N8N_PORT: String(webhookPort),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
			});
			log(`Starting ${workers.length} workers and a webhook processor …`);
			await Promise.all(children.map((child) => waitForHealth(child, 3 * MINUTE)));
			log(
				`Cluster ready after ${seconds()}: ${children.map((child) => `${child.name} ${child.url}`).join(', ')}; logs in ${services.dir}`,
			);
			return new QueueCluster(services, main, workers, webhookProcessor);
		} catch (error) {
			await Promise.all(children.map((child) => child.process.stop()));
			await main?.stop();
			await services.stop({ keepLogs: true });
			log(`Cluster failed to start; logs kept in ${services.dir}`);
			throw error;
		}
	}

	/**
	 * Kills a process the way a crash or an out-of-memory kill does: SIGKILL to its whole group
	 * (its task runner too), no shutdown of any kind.
	 */
	async kill(child: ClusterProcess): Promise<void> {
		try {
			process.kill(-child.process.pid, 'SIGKILL');
		} catch {
			// Gone already.
		}
		await child.process.exited;
	}

	/** Stops a worker or the webhook processor (gracefully) and starts it again. */
	async restart(child: ClusterProcess): Promise<void> {
		await child.process.stop(30_000);
		child.history += child.process.output();
		child.process = child.launch();
		await waitForHealth(child, 3 * MINUTE);
	}

	/** Everything the n8n processes printed, by process name. */
	outputs(): Record<string, string> {
		return Object.fromEntries([
			['main', this.main.output()],
			...[...this.workers, this.webhookProcessor].map((child) => [child.name, child.output()]),
		]);
	}

	/**
	 * Stops the n8n processes (graceful: workers finish their jobs within n8n's shutdown timeout),
	 * then Redis and PostgreSQL, and deletes the run's folder unless `keepLogs`.
	 */
	async stop(options: { keepLogs?: boolean } = {}): Promise<void> {
		await Promise.all(
			[this.webhookProcessor, ...this.workers].map((child) => child.process.stop(30_000)),
		);
		await this.main.stop();
		// The homes are in the run's folder: they go with it.
		await this.services.stop(options);
	}
}
