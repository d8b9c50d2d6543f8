/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/** What every e2e suite sets up the same way: the n8n lines to run, its run folder under .cache/e2e, and the packed package. */
import { mkdir, readdir, rm } from 'fs/promises';
import { join } from 'path';

import { killLeftovers } from '../../../tools/leftovers';
import { stderrLog, type Line } from '../../../tools/n8n/install';
import { packPackage } from '../../../tools/pack/packageTarball';
import { DEFAULT_CACHE_DIR } from '../../../tools/paths';

/** E2E_LINES=2 runs one line. */
export const LINES = (process.env.E2E_LINES ?? '1,2').split(',').map((s) => s.trim()).filter(Boolean) as Line[];
/** E2E_KEEP=1 keeps the run folders for inspection. */
export const KEEP = !!process.env.E2E_KEEP;
export const MINUTE = 60_000;

/** Removes run-<pid>-<time> folders of runs whose process is gone (killed before their clean-up), and what still runs in them. */
async function removeStaleRuns(runsDir: string, log: (message: string) => void): Promise<void> {
	const stale = (await readdir(runsDir).catch(() => [] as string[])).filter((name) => {
		const pid = Number(/^run-(\d+)-\d+$/.exec(name)?.[1]);
		if (!pid || pid === process.pid) return false;
		try {
			process.kill(pid, 0);
			return false;
		} catch (error) {
			return (error as NodeJS.ErrnoException).code !== 'EPERM';
		}
	});
	for (const name of stale) {
		await killLeftovers(join(runsDir, name), log);
		await rm(join(runsDir, name), { recursive: true, force: true });
	}
	if (stale.length) log(`removed user folders of killed runs: ${stale.join(', ')}`);
}

export interface E2eRun {
	/** the suite's run folder: one user folder per n8n line goes in it */
	dir: string;
	/** the package as npm would publish it, packed before the suite's tests */
	tarball(): string;
}

export interface E2eRunOptions {
	/** remove the folders of killed runs first */
	removeStale?: boolean;
	/** the folder under .cache that holds the runs (default `e2e`) */
	folder?: string;
	/** keep the run folder when this says so at the end (a failed step's evidence) */
	keepIf?: () => boolean;
}

/**
 * Registers the suite's set-up and clean-up: a run-<pid>-<time> folder under .cache/<folder> (removed afterwards
 * unless KEEP or `keepIf`) and the package built and packed (unless E2E_TARBALL names it).
 */
export function e2eRun(label: string, options: E2eRunOptions = {}): E2eRun {
	const runsDir = join(DEFAULT_CACHE_DIR, options.folder ?? 'e2e');
	const dir = join(runsDir, `run-${process.pid}-${Date.now()}`);
	const log = (message: string) => process.stderr.write(`[${label}] ${message}\n`);
	let tarball: string | undefined;

	beforeAll(async () => {
		if (options.removeStale) await removeStaleRuns(runsDir, log);
		await mkdir(dir, { recursive: true });
		log(options.folder ? `run folder ${dir}` : `lines ${LINES.join(', ')}; user folders under ${dir}`);
		// packed once by the e2e config's global set-up; suites run under another config pack it themselves
		tarball = process.env.E2E_TARBALL ?? (await packPackage(stderrLog(label)));
	}, 10 * MINUTE);

	afterAll(async () => {
		if (KEEP || options.keepIf?.()) log(`kept ${dir}`);
		else await rm(dir, { recursive: true, force: true });
	}, 2 * MINUTE);

	return {
		dir,
		tarball: () => {
			if (!tarball) throw new Error('the package is packed in beforeAll');
			return tarball;
		},
	};
}
