// Builds the package and packs it as npm would publish it: the tarball n8n installs.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { run } from '../n8n/util.mjs';
import { DEFAULT_CACHE_DIR, REPO_ROOT } from '../n8n/util.mjs';

export async function packPackage({ log = () => {} } = {}) {
	const started = Date.now();
	const destination = join(DEFAULT_CACHE_DIR, 'pack');
	await rm(destination, { recursive: true, force: true });
	await mkdir(destination, { recursive: true });
	await run('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT });
	await run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', destination], { cwd: REPO_ROOT });
	const [tarball] = (await readdir(destination)).filter((name) => name.endsWith('.tgz'));
	log(`built and packed ${tarball} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return join(destination, tarball);
}
