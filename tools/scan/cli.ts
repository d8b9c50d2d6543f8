/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * `npm run scan`: n8n's verification scanner (@n8n/scan-community-package), run locally. The scanner itself fetches
 * the published package and the GitHub commit its npm provenance names; here the same analysis runs on `git archive
 * HEAD` and on the `npm pack` tarball of the current build. Exits 1 on any error.
 */
import glob from 'fast-glob';
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';

import { unpackPackedTarball, unpackSourceAtHead } from './published';

/** What the scanner lints in the downloaded tarball (its analyzePackageByName): compiled code and package.json. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];
/** What the scanner's analyzePackage leaves out of its file list. */
const SCANNER_IGNORES = ['node_modules/**', '**/package-lock.json'];

interface Leg {
	title: string;
	dir: string;
	patterns: string[];
}

async function scanLeg({ title, dir, patterns }: Leg): Promise<boolean> {
	const { analyzePackage } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const files = (await glob(patterns, { cwd: dir, ignore: SCANNER_IGNORES })).sort();
	process.stdout.write(`\n${title}\n  ${files.length} files (${patterns.join(', ')}):\n${files.map((file) => `    ${file}\n`).join('')}`);
	const result = await analyzePackage(dir, patterns);
	if (result.passed) {
		process.stdout.write('  0 errors\n');
		return true;
	}
	process.stdout.write(`  FAILED: ${result.message ?? 'unknown'}\n${result.details ?? ''}\n`);
	return false;
}

async function main(): Promise<number> {
	const { SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const { version } = (await import('@n8n/scan-community-package/package.json')) as { version: string };
	const work = await mkdtemp(join(tmpdir(), 'n8n-scan-'));
	try {
		const sourceDir = join(work, 'source', 'tree');
		const packageDir = join(work, 'package', 'tree');
		const commit = await unpackSourceAtHead(sourceDir);
		const tarball = await unpackPackedTarball(packageDir);
		process.stdout.write(`@n8n/scan-community-package ${version}: the scanner's analysis on what n8n's verification downloads`);
		const passed = [
			await scanLeg({ title: `Source, git archive of HEAD (${commit.slice(0, 12)}; uncommitted changes are not in it)`, dir: sourceDir, patterns: SOURCE_FILE_PATTERNS }),
			await scanLeg({ title: `Tarball, npm pack of the current build (${tarball})`, dir: packageDir, patterns: TARBALL_FILE_PATTERNS }),
		].every(Boolean);
		process.stdout.write(passed ? '\nscan passed: 0 errors on source and tarball\n' : '\nscan FAILED\n');
		return passed ? 0 : 1;
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}

main().then(
	(code) => (process.exitCode = code),
	(error: Error) => {
		process.stderr.write(`scan could not run: ${error.stack ?? error.message}\n`);
		process.exitCode = 1;
	},
);
