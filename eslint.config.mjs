// n8n's community-node rules with n8n Cloud support (what `n8n-node cloud-support enable` sets):
// besides the rest, no Node.js built-ins and no globals such as process or setTimeout, the same
// set n8n's package scanner applies (`npm run scan`).
import { config } from '@n8n/node-cli/eslint';

export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'test/**',
			'scripts/**',
			'gulpfile.js',
			'jest.config.js',
			'examples/**',
			'docs/**',
		],
	},
	...config,
];
