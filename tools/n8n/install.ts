/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * Installs (once) and locates a real n8n of one of two lines, with the Node that runs it:
 *   line '1': n8n 1.x on the Node that runs the tooling (Node 20 here);
 *   line '2': n8n 2.x on Node 24 from the npm registry (nodeRuntime.ts), because n8n 2.x needs Node >= 24.
 * A finished install leaves <cacheDir>/n8n-<line>/.install-complete.json, which also records the Node its sqlite3 was
 * built for (sqlite3.ts: one build, by the tooling's Node, serves both lines); with it matching, ensureN8n starts
 * nothing. A different Node gets its sqlite3 binary first.
 */
import { mkdir, readdir, rm, writeFile } from 'fs/promises';
import { join, resolve } from 'path';

import { fmtMs } from '../duration';
import { exists, readJson, writeFileAtomic } from '../files';
import { withLock } from '../lock';
import { DEFAULT_CACHE_DIR } from '../paths';
import { run } from '../processes';
import { baseEnv, type Env } from './environment';
import { NPM_INSTALL_FLAGS } from './npmFlags';
import { currentNodeRuntime, ensureNode24, type NodeRuntime } from './nodeRuntime';
import { provideSqlite3 } from './sqlite3';

export type Line = '1' | '2';

/** The newest release of each line that installs and runs here. */
export const N8N_VERSIONS: Record<Line, string> = { 1: '1.123.81', 2: '2.41.1' };

export interface N8nInstall {
	line: Line;
	version: string;
	nodeBin: string;
	nodeVersion: string;
	/** n8n's bin/n8n, run as `nodeBin n8nEntry <command>` */
	n8nEntry: string;
	baseEnv: Env;
	/** the install's folder (its node_modules holds n8n) */
	dir: string;
}

export interface InstallOptions {
	cacheDir?: string;
	log?: (message: string) => void;
	version?: string;
}

interface Marker {
	line: Line;
	version: string;
	nodeBin: string;
	nodeVersion: string;
	sqlite3BuiltFor?: string;
	completedAt: string;
}

const MARKER = '.install-complete.json';

export function stderrLog(prefix: string): (message: string) => void {
	return (message) => process.stderr.write(`[${prefix}] ${message}\n`);
}

function assertLine1Node(): void {
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (major < 20 || (major === 20 && minor < 19) || major > 24) {
		throw new Error(`n8n 1.x runs on Node >=20.19 <=24 (its engines field); this is ${process.version}`);
	}
}

/** The Node that runs the tooling, with its headers: line 1 runs on it, and it builds the sqlite3 both lines load. */
async function toolingNode(cacheDir: string, log: (message: string) => void): Promise<NodeRuntime & { nodeVersion: string }> {
	return { ...(await currentNodeRuntime(cacheDir, log)), nodeVersion: process.version };
}

async function runtimeFor(line: Line, cacheDir: string, log: (message: string) => void): Promise<NodeRuntime & { nodeVersion: string }> {
	if (line === '1') {
		assertLine1Node();
		return await toolingNode(cacheDir, log);
	}
	const runtime = await ensureNode24(cacheDir, log);
	return { ...runtime, nodeVersion: (await run(runtime.nodeBin, ['--version'])).stdout.trim() };
}

function installOf(line: Line, version: string, dir: string, nodeBin: string, nodeVersion: string): N8nInstall {
	return { line, version, nodeBin, nodeVersion, n8nEntry: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), baseEnv: baseEnv(line, nodeBin), dir };
}

