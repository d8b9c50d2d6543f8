/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * A throwaway PostgreSQL cluster (initdb each run) on a free 127.0.0.1 port, no Unix socket, fsync off (test data only),
 * with a role and database for n8n, reached through the pg client n8n itself ships.
 */
import { createHash, randomBytes } from 'crypto';
import { chmod, chown, mkdir, rm, writeFile } from 'fs/promises';
import { createRequire } from 'module';
import { tmpdir } from 'os';
import { join } from 'path';

import { fmtMs } from '../duration';
import { freePort } from '../freePort';
import { run, start, tail } from '../processes';
import { killLeftovers } from '../leftovers';

/** pg's Client, as far as the queue run uses it */
export interface PgClient {
	connect(): Promise<void>;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as PostgreSQL returns them
	query(sql: string, values?: unknown[]): Promise<{ rows: any[] }>;
	end(): Promise<void>;
}
type PgClientClass = new (config: Record<string, unknown>) => PgClient;

export interface Postgres {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	version: string;
	dir: string;
	/** a connected client of the n8n database (the caller ends it) */
	connect(): Promise<PgClient>;
	stop(): Promise<unknown>;
}

interface Identity {
	uid?: number;
	gid?: number;
}

async function idOf(user: string): Promise<Identity | undefined> {
	const uid = await run('id', ['-u', user], { allowFail: true });
	const gid = await run('id', ['-g', user], { allowFail: true });
	if (uid.code !== 0 || gid.code !== 0) return undefined;
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` user (Debian's package creates it). */
async function postgresIdentity(log: (message: string) => void): Promise<Identity> {
	if (process.getuid?.() !== 0) return {};
	const existing = await idOf('postgres');
	if (existing) return existing;
	log('creating system user "postgres" (PostgreSQL will not run as root)');
	await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
	return (await idOf('postgres')) ?? {};
}

/**
 * Where PostgreSQL keeps its data for a run directory. As another user it may not be able to enter the run directory
 * (a checkout under /root or a private temporary folder), so its data then lives under the system's temporary folder.
 */
function postgresDirFor(runDir: string, runsAsOtherUser: boolean): string {
	if (!runsAsOtherUser) return join(runDir, 'postgres');
	return join(tmpdir(), `n8n-queue-postgres-${createHash('sha1').update(runDir).digest('hex').slice(0, 12)}`);
}

export async function startPostgres(pgBin: string, runDir: string, requireFrom: string, log: (message: string) => void): Promise<Postgres> {
	const started = Date.now();
	const ids = await postgresIdentity(log);
	const dir = postgresDirFor(runDir, ids.uid !== undefined);
	await killLeftovers(dir, log);
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true, mode: 0o700 });
	if (ids.uid !== undefined) await chown(dir, ids.uid, ids.gid!);
	const superPassword = randomBytes(18).toString('base64url');
	const passwordFile = join(dir, 'superuser.pw');
	await writeFile(passwordFile, `${superPassword}\n`, { mode: 0o600 });
	if (ids.uid !== undefined) await chown(passwordFile, ids.uid, ids.gid!);
	const asPostgres = { cwd: dir, env: { ...process.env, HOME: dir, LC_ALL: 'C' }, uid: ids.uid, gid: ids.gid };
	const dataDir = join(dir, 'data');
	const initdbArgs = ['-D', dataDir, '-U', 'postgres', '--pwfile', passwordFile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-locale', '--no-sync'];
	const initdb = start('initdb', join(pgBin, 'initdb'), initdbArgs, { ...asPostgres, logFile: join(dir, 'initdb.log') });
	const initialised = await initdb.exited;
	if (initialised.code !== 0) throw new Error(`initdb failed (${JSON.stringify(initialised)}):\n${tail(initdb.output())}`);
	await chmod(passwordFile, 0o600);

	const port = await freePort();
	const serverArgs = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100'];
	const server = start('postgres', join(pgBin, 'postgres'), serverArgs, { ...asPostgres, logFile: join(dir, 'postgres.log') });
	await server.waitFor(/database system is ready to accept connections/, 60000);

	const { Client } = createRequire(requireFrom)('pg') as { Client: PgClientClass };
	const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', password: superPassword, database: 'postgres' });
	await admin.connect();
	const password = randomBytes(18).toString('base64url');
	let version: string;
	try {
		version = (await admin.query('show server_version')).rows[0].server_version as string;
		await admin.query(`CREATE ROLE n8n LOGIN PASSWORD '${password}'`);
		await admin.query('CREATE DATABASE n8n OWNER n8n');
	} finally {
		await admin.end();
	}
	log(`PostgreSQL ${version} on 127.0.0.1:${port}, database n8n, role n8n, data in ${dir} (${fmtMs(Date.now() - started)}, initdb included)`);
	return {
		host: '127.0.0.1',
		port,
		database: 'n8n',
		user: 'n8n',
		password,
		version,
		dir,
		connect: async () => {
			const client = new Client({ host: '127.0.0.1', port, user: 'n8n', password, database: 'n8n' });
			await client.connect();
			return client;
		},
		// SIGINT = PostgreSQL's "fast" shutdown
		stop: async () => await server.stop({ signal: 'SIGINT', graceMs: 15000 }),
	};
}
