/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * sqlite3, the one native module n8n cannot run without, built from source with node-gyp against a Node's headers.
 * sqlite3 5 is an N-API module: a build for an older Node loads in a newer one, never the other way round (a build
 * made with Node 24's headers crashes Node 20 with SIGSEGV). So each sqlite3 version is built once, with the Node that
 * runs the tooling (Node 20 here, the older of the lines' two), kept in <cacheDir>/sqlite3-<version>/node-<version>/,
 * and copied into each line's install, whose own Node must then open a database with it; only a Node that cannot
 * gets a build of its own. A build happens in a copy of the package, and every binary is renamed into place, so an
 * n8n that starts meanwhile loads the old binary or the new one, never a half-written file.
 */
import { copyFile, cp, mkdir, readdir, realpath, rename, rm } from 'fs/promises';
import { delimiter, dirname, join } from 'path';

import { fmtMs } from '../duration';
import { exists, readJson } from '../files';
import { run } from '../processes';
import type { NodeRuntime } from './nodeRuntime';

const BINARY = join('build', 'Release', 'node_sqlite3.node');

/** Every sqlite3 package (one with a binding.gyp) in an install's node_modules, nested ones included. */
async function findSqlite3Dirs(nodeModules: string): Promise<string[]> {
	const found: string[] = [];
	const walk = async (dir: string, depth: number): Promise<void> => {
		const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
		for (const entry of entries) {
			if (!entry.isDirectory()) continue;
			const path = join(dir, entry.name);
			if (entry.name === 'sqlite3' && (await exists(join(path, 'binding.gyp')))) found.push(path);
			else if (entry.name.startsWith('@') && depth === 0) await walk(path, depth);
			else if (depth < 3 && (await exists(join(path, 'node_modules')))) await walk(join(path, 'node_modules'), depth + 1);
		}
	};
	await walk(nodeModules, 0);
	return found;
}

/** node-gyp as bundled with the npm on PATH. */
async function findNodeGyp(): Promise<string> {
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		if (!dir || !(await exists(join(dir, 'npm')))) continue;
		const npmCli = await realpath(join(dir, 'npm'));
		const candidate = join(dirname(dirname(npmCli)), 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
		if (await exists(candidate)) return candidate;
	}
	throw new Error('node-gyp not found (looked next to the npm on PATH)');
}

/** Opens an in-memory database with the given Node, in a process of its own. */
async function loadsIn(nodeBin: string, sqliteDir: string): Promise<boolean> {
	const code =
		`const s=require(${JSON.stringify(sqliteDir)});const db=new s.Database(':memory:');` +
		`db.get('select sqlite_version() v',(e)=>{if(e)throw e;db.close();});`;
	return (await run(nodeBin, ['-e', code], { allowFail: true, timeoutMs: 30000 })).code === 0;
}

/** A Node that builds or loads sqlite3. */
type SqliteNode = NodeRuntime & { nodeVersion: string };

/** Copies a file to `to` through a temporary name beside it. */
async function copyInto(from: string, to: string): Promise<void> {
	await mkdir(dirname(to), { recursive: true });
	const partial = `${to}.partial-${process.pid}`;
	await copyFile(from, partial);
	await rename(partial, to);
}

/** The binary of the sqlite3 package in `sqliteDir` built for `node`: the kept one, else a new build, kept. */
async function keptBuild(sqliteDir: string, version: string, node: SqliteNode, cacheDir: string, log: (message: string) => void): Promise<string> {
	const kept = join(cacheDir, `sqlite3-${version}`, `node-${node.nodeVersion}`, 'node_sqlite3.node');
	if (await exists(kept)) return kept;
	const staging = `${sqliteDir}.build-${process.pid}`;
	await rm(staging, { recursive: true, force: true });
	await cp(sqliteDir, staging, { recursive: true });
	try {
		log(`sqlite3 ${version}: building from source for Node ${node.nodeVersion} (${node.nodeBin}) with node-gyp (about a minute) ...`);
		const build = await run(node.nodeBin, [await findNodeGyp(), 'rebuild', '--release', '-j', 'max', `--nodedir=${node.nodeDir}`], {
			cwd: staging,
			env: { ...process.env, PATH: `${dirname(node.nodeBin)}${delimiter}${process.env.PATH}`, npm_config_nodedir: node.nodeDir },
			progress: (ms) => log(`  still compiling sqlite3 (${fmtMs(ms)})`),
		});
		await copyInto(join(staging, BINARY), kept);
		log(`sqlite3 ${version}: built in ${fmtMs(build.durationMs)}, kept in ${dirname(kept)}`);
		return kept;
	} finally {
		await rm(staging, { recursive: true, force: true });
	}
}

/**
 * Gives every sqlite3 of the install in nodeModules a binary that runtime's Node opens a database with: the build for
 * `builder` (the tooling's Node), else one for runtime's Node. Returns the Node version the binaries were built for.
 */
export async function provideSqlite3(nodeModules: string, runtime: SqliteNode, builder: SqliteNode, cacheDir: string, log: (message: string) => void): Promise<string> {
	const dirs = await findSqlite3Dirs(nodeModules);
	if (dirs.length === 0) throw new Error(`no sqlite3 package in ${nodeModules}`);
	const candidates = builder.nodeVersion === runtime.nodeVersion ? [builder] : [builder, runtime];
	let builtFor = builder.nodeVersion;
	for (const dir of dirs) {
		const version = (await readJson<{ version: string }>(join(dir, 'package.json')))?.version ?? '?';
		let loaded = false;
		for (const node of candidates) {
			await copyInto(await keptBuild(dir, version, node, cacheDir, log), join(dir, BINARY));
			loaded = await loadsIn(runtime.nodeBin, dir);
			if (loaded) {
				if (node !== builder) builtFor = node.nodeVersion;
				log(`sqlite3 ${version}: the build for Node ${node.nodeVersion} opens a database in Node ${runtime.nodeVersion}`);
				break;
			}
		}
		if (!loaded) throw new Error(`sqlite3 ${version} in ${dir}: Node ${runtime.nodeVersion} (${runtime.nodeBin}) cannot load its build`);
	}
	return builtFor;
}
