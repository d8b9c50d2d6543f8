/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
import { readdir, readlink } from 'fs/promises';

/**
 * Ends (SIGKILL, by pid) the processes whose working directory lies inside dir: left by an earlier run that was killed
 * before it could stop them (every process the queue run and the e2e suite start has its cwd in their run folder).
 */
export async function killLeftovers(dir: string, log: (message: string) => void): Promise<number[]> {
	const ended: number[] = [];
	for (const entry of await readdir('/proc').catch(() => [] as string[])) {
		if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
		const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => undefined);
		if (!cwd || (cwd !== dir && !cwd.startsWith(`${dir}/`))) continue;
		try {
			process.kill(Number(entry), 'SIGKILL');
			ended.push(Number(entry));
		} catch {
			// gone
		}
	}
	if (ended.length) log(`ended ${ended.length} processes left by an earlier run (cwd in ${dir}): ${ended.join(', ')}`);
	return ended;
}
