// Jest config for the Seam sandbox tests. Run from the repository root:
//   npx jest -c test/sandbox/jest.config.js
//
// @seamapi/http (and its serializer dependency) ship only ES modules, and Jest
// on Node 20 cannot require() ESM, so those two packages are transpiled to
// CommonJS by ts-jest like our own TypeScript.
const path = require('node:path')

const esmOnlyPackages = ['@seamapi/http', '@seamapi/url-search-params-serializer']

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  roots: ['<rootDir>/test/sandbox'],
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.json') }],
    '^.+\\.js$': [
      'ts-jest',
      {
        tsconfig: {
          allowJs: true,
          module: 'commonjs',
          target: 'es2022',
          isolatedModules: true,
          esModuleInterop: true,
        },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
}
