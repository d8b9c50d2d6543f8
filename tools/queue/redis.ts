/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
import { mkdir } from 'fs/promises';
import { join } from 'path';

import { fmtMs } from '../duration';
import { freePort } from '../freePort';
import { start } from '../processes';

export interface Redis {
	host: string;
	port: number;
	version: string;
	stop(): Promise<unknown>;
}

/** Redis on a free 127.0.0.1 port, no persistence, its files in dir. */
export async function startRedis(redisServer: string, dir: string, log: (message: string) => void): Promise<Redis> {
	await mkdir(dir, { recursive: true });
	const port = await freePort();
	const started = Date.now();
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes', '--logfile', ''];
	const redis = start('redis', redisServer, args, { cwd: dir, logFile: join(dir, 'redis.log') });
	await redis.waitFor(/Ready to accept connections/, 30000);
	const version = /Redis version=([^\s,]+)/.exec(redis.output())?.[1] ?? '?';
	log(`redis ${version} on 127.0.0.1:${port} (${fmtMs(Date.now() - started)})`);
	return { host: '127.0.0.1', port, version, stop: async () => await redis.stop({ graceMs: 10000 }) };
}
