// The queue-mode suite (`npm run test:queue`): its own Jest configuration, so that `npm test`
// (the root jest.config.js, which matches *.test.ts) never starts a cluster. Its test files end
// in .queue.ts for the same reason. One file at a time: a cluster is four n8n processes, and the
// machines this runs on have two cores.
const root = require('../../jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...root,
	rootDir: '../..',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.ts'],
	maxWorkers: 1,
	testTimeout: 10 * 60_000,
};
