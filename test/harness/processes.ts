import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

// Child processes for the end-to-end harness and the demo. n8n starts helpers of its own (task
// runners), so every child gets its own process group and is stopped group-wide: killing only
// the direct child would leave a runner holding a port. Every wait is bounded.

export interface CommandResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	/** stdout and stderr interleaved in arrival order, as a person would see them. */
	output: string;
}

export interface CommandOptions {
	cwd?: string;
	env: NodeJS.ProcessEnv;
	timeoutMs: number;
	/** Called with each chunk of output (e.g. to show progress of a long install). */
	onOutput?: (chunk: string) => void;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Last resort: if this process exits (test crash, Ctrl-C), its children go with it. */
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const child of live) signalGroup(child, 'SIGKILL');
	});
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid == null) return;
	try {
		// A group id is not reused while any member lives, so this is safe even after the
		// leader has exited (its helpers may not have).
		process.kill(-child.pid, signal);
	} catch {
		// The whole group is gone already.
	}
}

function spawnTracked(
	command: string,
	args: string[],
	options: { cwd?: string; env: NodeJS.ProcessEnv },
): ChildProcess {
	installExitHook();
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env,
		detached: true, // own process group, see above
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	live.add(child);
	child.once('exit', () => live.delete(child));
	return child;
}

/** Runs a command to completion; kills it (group-wide) if it outlives timeoutMs. */
export function runCommand(
	command: string,
	args: string[],
	options: CommandOptions,
): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = spawnTracked(command, args, options);
		let stdout = '';
		let stderr = '';
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			const text = chunk.toString();
			stdout += text;
			output += text;
			options.onOutput?.(text);
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			const text = chunk.toString();
			stderr += text;
			output += text;
			options.onOutput?.(text);
		});
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			signalGroup(child, 'SIGKILL');
		}, options.timeoutMs);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			if (timedOut) {
				reject(
					new Error(
						`${command} ${args.join(' ')} did not finish within ${Math.round(options.timeoutMs / 1000)} s\n${tail(output)}`,
					),
				);
				return;
			}
			resolve({ code, signal, stdout, stderr, output });
		});
	});
}

/** Like runCommand, but a non-zero exit is an error that carries the end of the output. */
export async function runChecked(
	command: string,
	args: string[],
	options: CommandOptions,
): Promise<CommandResult> {
	const result = await runCommand(command, args, options);
	if (result.code !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} exited with ${result.code ?? result.signal}\n${tail(result.output)}`,
		);
	}
	return result;
}

export interface BackgroundProcess {
	readonly pid: number;
	/** Everything printed so far (stdout and stderr interleaved). */
	output(): string;
	/** Resolves when the process has exited, with its code. */
	readonly exited: Promise<number | null>;
	hasExited(): boolean;
	/** SIGTERM to the group, then SIGKILL after graceMs; resolves once it has exited. */
	stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a long-running process (a server); the caller must stop() it. With `logFile`, everything
 * it prints is also appended to that file as it arrives (for clusters of many processes, whose
 * logs are read after the run).
 */
export function startBackground(
	command: string,
	args: string[],
	options: { cwd?: string; env: NodeJS.ProcessEnv; logFile?: string },
): BackgroundProcess {
	const child = spawnTracked(command, args, options);
	const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	let output = '';
	const record = (chunk: Buffer) => {
		output += chunk.toString();
		log?.write(chunk);
	};
	child.stdout?.on('data', record);
	child.stderr?.on('data', record);
	if (log) child.once('close', () => log.end());
	let exited = false;
	const exitedPromise = new Promise<number | null>((resolve) => {
		child.once('exit', (code) => {
			exited = true;
			resolve(code);
		});
		child.once('error', () => {
			exited = true;
			resolve(null);
		});
	});
	return {
		pid: child.pid ?? -1,
		output: () => output,
		exited: exitedPromise,
		hasExited: () => exited,
		async stop(graceMs = 10_000) {
			if (exited) return;
			signalGroup(child, 'SIGTERM');
			const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
			await exitedPromise;
			clearTimeout(timer);
			// The leader may exit before its helpers: make sure none of the group stays behind.
			signalGroup(child, 'SIGKILL');
		},
	};
}

/** The last lines of some output, for error messages. */
export function tail(text: string, lines = 40): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Whether a process with this id exists (one owned by another user counts). */
export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
