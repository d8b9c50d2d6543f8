/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * The sandbox in a process of its own (its CLI, as `npm run sandbox` runs it), read over its admin routes: for timings
 * that must not count the sandbox's CPU (free-slot computation, spec checks, its HTTP) against the node's, as an
 * in-process sandbox does on the same event loop.
 */
import { mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';

import { REPO_ROOT } from '../paths';
import { start } from '../processes';
import { sandboxState } from './admin-client';
import type { AgencySeed, AppRecord, LoggedRequest, SandboxState } from './server';

const CLI = join(REPO_ROOT, 'tools', 'sandbox', 'cli.ts');
const START_TIMEOUT_MS = 30_000;

export interface SandboxProcessOptions {
	latencyMs: number;
	rateLimit: { max: number; intervalMs: number; daily: number };
	/** companies, sub-accounts and apps in place of the default ones; each app needs its clientId and clientSecret */
	agency?: AgencySeed;
}

export interface SandboxProcess {
	url: string;
	/** the demo token the CLI made for this run (location sandboxLocation0001, every scope) */
	token: string;
	state(): Promise<SandboxState>;
	requests(): Promise<LoggedRequest[]>;
	/** the seeded app of that distribution, with the secret the seed gave it */
	app(distribution: AppRecord['distribution']): Promise<AppRecord>;
	close(): Promise<void>;
}

export async function startSandboxProcess(options: SandboxProcessOptions): Promise<SandboxProcess> {
	const { latencyMs, rateLimit, agency } = options;
	const flags = ['--port', '0', '--latency', latencyMs, '--max', rateLimit.max, '--interval', rateLimit.intervalMs, '--daily', rateLimit.daily].map(String);
	const seedDir = agency ? await mkdtemp(join(tmpdir(), 'sandbox-agency-')) : undefined;
	if (seedDir) {
		await writeFile(join(seedDir, 'agency.json'), JSON.stringify(agency));
		flags.push('--agency', join(seedDir, 'agency.json'));
	}
	const child = start('sandbox', process.execPath, ['--import', 'tsx', CLI, ...flags], { cwd: REPO_ROOT });
	const ready = await child.waitFor(/^Ready\.$/m, START_TIMEOUT_MS).then(
		() => true,
		() => false,
	);
	// the CLI read the seed as it started
	if (seedDir) await rm(seedDir, { recursive: true, force: true });
	if (!ready) {
		await child.stop();
		throw new Error(`the sandbox CLI did not start within ${START_TIMEOUT_MS / 1000} s: ${child.output()}`);
	}
	const url = /listening on (http:\S+)/.exec(child.output())![1];
	const token = /^ {2}(pit-sandbox-demo-\S+) {2}location=/m.exec(child.output())![1];
	const state = async () => (await sandboxState(url)).body as SandboxState;
	return {
		url,
		token,
		state,
		requests: async () => ((await (await fetch(`${url}/__sandbox/requests`)).json()) as { requests: LoggedRequest[] }).requests,
		app: async (distribution) => {
			const app = (await state()).agency.apps.find((candidate) => candidate.distribution === distribution);
			const secret = agency?.apps?.find((seeded) => seeded.clientId === app?.clientId)?.clientSecret;
			if (!app || secret === undefined) throw new Error(`no ${distribution} app with a seeded secret in this sandbox`);
			return { ...app, clientSecret: secret };
		},
		close: async () => {
			await child.stop();
		},
	};
}
