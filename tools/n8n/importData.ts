/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * Imports credentials and workflows into n8n through its CLI (`import:credentials`, `import:workflow`), one n8n
 * process per kind. Credentials' `data` is given in plain text and encrypted by n8n with the user folder's key.
 */
import { mkdir, rm, writeFile } from 'fs/promises';
import { join, resolve } from 'path';

import { tail } from '../processes';
import { runN8n } from './command';
import { newId } from './ids';
import type { N8nInstall } from './install';

export interface CredentialToImport {
	id?: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowToImport {
	id?: string;
	name: string;
	nodes: object[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

export interface Imported {
	credentialIds: string[];
	workflowIds: string[];
	/** what each n8n process printed */
	outputs: Array<{ command: string; text: string }>;
}

async function importFile(inst: N8nInstall, userFolder: string, command: string, data: unknown[], success: RegExp): Promise<string> {
	// the file holds plain-text credentials: private folder, private file, removed right after
	const dir = join(resolve(userFolder), '.import');
	await mkdir(dir, { recursive: true, mode: 0o700 });
	const file = join(dir, `${newId()}.json`);
	await writeFile(file, JSON.stringify(data), { mode: 0o600 });
	try {
		const answer = await runN8n(inst, userFolder, [command, `--input=${file}`], { allowFail: true });
		const text = answer.stdout + answer.stderr;
		if (answer.code !== 0 || !success.test(text)) {
			const meaningful = text.split('\n').filter((line) => line && !/migration/i.test(line)).join('\n');
			throw new Error(`n8n ${command} failed (exit ${answer.code}):\n${tail(meaningful, 20)}`);
		}
		return text;
	} finally {
		await rm(file, { force: true });
	}
}

export async function importIntoN8n(
	inst: N8nInstall,
	userFolder: string,
	{ credentials = [], workflows = [] }: { credentials?: CredentialToImport[]; workflows?: WorkflowToImport[] },
): Promise<Imported> {
	const now = new Date().toISOString();
	const creds = credentials.map((credential) => ({ createdAt: now, updatedAt: now, ...credential, id: credential.id ?? newId() }));
	const flows = workflows.map((workflow) => ({ active: false, settings: {}, pinData: {}, ...workflow, id: workflow.id ?? newId() }));
	const outputs: Imported['outputs'] = [];
	if (creds.length) {
		const text = await importFile(inst, userFolder, 'import:credentials', creds, /Successfully imported \d+ credential/);
		outputs.push({ command: 'import:credentials', text });
	}
	if (flows.length) {
		const text = await importFile(inst, userFolder, 'import:workflow', flows, /Successfully imported \d+ workflow/);
		outputs.push({ command: 'import:workflow', text });
	}
	return { credentialIds: creds.map((c) => c.id), workflowIds: flows.map((w) => w.id), outputs };
}
