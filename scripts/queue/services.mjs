// Redis and PostgreSQL for the queue-mode run: installed from Debian's apt when missing, started as child processes
// on free loopback ports with their data under a directory the caller gives, stopped by stop().
// Long-running children are spawned in their own process group; stopAllChildren() ends any still alive.
import { spawn } from 'node:child_process';
import { chmod, chown, mkdir, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';

import { freePort } from '../n8n/cli.mjs';
import { exists, fmtMs, run } from '../n8n/util.mjs';

const live = new Set();

/**
 * Spawn a long-running process in its own process group; its output goes to logFile and is kept (tail) in memory.
 * @returns {{ child, pid, output: () => string, waitFor: (re: RegExp, ms: number) => Promise<RegExpExecArray>,
 *   exited: () => object|null, stop: (signal?: string, graceMs?: number) => Promise<void> }}
 */
export function spawnService(name, cmd, args, { cwd, env = process.env, uid, gid, logFile } = {}) {
	const child = spawn(cmd, args, { cwd, env, uid, gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const file = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
	let output = '';
	const listeners = new Set();
	const keep = (d) => {
		output += d;
		if (output.length > 8 * 1024 * 1024) output = output.slice(-4 * 1024 * 1024);
		file?.write(d);
		for (const l of listeners) l();
	};
	child.stdout.setEncoding('utf8').on('data', keep);
	child.stderr.setEncoding('utf8').on('data', keep);
	let exited = null;
	const exitPromise = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			live.delete(entry);
			for (const l of listeners) l();
			resolve();
		});
		child.on('error', (error) => {
			exited = { error };
			live.delete(entry);
			for (const l of listeners) l();
			resolve();
		});
	});
	const killGroup = (signal) => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			/* gone */
		}
	};
	const entry = {
		name,
		child,
		pid: child.pid,
		output: () => output,
		exited: () => exited,
		/** resolves once the process exited */
		done: () => exitPromise,
		/** Resolves with the match once the output matches re; rejects on exit or timeout. */
		waitFor: (re, ms) =>
			new Promise((resolve, reject) => {
				const timer = setTimeout(() => done(new Error(`${name}: no ${re} within ${fmtMs(ms)}\n${tail(output)}`)), ms);
				const check = () => {
					const m = re.exec(output);
					if (m) done(null, m);
					else if (exited) done(new Error(`${name} exited (${exited.code ?? exited.signal ?? exited.error?.message}) before ${re}\n${tail(output)}`));
				};
				const done = (err, m) => {
					clearTimeout(timer);
					listeners.delete(check);
					if (err) reject(err);
					else resolve(m);
				};
				listeners.add(check);
				check();
			}),
		stop: async (signal = 'SIGTERM', graceMs = 20000) => {
			if (!exited) {
				killGroup(signal);
				const killer = setTimeout(() => killGroup('SIGKILL'), graceMs);
				await exitPromise;
				clearTimeout(killer);
			}
			killGroup('SIGKILL'); // leftovers of the group (n8n's task runner), if any
			await new Promise((r) => (file ? file.end(r) : r()));
		},
	};
	live.add(entry);
	return entry;
}

