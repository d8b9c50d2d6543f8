/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * An n8n user folder (N8N_USER_FOLDER) with a packed community package installed the way n8n's "Install community
 * node" does it (n8n 1.123 and 2.41, CommunityPackagesService):
 *   1. <userFolder>/.n8n/nodes/package.json exists ({ name: 'installed-nodes', private: true, dependencies: {} });
 *   2. the tarball is unpacked into nodes/node_modules/<name> (tar --strip-components=1);
 *   3. devDependencies, peerDependencies and optionalDependencies are dropped from its package.json (so npm never
 *      installs n8n-workflow there: n8n resolves it from its own node_modules);
 *   4. `npm install` with n8n's flags runs inside the package folder (its runtime dependencies: none for ours);
 *   5. nodes/package.json gets dependencies[<name>] = <version>.
 * n8n then loads every nodes/node_modules/n8n-nodes-* at start.
 */
import { createHash } from 'crypto';
import { mkdir, readFile, rm, writeFile } from 'fs/promises';
import { join, resolve } from 'path';

import { fmtMs } from '../duration';
import { exists, readJson } from '../files';
import { withLock } from '../lock';
import { run } from '../processes';
import { describePackage, type PackageTypes } from './describePackage';
import type { N8nInstall } from './install';

const NPM_ARGS_LIKE_N8N = [
	'install',
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];
/** which tarball (by sha256) each package was installed from: the same tarball is not installed twice */
const STAMP = '.installed-tarballs.json';

export interface PreparedFolder {
	userFolder: string;
	package: PackageTypes & { dir: string };
	reinstalled: boolean;
}

async function readJsonFile<T>(path: string): Promise<T> {
	return JSON.parse(await readFile(path, 'utf8')) as T;
}

async function unpack(inst: N8nInstall, tarball: string, pkgDir: string): Promise<void> {
	await rm(pkgDir, { recursive: true, force: true });
	await mkdir(pkgDir, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
	const manifestPath = join(pkgDir, 'package.json');
	const manifest = await readJsonFile<Record<string, unknown>>(manifestPath);
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[key];
	await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
	// n8n runs the npm on PATH with its own Node first on PATH
	await run('npm', NPM_ARGS_LIKE_N8N, { cwd: pkgDir, env: { ...process.env, PATH: inst.baseEnv.PATH, NODE_OPTIONS: '' }, timeoutMs: 300000 });
}

/** Creates the user folder and installs the packed package into it (again only when the tarball changed). */
export async function prepareUserFolder(
	inst: N8nInstall,
	userFolder: string,
	packageTarball: string,
	log: (message: string) => void = () => undefined,
): Promise<PreparedFolder> {
	userFolder = resolve(userFolder);
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	await mkdir(nodesDir, { recursive: true });
	const nodesManifest = join(nodesDir, 'package.json');
	if (!(await exists(nodesManifest))) {
		await writeFile(nodesManifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	const tarball = resolve(packageTarball);
	return await withLock(join(userFolder, '.n8n', '.nodes-install.lock'), async () => {
		const sha256 = createHash('sha256').update(await readFile(tarball)).digest('hex');
		const { name, version } = JSON.parse((await run('tar', ['-xzOf', tarball, 'package/package.json'])).stdout) as { name: string; version: string };
		if (!/^(@[a-z0-9][a-z0-9._-]*\/)?n8n-nodes-[a-z0-9._-]+$/.test(name)) {
			throw new Error(`${name}: n8n only loads packages named n8n-nodes-* or @scope/n8n-nodes-*`);
		}
		const pkgDir = join(nodesDir, 'node_modules', ...name.split('/'));
		const stamps = (await readJson<Record<string, { sha256: string }>>(join(nodesDir, STAMP))) ?? {};
		const reinstalled = !(stamps[name]?.sha256 === sha256 && (await exists(join(pkgDir, 'package.json'))));
		if (reinstalled) {
			const started = Date.now();
			await unpack(inst, tarball, pkgDir);
			const nodes = await readJsonFile<{ dependencies?: Record<string, string> }>(nodesManifest);
			nodes.dependencies = { ...nodes.dependencies, [name]: version };
			await writeFile(nodesManifest, JSON.stringify(nodes, null, 2));
			stamps[name] = { sha256 };
			await writeFile(join(nodesDir, STAMP), JSON.stringify(stamps, null, 2));
			log(`${name}@${version} installed into ${nodesDir} in ${fmtMs(Date.now() - started)}`);
		}
		if (await exists(join(pkgDir, 'node_modules', 'n8n-workflow'))) {
			throw new Error(`${pkgDir}/node_modules/n8n-workflow exists: the peer dependency must come from n8n itself`);
		}
		return { userFolder, reinstalled, package: { ...(await describePackage(inst, pkgDir)), dir: pkgDir } };
	});
}
