// Prepare an n8n user folder (N8N_USER_FOLDER) and install a packed community package into it the way
// n8n's "Install community node" does (n8n 1.123 and 2.41, CommunityPackagesService.downloadPackage):
//
//   1. <userFolder>/.n8n/nodes/package.json exists ({ name: 'installed-nodes', private: true, dependencies: {} })
//   2. the tarball (what `npm pack` gives; n8n runs `npm pack <name>@<version>` there to get it) is unpacked with
//      `tar -xzf <tgz> -C nodes/node_modules/<name> --strip-components=1`
//   3. devDependencies, peerDependencies and optionalDependencies are dropped from the unpacked package.json
//      (so npm never installs n8n-workflow there: n8n resolves it from its own node_modules)
//   4. `npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow --ignore-scripts=true
//      --package-lock=false` runs inside the package folder (its runtime dependencies, none for ours)
//   5. nodes/package.json gets dependencies[<name>] = <version>
//
// n8n then loads every nodes/node_modules/n8n-nodes-* (and @scope/n8n-nodes-*) at start; node types are
// `<package name>.<node description name>`. (n8n's UI install also records the package in its database, which only
// its Settings > Community nodes page reads; loading does not need it.)
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { exists, fmtMs, makeLog, readJson, run, withLock } from './util.mjs';

const NPM_ARGS_LIKE_N8N = [
	'install',
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];
const STAMP = '.installed-tarballs.json';

async function sha256(file) {
	return createHash('sha256').update(await readFile(file)).digest('hex');
}

async function readPackageJsonFromTarball(tarball) {
	const r = await run('tar', ['-xzOf', tarball, 'package/package.json']);
	return JSON.parse(r.stdout);
}

/**
 * Load the package's nodes and credentials the way n8n does (n8n-workflow resolved from n8n's own
 * node_modules) and report their type names. Throws if a file does not load.
 */
export async function describePackage(inst, packageDir) {
	const script = `
const path = require('path');
const dir = ${JSON.stringify(packageDir)};
const pkg = require(path.join(dir, 'package.json'));
const out = { name: pkg.name, version: pkg.version, nodes: [], credentials: [] };
const slim = (p) => ({ name: p.name, type: p.type, default: p.default, required: !!p.required, displayOptions: p.displayOptions,
  options: Array.isArray(p.options) && p.type === 'options' ? p.options.map((o) => o.value) : undefined });
for (const f of (pkg.n8n && pkg.n8n.nodes) || []) {
  const mod = require(path.join(dir, f));
  for (const C of Object.values(mod)) {
    if (typeof C !== 'function') continue;
    const o = new C();
    const d = o.description || (o.nodeVersions && o.nodeVersions[o.currentVersion] && o.nodeVersions[o.currentVersion].description) || o.baseDescription || {};
    out.nodes.push({ file: f, name: d.name, displayName: d.displayName, type: pkg.name + '.' + d.name, version: d.version || d.defaultVersion,
      credentials: d.credentials || [], properties: (d.properties || []).map(slim) });
  }
}
for (const f of (pkg.n8n && pkg.n8n.credentials) || []) {
  const mod = require(path.join(dir, f));
  for (const C of Object.values(mod)) {
    if (typeof C !== 'function') continue;
    const o = new C();
    out.credentials.push({ file: f, name: o.name, displayName: o.displayName, extends: o.extends, properties: (o.properties || []).map(slim) });
  }
}
process.stdout.write(JSON.stringify(out));
`;
	const r = await run(inst.nodeBin, ['-e', script], {
		env: { ...process.env, NODE_PATH: join(inst.dir, 'node_modules'), NODE_OPTIONS: '' },
		timeoutMs: 60000,
	});
	return JSON.parse(r.stdout);
}