/** SIGKILL every process group spawnService started that is still alive (last resort, synchronous). */
export function killAllChildrenNow() {
	for (const e of live) {
		try {
			process.kill(-e.pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}
}

/**
 * Processes whose working directory lies inside `dir`: left by an earlier run of this script that was killed
 * before it could stop them (every process it starts runs with its cwd in the run directory: n8n in its user
 * folder, PostgreSQL in its data directory, Redis in its dir). Each is ended by its pid with SIGKILL.
 * @returns {Promise<number[]>} the pids ended
 */
export async function killLeftovers(dir, log) {
	const ended = [];
	let entries = [];
	try {
		entries = await readdir('/proc');
	} catch {
		return ended;
	}
	for (const e of entries) {
		if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
		let cwd;
		try {
			cwd = await readlink(`/proc/${e}/cwd`);
		} catch {
			continue;
		}
		if (cwd !== dir && !cwd.startsWith(`${dir}/`)) continue;
		try {
			process.kill(Number(e), 'SIGKILL');
			ended.push(Number(e));
		} catch {
			/* gone */
		}
	}
	if (ended.length) log(`ended ${ended.length} processes left by an earlier run (cwd in ${dir}): ${ended.join(', ')}`);
	return ended;
}

function tail(s, n = 30) {
	return s.split('\n').slice(-n).join('\n');
}

async function which(name) {
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		if (dir && (await exists(join(dir, name)))) return join(dir, name);
	}
	for (const dir of ['/usr/sbin', '/usr/bin', '/sbin', '/bin']) if (await exists(join(dir, name))) return join(dir, name);
	return undefined;
}

/** The bin directory of the newest PostgreSQL that Debian's packages installed (/usr/lib/postgresql/<v>/bin). */
async function findPostgresBin() {
	const root = '/usr/lib/postgresql';
	if (!(await exists(root))) return undefined;
	const versions = (await readdir(root)).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
	for (const v of versions) {
		const bin = join(root, v, 'bin');
		if ((await exists(join(bin, 'postgres'))) && (await exists(join(bin, 'initdb')))) return bin;
	}
	return undefined;
}

/**
 * Make sure redis-server and PostgreSQL are installed (apt-get update once, then apt-get install, only when one is
 * missing). Services are not started by the packages here (Docker-style policy-rc.d), and none is started as a
 * system service by this script.
 * @returns {Promise<{ redisServer: string, pgBin: string, installed: string[] }>}
 */
export async function ensureServices({ log }) {
	let redisServer = await which('redis-server');
	let pgBin = await findPostgresBin();
	const missing = [];
	if (!redisServer) missing.push('redis-server');
	if (!pgBin) missing.push('postgresql');
	if (missing.length) {
		if (process.getuid?.() !== 0) throw new Error(`${missing.join(' and ')} missing; install them (apt-get install ${missing.join(' ')}) or run as root`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		log(`apt: ${missing.join(', ')} missing: apt-get update ...`);
		let r = await run('apt-get', ['update'], { env, timeoutMs: 600000 });
		log(`apt: updated in ${fmtMs(r.durationMs)}; apt-get install -y --no-install-recommends ${missing.join(' ')} ...`);
		r = await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, timeoutMs: 900000 });
		log(`apt: installed ${missing.join(', ')} in ${fmtMs(r.durationMs)}`);
		redisServer = await which('redis-server');
		pgBin = await findPostgresBin();
		if (!redisServer || !pgBin) throw new Error(`after apt-get install: redis-server ${redisServer ?? 'still missing'}, postgres ${pgBin ?? 'still missing'}`);
	} else {
		log(`apt: nothing to install (redis-server at ${redisServer}, PostgreSQL at ${pgBin})`);
	}
	return { redisServer, pgBin, installed: missing };
}

/** Redis on a free 127.0.0.1 port, no persistence, data dir `dir`. */
export async function startRedis({ redisServer, dir, log }) {
	await mkdir(dir, { recursive: true });
	const port = await freePort();
	const t0 = Date.now();
	const svc = spawnService('redis', redisServer, [
		'--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no',
		'--daemonize', 'no', '--protected-mode', 'yes', '--logfile', '',
	], { cwd: dir, logFile: join(dir, 'redis.log') });
	await svc.waitFor(/Ready to accept connections/, 30000);
	const version = /Redis version=([^\s,]+)/.exec(svc.output())?.[1] ?? '?';
	log(`redis ${version} on 127.0.0.1:${port} (${fmtMs(Date.now() - t0)})`);
	return { host: '127.0.0.1', port, version, stop: () => svc.stop('SIGTERM', 10000) };
}

