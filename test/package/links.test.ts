/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * package.json's repository URL is the one place the public repository is named; every other link a reviewer (or n8n's
 * node browser) follows must agree with it.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
	repository: { type: string; url: string };
	homepage: string;
	bugs: { url: string };
	author: { name?: string; email?: string };
};
const codexFiles = ['nodes/HighLevelCalendars/HighLevelCalendars.node.json', 'nodes/HighLevelTrigger/HighLevelTrigger.node.json'];
const codexes = codexFiles.map((file) => JSON.parse(read(file)) as { resources: Record<string, Array<{ url: string }>> });

const repository = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\.git$/.exec(pkg.repository.url)?.[1] ?? '';
/** The repository URL as a regular expression that matches only itself (its dots are not wildcards). */
const repositoryPattern = repository.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('package.json names a GitHub repository (npm provenance and n8n\'s scanner need one)', () => {
	expect(pkg.repository.type).toBe('git');
	expect(repository).not.toBe('');
});

test('homepage and bugs point into that repository', () => {
	expect(pkg.homepage).toBe(`${repository}#readme`);
	expect(pkg.bugs.url).toBe(`${repository}/issues`);
});

test.each(codexFiles.map((file, index) => [file, codexes[index]] as const))('the documentation links of %s point into that repository', (_file, codex) => {
	const urls = Object.values(codex.resources).flat().map(({ url }) => url);
	expect(urls.length).toBeGreaterThan(0);
	for (const url of urls) expect(url).toMatch(new RegExp(`^${repositoryPattern}[#/]`));
});

test.each(['README.md', 'DEVELOPMENT.md'])('%s links to the repository of this package, named as package.json names it', (file) => {
	const ownLinks = read(file).match(/https:\/\/github\.com\/[\w.-]+\/n8n-nodes-highlevel-calendars(?![\w.-])/g) ?? [];
	expect(ownLinks.length).toBeGreaterThan(0);
	for (const link of ownLinks) expect(link).toBe(repository);
});

test('the author has a name and an email', () => {
	expect(pkg.author.name).toBeTruthy();
	expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+$/);
});

/** The README's pictures, written by `npm run test:browser` to docs/images/. */
const pictures = [...read('README.md').matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)|<img\b[^>]*\bsrc="([^"]+)"/g)].map((match) => ({ alt: match[1] ?? '', url: match[2] ?? match[3] }));
const rawBase = repository?.replace('https://github.com/', 'https://raw.githubusercontent.com/');

test('the README shows the pictures of the browser suite', () => {
	const names = pictures.map(({ url }) => url.split('/').pop());
	for (const key of ['credential-connected.png', 'node-create.png', 'agency-location-picker.png', 'output.png', 'trigger.png', 'book.png', 'free-slots-output.png']) expect(names).toContain(key);
});

test.each(pictures.map((picture) => [picture.url, picture] as const))(
	'the README picture %s is the raw GitHub URL of a file on main (npm and n8n show only absolute URLs), and it exists',
	(_url, picture) => {
		expect(picture.url.startsWith(`${rawBase}/main/docs/images/`)).toBe(true);
		expect(existsSync(join(root, picture.url.slice(`${rawBase}/main/`.length)))).toBe(true);
		expect(picture.alt.length).toBeGreaterThan(10);
	},
);
