/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * redis-server and PostgreSQL from Debian's packages, installed (debianPackages.ts) only when one is missing. None is
 * started as a system service: redis.ts and postgres.ts start them as children.
 */
import { readdir } from 'fs/promises';
import { join } from 'path';

import { aptInstall, which } from '../debianPackages';
import { exists } from '../files';

export interface Services {
	redisServer: string;
	/** /usr/lib/postgresql/<version>/bin */
	pgBin: string;
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
	await aptInstall(missing, log);
	redisServer = await which('redis-server');
	pgBin = await findPostgresBin();
	if (!redisServer || !pgBin) throw new Error(`after apt-get install: redis-server ${redisServer ?? 'still missing'}, postgres ${pgBin ?? 'still missing'}`);
	return { redisServer, pgBin };
}