async function idOf(user) {
	const u = await run('id', ['-u', user], { allowFail: true });
	const g = await run('id', ['-g', user], { allowFail: true });
	if (u.code !== 0 || g.code !== 0) return undefined;
	return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (the Debian package creates it). */
async function postgresIdentity(log) {
	if (process.getuid?.() !== 0) return {};
	let ids = await idOf('postgres');
	if (!ids) {
		log('creating system user "postgres" (PostgreSQL will not run as root)');
		await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
		ids = await idOf('postgres');
	}
	return ids;
}

/**
 * A throwaway PostgreSQL cluster in `dir` (initdb each time), on a free 127.0.0.1 port (no Unix socket), with a
 * role and database for n8n. fsync off: test data only.
 * @returns {Promise<{ host, port, database, user, password, version, pgRequire, stop }>}
 */
/**
 * Where PostgreSQL keeps its data for a run directory. As root it runs as the `postgres` user, which may not be
 * able to enter the run directory (a checkout under /root or a private temporary folder), so its data then lives
 * in a folder of its own under the system's temporary directory, named after the run directory.
 */
export function postgresDirFor(runDir, runsAsOtherUser) {
	if (!runsAsOtherUser) return join(runDir, 'postgres');
	return join(tmpdir(), `n8n-queue-postgres-${createHash('sha1').update(runDir).digest('hex').slice(0, 12)}`);
}

export async function startPostgres({ pgBin, runDir, log, requireFrom }) {
	const t0 = Date.now();
	const ids = await postgresIdentity(log);
	const dir = postgresDirFor(runDir, ids.uid !== undefined);
	await killLeftovers(dir, log);
	await rm(dir, { recursive: true, force: true });
	const dataDir = join(dir, 'data');
	await mkdir(dir, { recursive: true, mode: 0o700 });
	if (ids.uid !== undefined) await chown(dir, ids.uid, ids.gid);
	const superPassword = randomBytes(18).toString('base64url');
	const pwFile = join(dir, 'superuser.pw');
	await writeFile(pwFile, `${superPassword}\n`, { mode: 0o600 });
	if (ids.uid !== undefined) await chown(pwFile, ids.uid, ids.gid);
	const asPg = { cwd: dir, env: { ...process.env, HOME: dir, LC_ALL: 'C' }, uid: ids.uid, gid: ids.gid };
	const init = spawnService('initdb', join(pgBin, 'initdb'), [
		'-D', dataDir, '-U', 'postgres', '--pwfile', pwFile, '--auth-local=trust', '--auth-host=scram-sha-256',
		'-E', 'UTF8', '--no-locale', '--no-sync',
	], { ...asPg, logFile: join(dir, 'initdb.log') });
	await init.done();
	await init.stop();
	if (init.exited().code !== 0) throw new Error(`initdb failed (${JSON.stringify(init.exited())}):\n${tail(init.output())}`);
	await chmod(pwFile, 0o600);

	const port = await freePort();
	const pg = spawnService('postgres', join(pgBin, 'postgres'), [
		'-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100',
	], { ...asPg, logFile: join(dir, 'postgres.log') });
	await pg.waitFor(/database system is ready to accept connections/, 60000);

	// role and database for n8n, through the pg client n8n itself ships
	const req = createRequire(requireFrom);
	const { Client } = req('pg');
	const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', password: superPassword, database: 'postgres' });
	await admin.connect();
	const password = randomBytes(18).toString('base64url');
	let version;
	try {
		version = (await admin.query('show server_version')).rows[0].server_version;
		await admin.query(`CREATE ROLE n8n LOGIN PASSWORD '${password}'`);
		await admin.query('CREATE DATABASE n8n OWNER n8n');
	} finally {
		await admin.end();
	}
	log(`PostgreSQL ${version} on 127.0.0.1:${port}, database n8n, role n8n, data in ${dir} (${fmtMs(Date.now() - t0)}, initdb included)`);
	return {
		host: '127.0.0.1',
		port,
		database: 'n8n',
		user: 'n8n',
		password,
		version,
		/** a connected pg Client for the n8n database (caller ends it) */
		connect: async () => {
			const c = new Client({ host: '127.0.0.1', port, user: 'n8n', password, database: 'n8n' });
			await c.connect();
			return c;
		},
		dir,
		// SIGINT = PostgreSQL's "fast" shutdown
		stop: () => pg.stop('SIGINT', 15000),
	};
}
