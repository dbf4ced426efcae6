import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { constants, Script } from 'node:vm';

// svix 2 and @seamapi/webhook ship only ES modules. Under Jest (CommonJS, no
// --experimental-vm-modules) neither `require()` nor a transpiled `import()`
// can load them, and the repository's Jest config is shared. A script compiled
// with Node's main-context loader (vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
// Node >= 20.12) performs a real dynamic import outside Jest's module registry;
// ts-node and plain Node take the same path, so there is one code path.

const localRequire = createRequire(__filename);

/** Dynamically imports an ES module package, resolved from this directory. */
export function importEsm<T>(specifier: string): Promise<T> {
	const url = pathToFileURL(localRequire.resolve(specifier)).href;
	const script = new Script(`import(${JSON.stringify(url)})`, {
		filename: __filename,
		importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
	});
	return script.runInThisContext() as Promise<T>;
}
