import { ChildProcess, spawn } from 'child_process';
import * as net from 'net';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(ROOT, 'tools', 'sandbox', 'cli.ts');

interface Running {
	child: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}): Running {
	const child = spawn(TSX, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	return { child, output: () => output, exited };
}

async function waitForUrl(running: Running): Promise<string> {
	for (let i = 0; i < 150; i++) {
		const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(running.output())?.[1];
		if (url) return url;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error(`sandbox did not start:\n${running.output()}`);
}

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

describe('cli', () => {
	let running: Running | undefined;
	afterEach(() => {
		if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
		running = undefined;
	});

	it('prints the URL and the tokens, applies the flags, and stops on SIGTERM', async () => {
		const port = await freePort();
		running = run(['--max', '2', '--interval=500', '--window', 'sliding'], { SANDBOX_PORT: String(port) });
		const url = await waitForUrl(running);
		expect(url).toBe(`http://127.0.0.1:${port}`);
		expect(running.output()).toMatch(/pit-sandbox-0000-demo\s+location=sandboxLocation0001\s+scopes=calendars\/groups\.readonly calendars\/groups\.write/);
		expect(running.output()).toMatch(/pit-sandbox-0000-readonly\s+location=sandboxLocation0001\s+scopes=calendars\/groups\.readonly\n/);

		const answer = await fetch(`${url}/calendars/groups?locationId=sandboxLocation0001`, {
			headers: { authorization: 'Bearer pit-sandbox-0000-demo', version: '2021-04-15' },
		});
		expect(answer.status).toBe(200);
		expect(answer.headers.get('x-ratelimit-max')).toBe('2');
		expect(answer.headers.get('x-ratelimit-interval-milliseconds')).toBe('500');

		running.child.kill('SIGTERM');
		expect(await running.exited).toBe(0);
	});

	it('refuses a window model it does not know', async () => {
		running = run(['--window', 'leaky']);
		expect(await running.exited).toBe(1);
		expect(running.output()).toContain('--window is fixed or sliding (got "leaky")');
	});

	it('refuses unknown flags', async () => {
		running = run(['--prot', '1']);
		expect(await running.exited).toBe(1);
		expect(running.output()).toContain('unknown argument "--prot"');
	});
});
