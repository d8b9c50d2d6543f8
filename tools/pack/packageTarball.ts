/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/** Builds the package and packs it as npm would publish it: the tarball n8n installs. */
import { mkdir, readdir, rm } from 'fs/promises';
import { join } from 'path';

import { fmtMs } from '../duration';
import { withLock } from '../lock';
import { DEFAULT_CACHE_DIR, REPO_ROOT } from '../paths';
import { run } from '../processes';

export async function packPackage(log: (message: string) => void = () => undefined): Promise<string> {
	const destination = join(DEFAULT_CACHE_DIR, 'pack');
	// one build at a time: the build empties dist/, which a parallel pack would ship half-made
	return await withLock(`${destination}.lock`, async () => {
		const started = Date.now();
		await rm(destination, { recursive: true, force: true });
		await mkdir(destination, { recursive: true });
		await run('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT });
		await run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', destination], { cwd: REPO_ROOT });
		const [tarball] = (await readdir(destination)).filter((name) => name.endsWith('.tgz'));
		log(`built and packed ${tarball} in ${fmtMs(Date.now() - started)}`);
		return join(destination, tarball);
	});
}
