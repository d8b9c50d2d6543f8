/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/browser/'],
	// a relative import written with ".js" (tools/engine/nodeTypes.ts) names its TypeScript source
	moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }],
	},
	setupFiles: ['<rootDir>/test/setup/env.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/stopChildren.ts'],
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
	testTimeout: 30000,
	// most suites wait on sandboxes, child processes and fake-clock hand-offs, not on the CPU: four workers on two cores
	maxWorkers: 4,
};
