/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
import { join } from 'path';

import { freePort } from '../../tools/freePort';
import { LOCATION_SCOPES } from '../../tools/sandbox/agency';
import { REPO_ROOT } from '../../tools/paths';
import { start, type Child } from '../../tools/processes';

const ALL_SCOPES = LOCATION_SCOPES.join(' ').replace(/[./]/g, (c) => `\\${c}`);
const CLI = join(REPO_ROOT, 'tools', 'sandbox', 'cli.ts');

/** The sandbox CLI as `npm run sandbox` runs it: node itself, no wrapper process. */
function runCli(args: string[], env: Record<string, string> = {}): Child {
	return start('sandbox cli', process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
}

describe('cli', () => {
	let running: Child | undefined;
	afterEach(async () => {
		await running?.stop();
		running = undefined;
	});

	it('prints the URL and the tokens it made, applies the flags, and stops on SIGTERM', async () => {
		const port = await freePort();
		running = runCli(['--max', '2', '--interval=500', '--window', 'sliding'], { SANDBOX_PORT: String(port) });
		// the whole banner, however the output is chunked
		await running.waitFor(/^Ready\.$/m, 20000);
		const output = running.output();
		expect(/listening on (http:\S+)/.exec(output)?.[1]).toBe(`http://127.0.0.1:${port}`);
		const demo = new RegExp(`^ {2}(pit-sandbox-demo-[0-9a-f]{24}) {2}location=sandboxLocation0001 {2}scopes=${ALL_SCOPES}$`, 'm').exec(output);
		expect(output).toMatch(/^ {2}pit-sandbox-readonly-[0-9a-f]{24} {2}location=sandboxLocation0001 {2}scopes=calendars\/groups\.readonly calendars\.readonly calendars\/events\.readonly calendars\/resources\.readonly$/m);
		expect(output).toMatch(new RegExp(`^ {2}pit-sandbox-other-[0-9a-f]{24} {2}location=sandboxLocation0002 {2}scopes=${ALL_SCOPES}$`, 'm'));
		expect(demo).not.toBeNull();
		expect(output).toMatch(/^Webhook signing key \(Ed25519, public half[^\n]*\n-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/]{59}=\n-----END PUBLIC KEY-----$/m);
		expect(output).toMatch(/^Contacts in each seeded sub-account: sandboxContact0001, sandboxContact0002, sandboxContact0003; a new one \(sends ContactCreate\): POST http:\/\/127\.0\.0\.1:\d+\/__sandbox\/contacts /m);

		const answer = await fetch(`http://127.0.0.1:${port}/calendars/groups?locationId=sandboxLocation0001`, {
			headers: { authorization: `Bearer ${demo![1]}`, version: '2021-04-15' },
		});
		expect(answer.status).toBe(200);
		expect(answer.headers.get('x-ratelimit-max')).toBe('2');
		expect(answer.headers.get('x-ratelimit-interval-milliseconds')).toBe('500');

		expect(await running.stop()).toEqual({ code: 0, signal: null });
		expect(running.output()).toContain('SIGTERM received, stopping');
	});

	it('refuses a window model it does not know', async () => {
		running = runCli(['--window', 'leaky']);
		expect((await running.exited).code).toBe(1);
		expect(running.output()).toContain('--window is fixed or sliding (got "leaky")');
	});

	it('refuses unknown flags', async () => {
		running = runCli(['--prot', '1']);
		expect((await running.exited).code).toBe(1);
		expect(running.output()).toContain('unknown argument "--prot"');
	});
});
