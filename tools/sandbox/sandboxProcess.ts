/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * The sandbox in a process of its own (its CLI, as `npm run sandbox` runs it), read over its admin routes: for timings
 * that must not count the sandbox's CPU (free-slot computation, spec checks, its HTTP) against the node's, as an
 * in-process sandbox does on the same event loop.
 */
import { join } from 'path';

import { REPO_ROOT } from '../paths';
import { start } from '../processes';
import { sandboxState } from './admin-client';
import type { LoggedRequest, SandboxState } from './server';

const CLI = join(REPO_ROOT, 'tools', 'sandbox', 'cli.ts');
const START_TIMEOUT_MS = 30_000;

export interface SandboxProcessOptions {
	latencyMs: number;
	rateLimit: { max: number; intervalMs: number; daily: number };
}

export interface SandboxProcess {
	url: string;
	/** the demo token the CLI made for this run (location sandboxLocation0001, every scope) */
	token: string;
	state(): Promise<SandboxState>;
	requests(): Promise<LoggedRequest[]>;
	close(): Promise<void>;
}

export async function startSandboxProcess(options: SandboxProcessOptions): Promise<SandboxProcess> {
	const { latencyMs, rateLimit } = options;
	const flags = ['--port', '0', '--latency', latencyMs, '--max', rateLimit.max, '--interval', rateLimit.intervalMs, '--daily', rateLimit.daily].map(String);
	const child = start('sandbox', process.execPath, ['--import', 'tsx', CLI, ...flags], { cwd: REPO_ROOT });
	const ready = await child.waitFor(/^Ready\.$/m, START_TIMEOUT_MS).then(
		() => true,
		() => false,
	);
	if (!ready) {
		await child.stop();
		throw new Error(`the sandbox CLI did not start within ${START_TIMEOUT_MS / 1000} s: ${child.output()}`);
	}
	const url = /listening on (http:\S+)/.exec(child.output())![1];
	const token = /^ {2}(pit-sandbox-demo-\S+) {2}location=/m.exec(child.output())![1];
	return {
		url,
		token,
		state: async () => (await sandboxState(url)).body as SandboxState,
		requests: async () => ((await (await fetch(`${url}/__sandbox/requests`)).json()) as { requests: LoggedRequest[] }).requests,
		close: async () => {
			await child.stop();
		},
	};
}
