/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * A lock on a directory (mkdir is atomic): serialises callers across processes and, through a promise queue,
 * within this process. A lock whose owner process is gone is taken over. Re-entrant within one async call chain.
 */
import { AsyncLocalStorage } from 'async_hooks';
import { mkdir, rm, stat, writeFile } from 'fs/promises';
import { dirname, join } from 'path';
import { setTimeout as sleep } from 'timers/promises';

import { fmtMs } from './duration';
import { readJson } from './files';

export interface LockOptions {
	log?: (message: string) => void;
	/** what the lock protects, for the log */
	what?: string;
}

const held = new AsyncLocalStorage<Set<string>>();
const queues = new Map<string, Promise<void>>();
const ABANDONED_MS = 30000;

export async function withLock<T>(lockDir: string, body: () => Promise<T>, options: LockOptions = {}): Promise<T> {
	if (held.getStore()?.has(lockDir)) return await body();
	const previous = queues.get(lockDir) ?? Promise.resolve();
	let release: () => void = () => undefined;
	const mine = new Promise<void>((resolve) => (release = resolve));
	const queued = previous.then(async () => await mine);
	queues.set(lockDir, queued);
	await previous;
	try {
		await acquire(lockDir, options);
		try {
			return await held.run(new Set([...(held.getStore() ?? []), lockDir]), body);
		} finally {
			await rm(lockDir, { recursive: true, force: true });
		}
	} finally {
		release();
		if (queues.get(lockDir) === queued) queues.delete(lockDir);
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

async function acquire(lockDir: string, { log, what = lockDir }: LockOptions): Promise<void> {
	const started = Date.now();
	let lastNote = 0;
	for (;;) {
		await mkdir(dirname(lockDir), { recursive: true });
		const taken = await mkdir(lockDir).then(
			() => true,
			async (error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? false : await Promise.reject(error)),
		);
		if (taken) {
			await writeFile(join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
			return;
		}
		const owner = await readJson<{ pid?: number }>(join(lockDir, 'owner.json'));
		if (owner?.pid && !alive(owner.pid)) {
			log?.(`removing the stale lock of ${what} (pid ${owner.pid} is gone)`);
			await rm(lockDir, { recursive: true, force: true });
			continue;
		}
		// no owner.json yet: the owner is between mkdir and writeFile, or died there
		if (!owner && Date.now() - (await stat(lockDir).then((s) => s.mtimeMs, () => 0)) > ABANDONED_MS) {
			await rm(lockDir, { recursive: true, force: true });
			continue;
		}
		if (Date.now() - lastNote > ABANDONED_MS) {
			lastNote = Date.now();
			log?.(`waiting for another process (pid ${owner?.pid ?? '?'}) that is preparing ${what} (${fmtMs(Date.now() - started)})`);
		}
		await sleep(1000);
	}
}
