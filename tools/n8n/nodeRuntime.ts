/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * Node binaries from the npm registry (the `node-<platform>-<arch>` package, which also ships include/node for
 * node-gyp): Node 24 for n8n 2.x, and the headers of the running Node when its installation has none.
 */
import { mkdir, rm, writeFile } from 'fs/promises';
import { dirname, join } from 'path';

import { fmtMs } from '../duration';
import { exists, readJson, writeFileAtomic } from '../files';
import { withLock } from '../lock';
import { run } from '../processes';
import { NPM_INSTALL_FLAGS } from './npmFlags';

/** Node for line 2 (n8n 2.x requires Node >= 24). */
export const NODE24_VERSION = '24.21.0';
const MARKER = '.install-complete.json';

export interface NodeRuntime {
	nodeBin: string;
	/** the folder holding include/node, for node-gyp --nodedir */
	nodeDir: string;
}

/** Installs node-<platform>-<arch>@version into dir (once) and returns where it is. */
export async function installNodePackage(version: string, dir: string, log: (message: string) => void): Promise<NodeRuntime> {
	const pkg = `node-${process.platform}-${process.arch}`;
	const nodeDir = join(dir, 'node_modules', pkg);
	const runtime = { nodeBin: join(nodeDir, 'bin', 'node'), nodeDir };
	const ready = async () => (await readJson<{ version?: string }>(join(dir, MARKER)))?.version === version && (await exists(runtime.nodeBin));
	if (await ready()) return runtime;
	return await withLock(
		`${dir}.lock`,
		async () => {
			if (await ready()) return runtime;
			await rm(dir, { recursive: true, force: true });
			await mkdir(dir, { recursive: true });
			await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'node-runtime', private: true }, null, 2));
			log(`installing Node ${version} from the npm registry (${pkg}@${version}) into ${dir} ...`);
			const install = await run('npm', ['install', ...NPM_INSTALL_FLAGS, '--no-save', `${pkg}@${version}`], { cwd: dir });
			const reported = (await run(runtime.nodeBin, ['--version'])).stdout.trim();
			if (reported !== `v${version}`) throw new Error(`${runtime.nodeBin} reports ${reported}, expected v${version}`);
			if (!(await exists(join(nodeDir, 'include', 'node', 'node_api.h')))) throw new Error(`${pkg}@${version} has no include/node headers`);
			await writeFileAtomic(join(dir, MARKER), JSON.stringify({ version, completedAt: new Date().toISOString() }, null, 2));
			log(`Node ${version} ready (${fmtMs(install.durationMs)})`);
			return runtime;
		},
		{ log, what: `Node ${version}` },
	);
}

export async function ensureNode24(cacheDir: string, log: (message: string) => void): Promise<NodeRuntime> {
	return await installNodePackage(process.env.N8N_NODE24_VERSION ?? NODE24_VERSION, join(cacheDir, 'node24'), log);
}

/** The running Node and a folder with its headers (its own installation's, else the registry package of its version). */
export async function currentNodeRuntime(cacheDir: string, log: (message: string) => void): Promise<NodeRuntime> {
	const prefix = dirname(dirname(process.execPath));
	if (await exists(join(prefix, 'include', 'node', 'node_api.h'))) return { nodeBin: process.execPath, nodeDir: prefix };
	const version = process.version.slice(1);
	const { nodeDir } = await installNodePackage(version, join(cacheDir, `node-${version}`), log);
	return { nodeBin: process.execPath, nodeDir };
}
