#!/usr/bin/env node
// `npm run demo`: the package in real n8n against the local HighLevel sandbox, no account needed.
//   npm run demo                 build, pack, install into n8n, run the demo workflow headless, print each step
//   npm run demo -- --ui         the same set-up, then the n8n editor at http://localhost:5678 (Ctrl-C stops)
//   options: --line 1|2 (n8n line, default 2), --port N (editor port, default 5678)
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { packPackage } from './lib/package-tarball.mjs';
import { startSandboxProcess } from './lib/sandbox-process.mjs';
import { executeWorkflow, importCredentials, importWorkflow, newId, startEditor } from './n8n/cli.mjs';
import { ensureN8n } from './n8n/install.mjs';
import { prepareUserFolder } from './n8n/user-folder.mjs';
import { DEFAULT_CACHE_DIR, REPO_ROOT } from './n8n/util.mjs';

const { values: args } = parseArgs({
	options: { ui: { type: 'boolean', default: false }, line: { type: 'string', default: '2' }, port: { type: 'string', default: '5678' } },
});
const SANDBOX_TOKEN = 'pit-sandbox-0000-demo';
const SANDBOX_LOCATION = 'sandboxLocation0001';
const OWNER = { email: 'demo@example.com', password: 'Demo-password-1', firstName: 'Demo', lastName: 'User' };
const started = Date.now();
const log = (message) => console.log(`[demo ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

function showStep(name, items) {
	console.log(`\n▶ ${name}: ${items.length} item${items.length === 1 ? '' : 's'}`);
	for (const item of items) {
		const shown = Object.entries(item ?? {}).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join('  ');
		console.log(`   ${shown}`);
	}
}

async function main() {
	const cleanup = [];
	const stopAll = async () => {
		for (const stop of cleanup.reverse()) await stop().catch(() => {});
	};
	for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void stopAll().then(() => process.exit(130)));
	try {
		log(`n8n line ${args.line}: installing or reusing it (the first install takes a few minutes)`);
		const n8n = await ensureN8n(args.line, { log: (m) => log(`  ${m}`) });
		const tarball = await packPackage({ log: (m) => log(m) });
		const sandbox = await startSandboxProcess();
		cleanup.push(sandbox.stop);
		log(`HighLevel sandbox at ${sandbox.url} (token ${SANDBOX_TOKEN}, location ${SANDBOX_LOCATION})`);

		const userFolder = join(DEFAULT_CACHE_DIR, 'demo', `n8n-${args.line}`);
		await rm(userFolder, { recursive: true, force: true });
		await prepareUserFolder(n8n, userFolder, { packageTarball: tarball, log: (m) => log(`  ${m}`) });
		const credentialId = newId();
		await importCredentials(n8n, userFolder, [
			{
				id: credentialId,
				name: 'HighLevel sandbox',
				type: 'highLevelCalendarsApi',
				data: { accessToken: SANDBOX_TOKEN, locationId: SANDBOX_LOCATION, baseUrl: sandbox.url },
			},
		]);
		const template = await readFile(join(REPO_ROOT, 'scripts', 'demo', 'workflow.json'), 'utf8');
		const workflow = JSON.parse(template.replaceAll('__CREDENTIAL_ID__', credentialId).replaceAll('__LOCATION_ID__', SANDBOX_LOCATION));
		const workflowId = await importWorkflow(n8n, userFolder, workflow);
		log(`n8n ${n8n.version} ready in ${userFolder}: credential "HighLevel sandbox", workflow "${workflow.name}"`);

		if (args.ui) {
			const editor = await startEditor(n8n, userFolder, { port: Number(args.port), owner: OWNER, log: (m) => log(m) });
			cleanup.push(editor.stop);
			console.log(`\nOpen ${editor.url}/workflow/${workflowId}\n  sign in: ${OWNER.email} / ${OWNER.password}`);
			console.log('  "HighLevel Calendar Group" is in the nodes panel; the credential "HighLevel sandbox" points at the sandbox.');
			console.log(`  sandbox state: ${sandbox.url}/__sandbox/state\nCtrl-C stops n8n and the sandbox.`);
			await new Promise(() => {});
		}

		const result = await executeWorkflow(n8n, userFolder, workflowId);
		const failedSteps = [];
		for (const node of workflow.nodes.slice(1)) {
			const run = result.runData?.[node.name]?.[0];
			if (!run) {
				failedSteps.push(`${node.name}: did not run`);
				continue;
			}
			if (run.error) failedSteps.push(`${node.name}: ${run.error.message}`);
			showStep(node.name, result.items(node.name));
		}
		const state = await (await fetch(`${sandbox.url}/__sandbox/state`)).json();
		console.log(`\nSandbox afterwards: ${state.locations[SANDBOX_LOCATION].length} groups in ${SANDBOX_LOCATION}`);
		if (!result.ok || failedSteps.length) {
			console.error(`\nThe demo failed (${result.status}):\n  ${failedSteps.join('\n  ') || result.error?.message || result.stderr.slice(-2000)}`);
			process.exitCode = 1;
		} else {
			log(`every step succeeded (n8n ${n8n.version})`);
		}
	} finally {
		await stopAll();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
