import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';

import { cacheRoot, withCacheLock } from './cache';
import { runChecked } from './processes';
import type { N8nTarget } from './targets';

// Provisions a pinned n8n (and the Node.js it needs) into the cache, once per machine: later
// runs find the marker file and return at once. Everything comes from the npm registry, the
// only network this project can count on. Installs happen in a staging folder that is renamed
// into place only when complete, so an interrupted run never leaves a half-install that looks
// finished.

export interface NodeRuntime {
	/** The node executable. */
	bin: string;
	/** `process.version` of that executable, e.g. 'v24.21.0'. */
	version: string;
	/** Folder with include/node/node.h, for building native modules against it (if known). */
	nodedir?: string;
}

export interface N8nRuntime {
	target: N8nTarget;
	node: NodeRuntime;
	/** n8n's command-line entry point (run it with `node.bin`). */
	n8nBin: string;
	/** The install folder in the cache. */
	dir: string;
}

export type ProgressLog = (message: string) => void;

const defaultLog: ProgressLog = (message) => process.stderr.write(`[n8n-e2e] ${message}\n`);

const MINUTE = 60_000;
const MARKER = '.provisioned.json';

/**
 * npm settings an outer `npm test` / `npm run` exports that are the user's and apply anywhere
 * (where packages come from, through what). The others it exports are this project's: its
 * .npmrc sets ignore-scripts=true, which would silently skip the native builds below, and
 * local_prefix would install into the clone.
 */
const PORTABLE_NPM_SETTINGS =
	/^npm_config_(cache|registry|cafile|ca|cert|key|strict_ssl|proxy|https_proxy|noproxy|userconfig|globalconfig)$/i;

/** The environment for npm, with the chosen node first on PATH so that npm itself runs on it. */
export function npmEnv(node: NodeRuntime): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		const npmVariable = /^npm_/i.test(key);
		if (
			(!npmVariable || PORTABLE_NPM_SETTINGS.test(key)) &&
			key !== 'NODE_ENV' &&
			key !== 'NODE_OPTIONS'
		)
			env[key] = value;
	}
	env.PATH = [path.dirname(node.bin), process.env.PATH].filter(Boolean).join(path.delimiter);
	// Headers of the node that will load the native modules (the machine's npmrc may name
	// another version's).
	if (node.nodedir) env.npm_config_nodedir = node.nodedir;
	env.npm_config_update_notifier = 'false';
	return env;
}

function readMarker(dir: string): Record<string, unknown> | null {
	try {
		return JSON.parse(readFileSync(path.join(dir, MARKER), 'utf8')) as Record<string, unknown>;
	} catch {
		return null;
	}
}

function sameMarker(
	actual: Record<string, unknown> | null,
	wanted: Record<string, unknown>,
): boolean {
	return actual != null && JSON.stringify(actual) === JSON.stringify(wanted);
}

/** Installs into `<dir>.staging`, then swaps it in. */
async function installInto(
	dir: string,
	marker: Record<string, unknown>,
	install: (staging: string) => Promise<void>,
) {
	const staging = `${dir}.staging`;
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	await install(staging);
	writeFileSync(path.join(staging, MARKER), JSON.stringify(marker, null, 2));
	rmSync(dir, { recursive: true, force: true });
	renameSync(staging, dir);
}

function systemNode(): NodeRuntime {
	const prefix = path.dirname(path.dirname(process.execPath));
	const hasHeaders = existsSync(path.join(prefix, 'include', 'node', 'node.h'));
	return {
		bin: process.execPath,
		version: process.version,
		nodedir: hasHeaders ? prefix : undefined,
	};
}

function nodeRuntimeIn(dir: string, version: string): NodeRuntime {
	// The `node` package's install script fetches node-<os>-<arch> (binary + headers) from the
	// registry and links its binary to node_modules/node/bin/node.
	const platformPackages = path.join(dir, 'node_modules', 'node', 'node_modules');
	const platformDir = existsSync(platformPackages)
		? readdirSync(platformPackages)
				.map((name) => path.join(platformPackages, name))
				.find((candidate) => existsSync(path.join(candidate, 'include', 'node', 'node.h')))
		: undefined;
	return {
		bin: path.join(dir, 'node_modules', 'node', 'bin', 'node'),
		version: `v${version}`,
		nodedir: platformDir,
	};
}

