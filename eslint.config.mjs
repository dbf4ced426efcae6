import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', 'gulpfile.js', 'jest.config.js', 'examples/**', 'docs/**'] },
	...configWithoutCloudSupport,
];
