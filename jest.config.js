// One Jest configuration for every test level (unit, sandbox, integration, end-to-end).
// @seamapi/http and its serializer ship only ES modules, which Jest on Node 20 cannot require():
// ts-jest transpiles those two packages to CommonJS like our own TypeScript.
const esmOnlyPackages = ['@seamapi/http', '@seamapi/url-search-params-serializer'];

/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// Type errors are caught by `npm run typecheck`; in Jest, ts-jest only transpiles (fast).
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
		'^.+\\.js$': [
			'ts-jest',
			{ tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true, esModuleInterop: true } },
		],
	},
	// dist/ holds the shipped bundles: they run as they are, untouched.
	transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`, '<rootDir>/dist/'],
	moduleNameMapper: {
		// The nodes are tested with the SDK and luxon bundles that ship in dist/ (`npm test` builds first).
		'^(\\.\\./)+vendor/([a-z-]+)$': '<rootDir>/dist/vendor/$2.js',
	},
	setupFiles: ['<rootDir>/test/setupEnv.ts'],
	testTimeout: 60000,
	// Integration tests each start their own sandbox on a random port; two workers suit this machine.
	maxWorkers: 2,
};