/** Node.js `version` from the npm registry's `node` package, cached. */
export async function provisionNode(
	version: string,
	log: ProgressLog = defaultLog,
): Promise<NodeRuntime> {
	const dir = path.join(cacheRoot(), `node-v${version}`);
	const marker = { node: version, platform: process.platform, arch: process.arch };
	if (sameMarker(readMarker(dir), marker)) return nodeRuntimeIn(dir, version);
	return await withCacheLock(`node-v${version}`, 30 * MINUTE, async () => {
		if (sameMarker(readMarker(dir), marker)) return nodeRuntimeIn(dir, version);
		log(`Installing Node.js ${version} from the npm registry into ${dir} …`);
		const started = Date.now();
		await installInto(dir, marker, async (staging) => {
			writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ private: true }, null, 2));
			await runChecked(
				'npm',
				[
					'install',
					`node@${version}`,
					'--ignore-scripts=false',
					'--no-audit',
					'--no-fund',
					'--loglevel=error',
				],
				{ cwd: staging, env: npmEnv(systemNode()), timeoutMs: 15 * MINUTE },
			);
			const runtime = nodeRuntimeIn(staging, version);
			const { stdout } = await runChecked(runtime.bin, ['--version'], {
				env: {},
				timeoutMs: MINUTE,
			});
			if (stdout.trim() !== `v${version}`)
				throw new Error(`Expected Node.js v${version}, got ${stdout.trim()}`);
		});
		log(`Node.js ${version} ready after ${Math.round((Date.now() - started) / 1000)} s.`);
		return nodeRuntimeIn(dir, version);
	});
}

function n8nRuntimeIn(dir: string, target: N8nTarget, node: NodeRuntime): N8nRuntime {
	return { target, node, n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), dir };
}

/**
 * n8n `target.n8nVersion` with its native modules built for its Node.js, cached under
 * `<cache>/n8n-<version>`. The first time takes minutes (about 3 GB from the registry).
 */
export async function provisionN8n(
	target: N8nTarget,
	log: ProgressLog = defaultLog,
): Promise<N8nRuntime> {
	const node =
		target.node === 'system' ? systemNode() : await provisionNode(target.node.version, log);
	const name = `n8n-${target.n8nVersion}`;
	const dir = path.join(cacheRoot(), name);
	// A different Node.js (ABI) or recipe means a different install.
	const marker = {
		n8n: target.n8nVersion,
		node: node.version,
		overrides: target.overrides ?? {},
		rebuild: target.rebuild,
	};
	if (sameMarker(readMarker(dir), marker)) return n8nRuntimeIn(dir, target, node);
	return await withCacheLock(name, 60 * MINUTE, async () => {
		if (sameMarker(readMarker(dir), marker)) return n8nRuntimeIn(dir, target, node);
		log(
			`Installing n8n ${target.n8nVersion} (Node.js ${node.version}) into ${dir}: first run on this machine, several minutes …`,
		);
		const started = Date.now();
		await installInto(dir, marker, async (staging) => {
			const packageJson: Record<string, unknown> = {
				private: true,
				dependencies: { n8n: target.n8nVersion },
			};
			if (target.overrides) packageJson.overrides = target.overrides;
			writeFileSync(path.join(staging, 'package.json'), JSON.stringify(packageJson, null, 2));
			const env = npmEnv(node);
			// Without scripts: one of n8n's dependencies downloads a binary from outside the registry
			// in its install script. The native modules n8n needs are built from source next.
			await runChecked(
				'npm',
				['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
				{
					cwd: staging,
					env,
					timeoutMs: 40 * MINUTE,
				},
			);
			log(
				`n8n ${target.n8nVersion}: packages installed after ${Math.round((Date.now() - started) / 1000)} s; building ${target.rebuild.join(', ')} …`,
			);
			await runChecked(
				'npm',
				['rebuild', ...target.rebuild, '--ignore-scripts=false', '--loglevel=error'],
				{
					cwd: staging,
					env,
					timeoutMs: 20 * MINUTE,
				},
			);
			const runtime = n8nRuntimeIn(staging, target, node);
			const { stdout } = await runChecked(node.bin, [runtime.n8nBin, '--version'], {
				env: {},
				timeoutMs: MINUTE,
			});
			if (stdout.trim() !== target.n8nVersion)
				throw new Error(`Expected n8n ${target.n8nVersion}, got ${stdout.trim()}`);
		});
		log(`n8n ${target.n8nVersion} ready after ${Math.round((Date.now() - started) / 1000)} s.`);
		return n8nRuntimeIn(dir, target, node);
	});
}
