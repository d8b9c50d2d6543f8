// Small shared helpers for scripts/n8n/*.mjs (Node built-ins only).
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..', '..');
export const DEFAULT_CACHE_DIR = join(REPO_ROOT, '.cache');

export function fmtMs(ms) {
	if (ms < 1000) return `${Math.round(ms)} ms`;
	const s = ms / 1000;
	if (s < 90) return `${s.toFixed(1)} s`;
	return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function makeLog(log) {
	if (typeof log === 'function') return log;
	if (log === false || log === null) return () => {};
	return (msg) => process.stderr.write(`[n8n] ${msg}\n`);
}

export async function exists(p) {
	try {
		await stat(p);
		return true;
	} catch {
		return false;
	}
}

export async function readJson(p, fallback = undefined) {
	try {
		return JSON.parse(await readFile(p, 'utf8'));
	} catch {
		return fallback;
	}
}

/** Write a file atomically (write to a temp name, then rename). */
export async function writeFileAtomic(p, content) {
	await mkdir(dirname(p), { recursive: true });
	const tmp = `${p}.tmp-${process.pid}-${Date.now()}`;
	await writeFile(tmp, content);
	await rename(tmp, p);
}

/**
 * Run a command, capture stdout/stderr (bounded) and resolve with
 * { code, signal, stdout, stderr, durationMs }. Rejects on non-zero exit unless allowFail.
 * heartbeat: { everyMs, message: (elapsedMs) => string|Promise<string> } logs progress while it runs.
 */
export function run(cmd, args, opts = {}) {
	const {
		cwd,
		env = process.env,
		log,
		heartbeat,
		allowFail = false,
		timeoutMs,
		maxBuffer = 64 * 1024 * 1024,
		input,
	} = opts;
	const started = Date.now();
	return new Promise((resolvePromise, reject) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (d) => {
			if (stdout.length < maxBuffer) stdout += d;
		});
		child.stderr.on('data', (d) => {
			if (stderr.length < maxBuffer) stderr += d;
		});
		if (input !== undefined) child.stdin.end(input);
		else child.stdin.end();
		let hbTimer;
		if (heartbeat && log) {
			hbTimer = setInterval(async () => {
				try {
					log(await heartbeat.message(Date.now() - started));
				} catch {
					/* ignore */
				}
			}, heartbeat.everyMs ?? 20000);
		}
		let killTimer;
		let timedOut = false;
		if (timeoutMs) {
			killTimer = setTimeout(() => {
				timedOut = true;
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 5000).unref();
			}, timeoutMs);
		}
		child.on('error', (err) => {
			clearInterval(hbTimer);
			clearTimeout(killTimer);
			reject(err);
		});
		child.on('close', (code, signal) => {
			clearInterval(hbTimer);
			clearTimeout(killTimer);
			const result = { code, signal, stdout, stderr, durationMs: Date.now() - started, timedOut };
			if ((code !== 0 || timedOut) && !allowFail) {
				const tail = (s) => s.split('\n').slice(-40).join('\n');
				const err = new Error(
					`${cmd} ${args.join(' ')} ${timedOut ? `timed out after ${fmtMs(timeoutMs)}` : `exited with ${code ?? signal}`}` +
						` (cwd ${cwd ?? process.cwd()})\n--- stdout (tail) ---\n${tail(stdout)}\n--- stderr (tail) ---\n${tail(stderr)}`,
				);
				err.result = result;
				reject(err);
				return;
			}
			resolvePromise(result);
		});
	});
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

/**
 * Lock on a directory (mkdir is atomic): serialises callers across processes and, through a promise queue, within
 * this process. A lock whose owner process is gone is taken over. Re-entrant within one async call chain.
 */
const held = new AsyncLocalStorage();
const queues = new Map();
export async function withLock(lockDir, fn, opts = {}) {
	if (held.getStore()?.has(lockDir)) return fn();
	const prev = queues.get(lockDir) ?? Promise.resolve();
	let release;
	const mine = new Promise((r) => (release = r));
	const tail = prev.then(() => mine);
	queues.set(lockDir, tail);
	await prev;
	try {
		return await withDirLock(lockDir, () => held.run(new Set([...(held.getStore() ?? []), lockDir]), fn), opts);
	} finally {
		release();
		if (queues.get(lockDir) === tail) queues.delete(lockDir);
	}
}

async function withDirLock(lockDir, fn, { log, what = lockDir } = {}) {
	const started = Date.now();
	let lastNote = 0;
	for (;;) {
		try {
			await mkdir(dirname(lockDir), { recursive: true });
			await mkdir(lockDir);
			await writeFile(join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			const owner = await readJson(join(lockDir, 'owner.json'));
			if (owner?.pid && !pidAlive(owner.pid)) {
				log?.(`removing stale lock of ${what} (pid ${owner.pid} is gone)`);
				await rm(lockDir, { recursive: true, force: true });
				continue;
			}
			if (!owner) {
				// owner.json not written yet (or the owner died between mkdir and write): give it a moment
				let st;
				try {
					st = await stat(lockDir);
				} catch {
					continue;
				}
				if (Date.now() - st.mtimeMs > 30000) {
					await rm(lockDir, { recursive: true, force: true });
					continue;
				}
			}
			if (Date.now() - lastNote > 30000) {
				lastNote = Date.now();
				log?.(`waiting for another process (pid ${owner?.pid ?? '?'}) that is preparing ${what} (${fmtMs(Date.now() - started)})`);
			}
			await new Promise((r) => setTimeout(r, 1000));
		}
	}
	try {
		return await fn();
	} finally {
		await rm(lockDir, { recursive: true, force: true });
	}
}