/** Makes sure n8n of the line is installed under <cacheDir>/n8n-<line>/, its sqlite3 built for its Node; returns how to run it. */
export async function ensureN8n(line: Line, options: InstallOptions = {}): Promise<N8nInstall> {
	const cacheDir = resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
	const log = options.log ?? stderrLog(`n8n line ${line}`);
	const version = options.version ?? process.env[`N8N_LINE${line}_VERSION`] ?? N8N_VERSIONS[line];
	const dir = join(cacheDir, `n8n-${line}`);
	const markerPath = join(dir, MARKER);
	const n8nEntry = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const installed = async (marker: Marker | undefined) => marker?.version === version && marker.line === line && (await exists(n8nEntry));
	const ready = async (marker: Marker | undefined) =>
		(await installed(marker)) &&
		(await exists(marker!.nodeBin)) &&
		[process.version, marker!.nodeVersion].includes(marker!.sqlite3BuiltFor ?? '') &&
		(line === '2' || marker!.nodeBin === process.execPath);

	const fast = await readJson<Marker>(markerPath);
	if (await ready(fast)) return installOf(line, version, dir, fast!.nodeBin, fast!.nodeVersion);

	// one heavy install at a time per cache: two side by side on 2 cores take longer than one after the other
	return await withLock(
		join(cacheDir, '.install.lock'),
		async () => {
			const marker = await readJson<Marker>(markerPath);
			if (await ready(marker)) return installOf(line, version, dir, marker!.nodeBin, marker!.nodeVersion);
			const started = Date.now();
			const runtime = await runtimeFor(line, cacheDir, log);
			if (!(await installed(marker))) await installPackage(line, version, dir, log);
			const sqlite3BuiltFor = await provideSqlite3(join(dir, 'node_modules'), runtime, await toolingNode(cacheDir, log), cacheDir, log);
			const inst = installOf(line, version, dir, runtime.nodeBin, runtime.nodeVersion);
			await checkStarts(inst);
			const done: Marker = {
				line,
				version,
				nodeBin: runtime.nodeBin,
				nodeVersion: runtime.nodeVersion,
				sqlite3BuiltFor,
				completedAt: new Date().toISOString(),
			};
			await writeFileAtomic(markerPath, JSON.stringify(done, null, 2));
			log(`n8n@${version} (line ${line}, Node ${runtime.nodeVersion}) ready in ${fmtMs(Date.now() - started)}`);
			return inst;
		},
		{ log, what: `an n8n install in ${cacheDir}` },
	);
}

/** npm install of the pinned n8n into a fresh folder, scripts off (native modules are built afterwards). */
async function installPackage(line: Line, version: string, dir: string, log: (message: string) => void): Promise<void> {
	if (await exists(dir)) {
		log(`removing an unfinished or outdated install in ${dir}`);
		await rm(dir, { recursive: true, force: true });
	}
	await mkdir(dir, { recursive: true });
	const wrapper: Record<string, unknown> = {
		name: `n8n-line-${line}`,
		private: true,
		description: 'Wrapper that installs a pinned n8n (tools/n8n/install.ts)',
		dependencies: { n8n: version },
	};
	// n8n 1.x depends on xlsx from a tarball URL outside the npm registry
	if (line === '1') wrapper.overrides = { xlsx: '0.18.5' };
	await writeFile(join(dir, 'package.json'), JSON.stringify(wrapper, null, 2));
	log(`npm install n8n@${version} (${NPM_INSTALL_FLAGS.join(' ')}); the first time takes a few minutes ...`);
	const install = async () =>
		await run('npm', ['install', ...NPM_INSTALL_FLAGS], {
			cwd: dir,
			progress: (ms) =>
				void readdir(join(dir, 'node_modules')).then(
					(entries) => log(`  npm still working (${fmtMs(ms)}, ${entries.length} entries in node_modules so far)`),
					() => log(`  npm still working (${fmtMs(ms)})`),
				),
		});
	try {
		await install();
	} catch (error) {
		log(`npm install failed, retrying once: ${(error as Error).message.split('\n').slice(-12).join('\n')}`);
		await install();
	}
}

async function checkStarts(inst: N8nInstall): Promise<void> {
	const answer = await run(inst.nodeBin, [inst.n8nEntry, '--version'], { cwd: inst.dir, env: { ...process.env, ...inst.baseEnv }, timeoutMs: 120000 });
	const reported = answer.stdout.trim().split('\n').pop();
	if (reported !== inst.version) throw new Error(`n8n --version printed ${JSON.stringify(answer.stdout)}; expected ${inst.version}`);
}
