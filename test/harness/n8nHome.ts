import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePort } from './ports';
import { runChecked, runCommand, tail } from './processes';
import { npmEnv, type N8nRuntime } from './provision';
import { parseRawOutput, stripAnsi, type ExecutionData, type Json } from './runData';

// One n8n "home": a fresh N8N_USER_FOLDER with its own SQLite database and encryption key, in
// which the package is installed the way a self-hosting user installs a community node, and
// n8n's own command line imports credentials and workflows and runs workflows headlessly.

export interface CredentialFixture {
	id: string;
	name: string;
	type: string;
	/**
	 * Decrypted values, typed as the credential type's fields are (a number field a number);
	 * `n8n import:credentials` encrypts them with the home's key.
	 */
	data: Record<string, string | number | boolean>;
}

export interface CliRun {
	command: string;
	output: string;
}

const MINUTE = 60_000;

export class N8nHome {
	/** Every n8n command run in this home with its output, for assertions on what n8n printed. */
	readonly runs: CliRun[] = [];

	private constructor(
		readonly runtime: N8nRuntime,
		readonly userFolder: string,
		readonly encryptionKey: string,
		private readonly sharedEnv: Record<string, string>,
	) {}

	/**
	 * A new, empty home in the system's temp folder (or under `parent`). Several n8n processes of
	 * one installation (queue mode: main, workers, webhook processors) share one `encryptionKey`
	 * and the settings in `env` (its database, its queue), which every command of the home gets.
	 */
	static create(
		runtime: N8nRuntime,
		parent = tmpdir(),
		shared: { encryptionKey?: string; env?: Record<string, string> } = {},
	): N8nHome {
		mkdirSync(parent, { recursive: true });
		const userFolder = mkdtempSync(path.join(parent, `n8n-${runtime.target.n8nVersion}-`));
		return new N8nHome(
			runtime,
			userFolder,
			shared.encryptionKey ?? randomBytes(24).toString('hex'),
			shared.env ?? {},
		);
	}

	/** <user folder>/.n8n/nodes: where n8n looks for community packages. */
	get nodesFolder(): string {
		return path.join(this.userFolder, '.n8n', 'nodes');
	}

	/**
	 * What every n8n process of this home runs with. Built from scratch rather than inherited: a
	 * Jest worker's NODE_ENV=test would switch n8n into its unit-test mode.
	 */
	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return {
			PATH: [path.dirname(this.runtime.node.bin), process.env.PATH]
				.filter(Boolean)
				.join(path.delimiter),
			HOME: process.env.HOME,
			TMPDIR: process.env.TMPDIR,
			LANG: process.env.LANG ?? 'C.UTF-8',
			TZ: process.env.TZ,
			N8N_USER_FOLDER: this.userFolder,
			// Set before the first command: n8n would otherwise generate one into its config file.
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			// No calls home: the machine reaches only the npm registry.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			// Plain http on loopback: the editor's login cookie must not require https.
			N8N_SECURE_COOKIE: 'false',
			...this.runtime.target.env,
			...this.sharedEnv,
			...extra,
		};
	}

	/** Runs `n8n <args>` to completion; a failure carries the end of n8n's output. */
	async n8n(
		args: string[],
		options: { env?: Record<string, string>; timeoutMs?: number } = {},
	): Promise<string> {
		// Each process gets its own task-broker port: another n8n may be running beside it.
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...options.env });
		const result = await runCommand(this.runtime.node.bin, [this.runtime.n8nBin, ...args], {
			env,
			timeoutMs: options.timeoutMs ?? 3 * MINUTE,
		});
		const output = stripAnsi(result.output);
		const run = { command: `n8n ${args.join(' ')}`, output };
		this.runs.push(run);
		if (result.code !== 0) {
			throw new Error(
				`${run.command} exited with ${result.code ?? result.signal}\n${tail(output)}`,
			);
		}
		return result.stdout;
	}

	/** `npm install <tarball>` in <user folder>/.n8n/nodes, as n8n's docs tell self-hosters. */
	async installPackage(tarball: string): Promise<void> {
		mkdirSync(this.nodesFolder, { recursive: true });
		writeFileSync(
			path.join(this.nodesFolder, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
		// n8n provides n8n-workflow to community nodes itself (and strips peer dependencies when
		// it installs a package from its UI); a second copy in nodes/ would not be n8n's.
		await runChecked(
			'npm',
			[
				'install',
				tarball,
				'--legacy-peer-deps',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
			],
			{ cwd: this.nodesFolder, env: npmEnv(this.runtime.node), timeoutMs: 5 * MINUTE },
		);
	}

	/** Imports credentials; the decrypted file exists only for the duration of the import. */
	async importCredentials(credentials: CredentialFixture[]): Promise<void> {
		const file = path.join(this.userFolder, `credentials-${process.pid}-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
		try {
			await this.n8n(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	/** Imports every workflow JSON file in a folder (their `id`s are kept). */
	async importWorkflowFolder(folder: string): Promise<void> {
		await this.n8n(['import:workflow', '--separate', `--input=${folder}`]);
	}

	/** Imports workflow objects (e.g. examples adapted to another Seam workspace). */
	async importWorkflows(workflows: Json[]): Promise<void> {
		const folder = mkdtempSync(path.join(this.userFolder, 'workflows-'));
		try {
			workflows.forEach((workflow, index) =>
				writeFileSync(path.join(folder, `${index}.json`), JSON.stringify(workflow)),
			);
			await this.importWorkflowFolder(folder);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}

	/**
	 * Runs an imported workflow from its Manual Trigger, headlessly, and returns the run.
	 * (`n8n execute --file` does nothing on these versions: import first, then run by id.)
	 */
	async execute(workflowId: string, timeoutMs = 3 * MINUTE): Promise<ExecutionData> {
		const stdout = await this.n8n(['execute', `--id=${workflowId}`, '--rawOutput'], { timeoutMs });
		const { execution, json } = parseRawOutput(stdout);
		// Keep n8n's log lines, not the run's data, as what this command "printed": the data holds
		// Seam objects whose own `warnings` fields are not n8n warnings.
		const run = this.runs[this.runs.length - 1];
		run.output = run.output.split(json).join('<execution JSON>');
		return execution;
	}

	/**
	 * The node types this n8n knows (`n8n export:nodes`), with the loader's debug log, which
	 * says what each package contributed.
	 */
	async exportNodes(): Promise<{ nodes: Array<Json & { name: string }>; output: string }> {
		const file = path.join(this.userFolder, 'node-types.json');
		await this.n8n(['export:nodes', `--output=${file}`], { env: { N8N_LOG_LEVEL: 'debug' } });
		const nodes = JSON.parse(readFileSync(file, 'utf8')) as Array<Json & { name: string }>;
		rmSync(file, { force: true });
		return { nodes, output: this.runs[this.runs.length - 1].output };
	}

	/** Everything n8n printed in this home so far. */
	allOutput(): string {
		return this.runs.map((run) => `$ ${run.command}\n${run.output}`).join('\n');
	}

	remove(): void {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}
