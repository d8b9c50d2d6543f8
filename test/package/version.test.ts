/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/** The version a user installs from the README is the package's, and the newest the version history describes. */
import { readFileSync } from 'fs';
import { join } from 'path';

const read = (file: string) => readFileSync(join(__dirname, '..', '..', file), 'utf8');
const readme = read('README.md');
const { version } = JSON.parse(read('package.json')) as { version: string };

test('the install snippet pins package.json\'s version', () => {
	expect(/N8N_COMMUNITY_PACKAGES='\[\{"name":"n8n-nodes-highlevel-calendars","version":"([^"]+)"\}\]'/.exec(readme)?.[1]).toBe(version);
});

test('the version history\'s newest row is package.json\'s version', () => {
	const history = /\n## Version history\n[\s\S]*?\n\|---\|---\|\n\| ([^|]+?) \|/.exec(readme);
	expect(history?.[1]).toBe(version);
});

test('package-lock.json names the same version', () => {
	const lock = JSON.parse(read('package-lock.json')) as { version: string; packages: Record<string, { version?: string }> };
	expect([lock.version, lock.packages[''].version]).toEqual([version, version]);
});
