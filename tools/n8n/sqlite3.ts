/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * sqlite3, the one native module n8n cannot run without, built from source with node-gyp for the Node that runs
 * that n8n line, against that Node's headers. Each line builds its own copy: nothing is shared between lines, and
 * no other Node ever loads it (a build made with Node 24's headers crashes Node 20 with SIGSEGV). The build happens
 * in a copy of the package and the binary is then renamed into place, so an n8n of that line that starts meanwhile
 * loads the old binary or the new one, never a half-built folder.
 */
import { cp, mkdir, readdir, realpath, rename, rm } from 'fs/promises';
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

/** Builds every sqlite3 of the install in nodeModules for runtime's Node; checks that Node loads each. */
export async function buildSqlite3For(nodeModules: string, runtime: NodeRuntime, log: (message: string) => void): Promise<void> {
	const dirs = await findSqlite3Dirs(nodeModules);
	if (dirs.length === 0) throw new Error(`no sqlite3 package in ${nodeModules}`);
	const nodeGyp = await findNodeGyp();
	for (const dir of dirs) {
		const version = (await readJson<{ version: string }>(join(dir, 'package.json')))?.version ?? '?';
		const staging = `${dir}.build-${process.pid}`;
		await rm(staging, { recursive: true, force: true });
		await cp(dir, staging, { recursive: true });
		try {
			log(`sqlite3 ${version}: building from source for ${runtime.nodeBin} with node-gyp (about a minute) ...`);
			const build = await run(runtime.nodeBin, [nodeGyp, 'rebuild', '--release', '-j', 'max', `--nodedir=${runtime.nodeDir}`], {
				cwd: staging,
				env: { ...process.env, PATH: `${dirname(runtime.nodeBin)}${delimiter}${process.env.PATH}`, npm_config_nodedir: runtime.nodeDir },
				progress: (ms) => log(`  still compiling sqlite3 (${fmtMs(ms)})`),
			});
			await mkdir(join(dir, BINARY, '..'), { recursive: true });
			await rename(join(staging, BINARY), join(dir, BINARY));
			if (!(await loadsIn(runtime.nodeBin, dir))) throw new Error(`sqlite3 built in ${dir} but ${runtime.nodeBin} cannot load it`);
			log(`sqlite3 ${version}: built in ${fmtMs(build.durationMs)}`);
		} finally {
			await rm(staging, { recursive: true, force: true });
		}
	}
}
