/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * Programs from Debian's packages, installed only when missing: `apt-get update` once, then `apt-get install -y
 * --no-install-recommends` (as root; otherwise an error says what to install). The queue run's PostgreSQL and Redis
 * and the browser suite's Chromium come this way.
 */
import { delimiter, join } from 'path';

import { fmtMs } from './duration';
import { exists } from './files';
import { run } from './processes';

/** The program's path on PATH (or in the sbin and bin folders apt installs into), if any. */
export async function which(name: string): Promise<string | undefined> {
	const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
	for (const dir of dirs) if (dir && (await exists(join(dir, name)))) return join(dir, name);
	return undefined;
}

/** Installs the Debian packages named (those the caller found missing). */
export async function aptInstall(packages: string[], log: (message: string) => void): Promise<void> {
	if (!packages.length) return;
	if (process.getuid?.() !== 0) throw new Error(`${packages.join(' and ')} missing; install them (apt-get install ${packages.join(' ')}) or run as root`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	log(`apt: ${packages.join(', ')} missing: apt-get update ...`);
	const update = await run('apt-get', ['update'], { env, timeoutMs: 600000 });
	log(`apt: updated in ${fmtMs(update.durationMs)}; apt-get install -y --no-install-recommends ${packages.join(' ')} ...`);
	const install = await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env, timeoutMs: 900000 });
	log(`apt: installed ${packages.join(', ')} in ${fmtMs(install.durationMs)}`);
}
