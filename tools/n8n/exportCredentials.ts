/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * What n8n stored for its credentials, decrypted (`export:credentials --decrypted`): the file holds secrets, so it is
 * private and removed at once; callers read fields, never print values.
 */
import { mkdir, readFile, rm } from 'fs/promises';
import { join, resolve } from 'path';

import { runN8n } from './command';
import { newId } from './ids';
import type { N8nInstall } from './install';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export async function exportDecryptedCredentials(
	inst: N8nInstall,
	userFolder: string,
): Promise<{ credentials: StoredCredential[]; output: string }> {
	const dir = join(resolve(userFolder), '.export');
	await mkdir(dir, { recursive: true, mode: 0o700 });
	const file = join(dir, `${newId()}.json`);
	try {
		const answer = await runN8n(inst, userFolder, ['export:credentials', '--all', '--decrypted', `--output=${file}`]);
		return { credentials: JSON.parse(await readFile(file, 'utf8')) as StoredCredential[], output: answer.stdout + answer.stderr };
	} finally {
		await rm(file, { force: true });
	}
}
