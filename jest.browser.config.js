/**
 * The editor in a real browser: `npm run test:browser`. The e2e suites' settings (one worker, every process the suite
 * starts stopped after each file, pass or fail) for test/browser/**\/*.test.ts: real n8n 2.x with the packed package
 * and the sandbox, driven through Debian's Chromium (playwright-core).
 * @type {import('jest').Config}
 */
const e2e = require('./jest.e2e.config.js');

module.exports = { ...e2e, roots: ['<rootDir>/test/browser'], testTimeout: 3 * 60 * 1000 };
