/**
 * The editor in a real browser: `npm run test:browser`. Only test/browser/**\/*.test.ts; one worker; real n8n 2.x
 * with the packed package and the sandbox, driven through Debian's Chromium (playwright-core). Every process the suite
 * starts (n8n, Chromium) is stopped after each file, pass or fail.
 * @type {import('jest').Config}
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	rootDir: __dirname,
	roots: ['<rootDir>/test/browser'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }],
	},
	setupFilesAfterEnv: ['<rootDir>/test/setup/stopChildren.ts'],
	maxWorkers: 1,
	testTimeout: 3 * 60 * 1000,
	verbose: true,
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
