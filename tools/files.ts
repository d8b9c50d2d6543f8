/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
import { mkdir, readFile, rename, stat, writeFile } from 'fs/promises';
import { dirname } from 'path';

export async function exists(path: string): Promise<boolean> {
	try {
		await stat(path);
		return true;
	} catch {
		return false;
	}
}

/** The parsed JSON file, or undefined when it is missing or not JSON. */
export async function readJson<T>(path: string): Promise<T | undefined> {
	try {
		return JSON.parse(await readFile(path, 'utf8')) as T;
	} catch {
		return undefined;
	}
}

/** Writes to a temporary name, then renames: readers see the old file or the whole new one. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
	await mkdir(dirname(path), { recursive: true });
	const temporary = `${path}.tmp-${process.pid}-${Date.now()}`;
	await writeFile(temporary, content);
	await rename(temporary, path);
}