/**
 * Create the user folder and, if packageTarball is given, install it into <userFolder>/.n8n/nodes/ like n8n does.
 * Reinstalls only when the tarball's content changed (sha256) or the installed folder is missing.
 * @param {object} inst from ensureN8n
 * @param {string} userFolder the value for N8N_USER_FOLDER (n8n keeps its data in <userFolder>/.n8n)
 * @param {{ packageTarball?: string, log?: (msg: string) => void }} [opts]
 * @returns {Promise<{ userFolder: string, n8nFolder: string, nodesDir: string, reinstalled: boolean,
 *   package: null | { name: string, version: string, dir: string, sha256: string,
 *     nodes: { name, displayName, type, file, version, credentials, properties }[],
 *     credentials: { name, displayName, file, extends, properties }[] } }>}
 *   type is the node type to use in workflows (`<package name>.<node name>`); properties are slimmed
 *   ({ name, type, default, required, displayOptions, options }).
 */
export async function prepareUserFolder(inst, userFolder, { packageTarball, log } = {}) {
	log = makeLog(log);
	userFolder = resolve(userFolder);
	const n8nFolder = join(userFolder, '.n8n');
	const nodesDir = join(n8nFolder, 'nodes');
	await mkdir(nodesDir, { recursive: true });
	const nodesPkgJson = join(nodesDir, 'package.json');
	if (!(await exists(nodesPkgJson))) {
		await writeFile(nodesPkgJson, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2), 'utf-8');
	}
	const result = { userFolder, n8nFolder, nodesDir, reinstalled: false, package: null };
	if (!packageTarball) return result;

	const tarball = isAbsolute(packageTarball) ? packageTarball : resolve(packageTarball);
	if (!(await exists(tarball))) throw new Error(`package tarball not found: ${tarball}`);

	return withLock(join(n8nFolder, '.nodes-install.lock'), async () => {
		const hash = await sha256(tarball);
		const manifest = await readPackageJsonFromTarball(tarball);
		const { name, version } = manifest;
		if (!/^(@[a-z0-9][a-z0-9._-]*\/)?n8n-nodes-[a-z0-9._-]+$/.test(name)) {
			throw new Error(`${name}: n8n only loads packages named n8n-nodes-* or @scope/n8n-nodes-*`);
		}
		const pkgDir = join(nodesDir, 'node_modules', ...name.split('/'));
		const stampPath = join(nodesDir, STAMP);
		const stamps = (await readJson(stampPath)) ?? {};
		const current = stamps[name];
		if (!(current?.sha256 === hash && (await exists(join(pkgDir, 'package.json'))))) {
			const t0 = Date.now();
			log(`installing ${name}@${version} from ${tarball} into ${nodesDir} (as n8n's community install does)`);
			await rm(pkgDir, { recursive: true, force: true });
			await mkdir(pkgDir, { recursive: true });
			await run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
			const pjPath = join(pkgDir, 'package.json');
			const kept = JSON.parse(await readFile(pjPath, 'utf-8'));
			for (const k of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete kept[k];
			await writeFile(pjPath, JSON.stringify(kept, null, 2), 'utf-8');
			// n8n runs the npm on PATH with its own Node first on PATH
			await run('npm', NPM_ARGS_LIKE_N8N, {
				cwd: pkgDir,
				env: { ...process.env, PATH: inst.baseEnv.PATH, NODE_OPTIONS: '' },
				timeoutMs: 300000,
			});
			const nodesPkg = JSON.parse(await readFile(nodesPkgJson, 'utf-8'));
			nodesPkg.dependencies = { ...(nodesPkg.dependencies ?? {}), [name]: version };
			await writeFile(nodesPkgJson, JSON.stringify(nodesPkg, null, 2), 'utf-8');
			stamps[name] = { sha256: hash, version, tarball, installedAt: new Date().toISOString() };
			await writeFile(stampPath, JSON.stringify(stamps, null, 2));
			result.reinstalled = true;
			log(`${name}@${version} installed in ${fmtMs(Date.now() - t0)}`);
		}
		if (await exists(join(pkgDir, 'node_modules', 'n8n-workflow'))) {
			throw new Error(`${pkgDir}/node_modules/n8n-workflow exists: the peer dependency must come from n8n itself`);
		}
		const described = await describePackage(inst, pkgDir);
		result.package = { name, version, dir: pkgDir, sha256: hash, nodes: described.nodes, credentials: described.credentials };
		return result;
	}, { log, what: `community package in ${nodesDir}` });
}

/** A fresh temporary user folder (caller removes it). */
export async function makeTempUserFolder(prefix = 'n8n-user-') {
	return mkdtemp(join(tmpdir(), prefix));
}
