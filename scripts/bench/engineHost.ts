import Module from 'node:module';
import path from 'node:path';

import { ModuleMocker } from 'jest-mock';

// The bench runs the node in n8n's engine with the integration tests' own host
// (test/helpers/runNode.ts), but under plain ts-node instead of Jest. Two things Jest provides
// are provided here instead, before that host is loaded:
//
// - jest.config.js maps `vendor/<name>` to the bundles in dist/vendor, so the nodes run with the
//   libraries that ship (`npm run build` first); the same mapping, on Node's resolver.
// - runNode.ts stubs the host's additional data with jest-mock-extended, which takes `jest.fn`
//   from `@jest/globals`; that module refuses to load outside Jest, so it is replaced by
//   jest-mock's ModuleMocker, which is the `jest.fn` Jest itself hands out.

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

const VENDOR = /^(\.\.\/)+vendor\/([a-z-]+)$/;

interface ModuleInternals {
	_resolveFilename(request: string, ...rest: unknown[]): string;
	_load(request: string, ...rest: unknown[]): unknown;
}

let installed = false;

export function installEngineShims(): void {
	if (installed) return;
	installed = true;
	// As test/setupEnv.ts: n8n-core logs every node error; the bench reports its own.
	process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';

	const internals = Module as unknown as ModuleInternals;
	const resolve = internals._resolveFilename;
	internals._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
		const vendored = VENDOR.exec(request);
		if (vendored) return path.join(REPO_ROOT, 'dist', 'vendor', `${vendored[2]}.js`);
		return resolve.call(this, request, ...rest);
	};

	const mocker = new ModuleMocker(globalThis);
	const jestGlobals = { jest: { fn: mocker.fn.bind(mocker) } };
	const load = internals._load;
	internals._load = function (this: unknown, request: string, ...rest: unknown[]) {
		if (request === '@jest/globals') return jestGlobals;
		return load.call(this, request, ...rest);
	};
}

// Whoever imports this file first gets the shims before any node file is loaded.
installEngineShims();

/** The integration tests' runner, loaded after the shims are in place. */
export async function loadNodeRunner(): Promise<typeof import('../../test/helpers/runNode')> {
	return await import('../../test/helpers/runNode');
}
