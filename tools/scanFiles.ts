/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
import { readdir, readFile } from 'fs/promises';
import { join, relative } from 'path';

export interface ScanResult {
	/** every file searched, relative to the folder */
	files: string[];
	bytes: number;
	hits: Array<{ file: string; needle: string }>;
}

async function walk(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
	const nested = await Promise.all(
		entries.map(async (entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return await walk(path);
			return entry.isFile() ? [path] : [];
		}),
	);
	return nested.flat();
}

/**
 * Searches the bytes of every file under dir (but the top-level names in exclude) for each needle, as UTF-8: this
 * finds text in SQLite databases and their -wal/-journal files, which store text as UTF-8, without opening them.
 */
export async function scanFiles(dir: string, needles: string[], exclude: string[] = []): Promise<ScanResult> {
	const files = (await walk(dir)).filter((file) => !exclude.includes(relative(dir, file).split('/')[0]));
	const result: ScanResult = { files: files.map((file) => relative(dir, file)), bytes: 0, hits: [] };
	for (const file of files) {
		const bytes = await readFile(file);
		result.bytes += bytes.length;
		for (const needle of needles) if (bytes.includes(Buffer.from(needle, 'utf8'))) result.hits.push({ file: relative(dir, file), needle });
	}
	return result;
}
