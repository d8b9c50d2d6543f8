/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * Runs n8n's CLI headless: `<nodeBin> <n8nEntry> <command>` in the user folder, with the embedded SQLite database
 * (or whatever the install's baseEnv names) under <userFolder>/.n8n.
 */
import { mkdir } from 'fs/promises';

import { run, type RunResult } from '../processes';
import { n8nEnv, type Env } from './environment';
import type { N8nInstall } from './install';

export interface RunN8nOptions {
	env?: Env;
	timeoutMs?: number;
	allowFail?: boolean;
}

export async function runN8n(inst: N8nInstall, userFolder: string, args: string[], options: RunN8nOptions = {}): Promise<RunResult> {
	await mkdir(userFolder, { recursive: true });
	const env = await n8nEnv(inst, userFolder, options.env);
	return await run(inst.nodeBin, [inst.n8nEntry, ...args], {
		cwd: userFolder,
		env,
		timeoutMs: options.timeoutMs ?? 300000,
		allowFail: options.allowFail,
	});
}
