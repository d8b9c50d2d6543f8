/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * `npm run demo`: the package in real n8n against the local HighLevel sandbox, no account needed.
 *   npm run demo                 build, pack, install into n8n, run the demo workflow headless, print each step
 *   npm run demo -- --ui         the same set-up, then the n8n editor at http://localhost:5678 (Ctrl-C stops)
 *   options: --line 1|2 (n8n line, default 2), --port N (editor port, default 5678)
 */
import { randomBytes } from 'crypto';
import { readFile, rm } from 'fs/promises';
import { join } from 'path';
import { parseArgs } from 'util';

import { executeWorkflow, itemsOf } from '../n8n/execute';
import { startEditor } from '../n8n/editor';
import { importIntoN8n, type WorkflowToImport } from '../n8n/importData';
import { ensureN8n, type Line } from '../n8n/install';
import { prepareUserFolder } from '../n8n/userFolder';
import { packPackage } from '../pack/packageTarball';
import { DEFAULT_CACHE_DIR } from '../paths';
import { stopAllChildren } from '../processes';
import { DEFAULT_TOKENS, startSandbox } from '../sandbox/server';

const { values: args } = parseArgs({
	options: { ui: { type: 'boolean', default: false }, line: { type: 'string', default: '2' }, port: { type: 'string', default: '5678' } },
});
const [{ token: SANDBOX_TOKEN, locationId: SANDBOX_LOCATION }] = DEFAULT_TOKENS;
const OWNER = { email: 'demo@example.com', password: `Demo-${randomBytes(6).toString('hex')}-1`, firstName: 'Demo', lastName: 'User' };
const started = Date.now();
const say = (text: string) => process.stdout.write(`${text}\n`);
const log = (message: string) => say(`[demo ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

function showStep(name: string, items: Array<Record<string, unknown>>): void {
	say(`\n▶ ${name}: ${items.length} item${items.length === 1 ? '' : 's'}`);
	for (const item of items) say(`   ${Object.entries(item).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join('  ')}`);
}

async function main(): Promise<number> {
	if (args.line !== '1' && args.line !== '2') throw new Error('--line is 1 or 2');
	const line: Line = args.line;
	log(`n8n line ${line}: installing or reusing it (the first install takes a few minutes)`);
	const n8n = await ensureN8n(line, { log: (message) => log(`  ${message}`) });
	const tarball = await packPackage(log);
	const sandbox = await startSandbox({ port: 0 });
	try {
		log(`HighLevel sandbox at ${sandbox.url} (token ${SANDBOX_TOKEN}, location ${SANDBOX_LOCATION})`);
		const userFolder = join(DEFAULT_CACHE_DIR, 'demo', `n8n-${line}`);
		await rm(userFolder, { recursive: true, force: true });
		await prepareUserFolder(n8n, userFolder, tarball, (message) => log(`  ${message}`));
		const template = await readFile(join(__dirname, 'workflow.json'), 'utf8');
		const credential = { name: 'HighLevel sandbox', type: 'highLevelCalendarsApi' };
		const {
			credentialIds: [credentialId],
		} = await importIntoN8n(n8n, userFolder, {
			credentials: [{ ...credential, data: { accessToken: SANDBOX_TOKEN, locationId: SANDBOX_LOCATION, baseUrl: sandbox.url } }],
		});
		const workflow = JSON.parse(template.replaceAll('__CREDENTIAL_ID__', credentialId).replaceAll('__LOCATION_ID__', SANDBOX_LOCATION)) as WorkflowToImport;
		const {
			workflowIds: [workflowId],
		} = await importIntoN8n(n8n, userFolder, { workflows: [workflow] });
		log(`n8n ${n8n.version} ready in ${userFolder}: credential "${credential.name}", workflow "${workflow.name}"`);

		if (args.ui) {
			const editor = await startEditor(n8n, userFolder, { port: Number(args.port), owner: OWNER, log });
			say(`\nOpen ${editor.url}/workflow/${workflowId}\n  sign in: ${OWNER.email} / ${OWNER.password}`);
			say(`  "HighLevel Calendar Group" is in the nodes panel; the credential "${credential.name}" points at the sandbox.`);
			say(`  sandbox state: ${sandbox.url}/__sandbox/state\nCtrl-C stops n8n and the sandbox.`);
			await new Promise<void>((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, () => resolve())));
			return 0;
		}

		const result = await executeWorkflow(n8n, userFolder, workflowId);
		const failedSteps: string[] = [];
		for (const { name } of (workflow.nodes as Array<{ name: string }>).slice(1)) {
			const run = result.runData?.[name]?.[0];
			if (!run) failedSteps.push(`${name}: did not run`);
			else if (run.error) failedSteps.push(`${name}: ${run.error.message}`);
			if (run) showStep(name, itemsOf(result, name));
		}
		say(`\nSandbox afterwards: ${sandbox.state().locations[SANDBOX_LOCATION].length} groups in ${SANDBOX_LOCATION}`);
		if (result.ok && !failedSteps.length) {
			log(`every step succeeded (n8n ${n8n.version})`);
			return 0;
		}
		process.stderr.write(`\nThe demo failed (${result.status}):\n  ${failedSteps.join('\n  ') || result.error?.message || result.stderr.slice(-2000)}\n`);
		return 1;
	} finally {
		await stopAllChildren();
		await sandbox.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
