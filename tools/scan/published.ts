/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/** What the scanner downloads, made locally: the source as GitHub serves a commit, and the tarball npm publishes. */
import { mkdir } from 'fs/promises';
import { join } from 'path';

import { REPO_ROOT } from '../paths';
import { run } from '../processes';

/** `git archive HEAD`, unpacked into `dir`: committed files only, as GitHub's codeload serves them. Resolves the commit. */
export async function unpackSourceAtHead(dir: string): Promise<string> {
	await mkdir(dir, { recursive: true });
	const commit = (await run('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT })).stdout.trim();
	const archive = join(dir, '..', 'source.tar');
	await run('git', ['archive', '--format=tar', '-o', archive, commit], { cwd: REPO_ROOT });
	await run('tar', ['-xf', archive, '-C', dir]);
	return commit;
}

/** `npm pack` of the built package, unpacked into `dir` (without npm's `package/` prefix). Resolves the tarball's name. */
export async function unpackPackedTarball(dir: string): Promise<string> {
	await mkdir(dir, { recursive: true });
	const destination = join(dir, '..');
	const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: REPO_ROOT });
	const [{ filename }] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
	await run('tar', ['-xzf', join(destination, filename), '-C', dir, '--strip-components=1']);
	return filename;
}
