// Runs the HighLevel sandbox (tools/sandbox/cli.ts) in its own process, as `npm run sandbox` does.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { REPO_ROOT } from '../n8n/util.mjs';

/** Starts the sandbox on a free port (or `port`) and resolves once it listens: { url, stop(), output() }. */
export async function startSandboxProcess({ port = 0, args = [] } = {}) {
	const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
	const child = spawn(tsx, [join(REPO_ROOT, 'tools', 'sandbox', 'cli.ts'), '--port', String(port), ...args], {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const url = await new Promise((resolve, reject) => {
		const onData = (chunk) => {
			output += chunk;
			const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (found) resolve(found[1]);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', (code) => reject(new Error(`the sandbox exited (${code}) before listening:\n${output}`)));
	});
	return {
		url,
		output: () => output,
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.on('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		},
	};
}
