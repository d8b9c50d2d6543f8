/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * redis-server and PostgreSQL from Debian's packages, installed (apt-get update once, then apt-get install) only when
 * one is missing. None is started as a system service: redis.ts and postgres.ts start them as children.
 */
import { readdir } from 'fs/promises';
import { delimiter, join } from 'path';

import { fmtMs } from '../duration';
import { exists } from '../files';
import { run } from '../processes';

export interface Services {
	redisServer: string;
	/** /usr/lib/postgresql/<version>/bin */
	pgBin: string;
}

async function which(name: string): Promise<string | undefined> {
	const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
	for (const dir of dirs) if (dir && (await exists(join(dir, name)))) return join(dir, name);
	return undefined;
}

/** The bin folder of the newest PostgreSQL Debian's packages installed. */
async function findPostgresBin(): Promise<string | undefined> {
	const root = '/usr/lib/postgresql';
	const versions = (await readdir(root).catch(() => [] as string[])).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
	for (const version of versions) {
		const bin = join(root, version, 'bin');
		if ((await exists(join(bin, 'postgres'))) && (await exists(join(bin, 'initdb')))) return bin;
	}
	return undefined;
}

export async function ensureServices(log: (message: string) => void): Promise<Services> {
	let redisServer = await which('redis-server');
	let pgBin = await findPostgresBin();
	const missing = [...(redisServer ? [] : ['redis-server']), ...(pgBin ? [] : ['postgresql'])];
	if (!missing.length) {
		log(`apt: nothing to install (redis-server at ${redisServer}, PostgreSQL at ${pgBin})`);
		return { redisServer: redisServer!, pgBin: pgBin! };
	}
	if (process.getuid?.() !== 0) throw new Error(`${missing.join(' and ')} missing; install them (apt-get install ${missing.join(' ')}) or run as root`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	log(`apt: ${missing.join(', ')} missing: apt-get update ...`);
	const update = await run('apt-get', ['update'], { env, timeoutMs: 600000 });
	log(`apt: updated in ${fmtMs(update.durationMs)}; apt-get install -y --no-install-recommends ${missing.join(' ')} ...`);
	const install = await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, timeoutMs: 900000 });
	log(`apt: installed ${missing.join(', ')} in ${fmtMs(install.durationMs)}`);
	redisServer = await which('redis-server');
	pgBin = await findPostgresBin();
	if (!redisServer || !pgBin) throw new Error(`after apt-get install: redis-server ${redisServer ?? 'still missing'}, postgres ${pgBin ?? 'still missing'}`);
	return { redisServer, pgBin };
}
