/**
 * End-to-end tests in real n8n (both lines) against the local HighLevel sandbox: `npm run test:e2e`.
 * Only test/e2e/**\/*.test.ts; one worker (the n8n processes need both cores); long timeouts (the first run installs
 * n8n, several minutes). The tests import tools/n8n directly; every process they start is stopped after each file.
 * @type {import('jest').Config}
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	rootDir: __dirname,
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	// a relative import written with ".js" (tools/engine/nodeTypes.ts) names its TypeScript source
	moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }],
	},
	// the package is built and packed once, before the first file
	globalSetup: '<rootDir>/test/setup/packOnce.ts',
	setupFilesAfterEnv: ['<rootDir>/test/setup/stopChildren.ts'],
	maxWorkers: 1,
	testTimeout: 5 * 60 * 1000,
	verbose: true,
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
