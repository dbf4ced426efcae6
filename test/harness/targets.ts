// The n8n releases the package is proven against, each with the Node.js it runs on and what its
// installation needs on a machine that reaches only the npm registry.

export interface N8nTarget {
	/** Exact n8n version (the cache is keyed by it). */
	n8nVersion: string;
	/**
	 * Node.js to run it with: an exact version, installed from the `node` npm package into the
	 * cache, or 'system' for the Node.js running this code.
	 */
	node: { version: string } | 'system';
	/** package.json "overrides" for the n8n install. */
	overrides?: Record<string, string>;
	/** Native modules to build after the (script-less) install. */
	rebuild: string[];
	/** Environment n8n needs at run time on this release. */
	env: Record<string, string>;
}

export const N8N_2: N8nTarget = {
	n8nVersion: '2.41.1',
	// n8n 2.x requires Node.js >= 22; 24 is the LTS it is built for.
	node: { version: '24.21.0' },
	// isolated-vm (the expression sandbox) ships prebuilds for Node 24; sqlite3 does not.
	rebuild: ['sqlite3', 'isolated-vm'],
	env: {
		// This module calls out to the internet at start-up; there is none here.
		N8N_DISABLED_MODULES: 'mcp-registry',
	},
};

export const N8N_1: N8nTarget = {
	n8nVersion: '1.123.81',
	node: 'system',
	// n8n-nodes-base pins xlsx to a tarball URL outside the npm registry; 0.18.5 is the same
	// library from the registry.
	overrides: { xlsx: '0.18.5' },
	rebuild: ['sqlite3'],
	env: {
		// isolated-vm has no Node 20 build: evaluate expressions the pre-2.0 way.
		N8N_EXPRESSION_ENGINE: 'legacy',
	},
};

export const TARGETS = { '2': N8N_2, '1': N8N_1 } as const;

export function nodeLabel(target: N8nTarget): string {
	return target.node === 'system'
		? `Node ${process.version} (this machine's)`
		: `Node v${target.node.version}`;
}
