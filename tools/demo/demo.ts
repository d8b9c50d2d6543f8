/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * `npm run demo`: the package in real n8n against the local HighLevel sandbox, no account needed.
 *   npm run demo                 build, pack, install into n8n; the demo workflow is active (HighLevel Trigger on
 *                                LocationCreate → Create → its calendars: a round robin for the owner, an event
 *                                calendar, listed, one moved out, the group's Delete refused → Get Many → Update →
 *                                Disable → Check Slug → Delete with its calendars → the other calendar, with the
 *                                agency credential); a new sub-account appears in the sandbox, its signed LocationCreate
 *                                reaches n8n's production webhook URL, and the demo prints the execution it started
 *   npm run demo -- --pit        the same workflow with a Private Integration Token: the sandbox sends a signed
 *                                LocationCreate naming the token's existing sub-account (a PIT reaches that one only)
 *   npm run demo -- --ui         the same set-up, then the n8n editor at http://localhost:5678 (Ctrl-C stops)
 *   options: --line 1|2 (n8n line, default 2), --port N (editor port, default 5678)
 */
import { randomBytes } from 'crypto';
import { readFile, rm } from 'fs/promises';
import { join } from 'path';
import { parseArgs } from 'util';

import { activate, productionUrl, savedExecution, waitForExecutions, waitUntilServed } from '../n8n/activeWorkflows';
import { itemsOf } from '../n8n/execute';
import { startEditor } from '../n8n/editor';
import type { CredentialToImport, WorkflowToImport } from '../n8n/importData';
import { ensureN8n, type Line } from '../n8n/install';
import { createCredential } from '../n8n/restCredentials';
import { createWorkflow } from '../n8n/restWorkflows';
import { prepareUserFolder } from '../n8n/userFolder';
import { packPackage } from '../pack/packageTarball';
import { DEFAULT_CACHE_DIR } from '../paths';
import { stopAllChildren } from '../processes';
import { sandboxAdmin } from '../sandbox/admin-client';
import { DEFAULT_TOKENS, startSandbox, type Sandbox, type WebhookDelivery } from '../sandbox/server';
import { agencyCredential, newSubAccount, onAgencyCredential } from './agencyStory';
import { asChain, triggerOf } from './workflowChain';

const { values: args } = parseArgs({
	options: {
		ui: { type: 'boolean', default: false },
		pit: { type: 'boolean', default: false },
		line: { type: 'string', default: '2' },
		port: { type: 'string', default: '5678' },
	},
});
const [{ token: SANDBOX_TOKEN, locationId: SANDBOX_LOCATION }] = DEFAULT_TOKENS;
const OWNER = { email: 'demo@example.com', password: `Demo-${randomBytes(6).toString('hex')}-1`, firstName: 'Demo', lastName: 'User' };
const KEY_CREDENTIAL = { name: 'HighLevel sandbox webhook key', type: 'highLevelCalendarsWebhookKeyApi' };
const EXECUTION_TIMEOUT_MS = 120_000;
const started = Date.now();
const say = (text: string) => process.stdout.write(`${text}\n`);
const log = (message: string) => say(`[demo ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

/** What the demo imports and what starts the workflow: the agency story (default) or one sub-account's PIT (--pit). */
interface Variant {
	credential: CredentialToImport;
	workflow: (template: WorkflowToImport, credentialId: string) => WorkflowToImport;
	/** HighLevel's side: the event that reaches the trigger; returns the sub-account and the deliveries */
	event: () => Promise<{ locationId: string; deliveries: WebhookDelivery[] }>;
}

function pitVariant(sandbox: Sandbox): Variant {
	log(`Private Integration Token variant: token ${SANDBOX_TOKEN}, location ${SANDBOX_LOCATION}`);
	const data = { accessToken: SANDBOX_TOKEN, locationId: SANDBOX_LOCATION, baseUrl: sandbox.url };
	const event = async () => {
		const emitted = await sandboxAdmin(sandbox.url, '/webhooks/emit', { event: 'LocationCreate', fields: { id: SANDBOX_LOCATION, name: 'Sandbox Dental' } });
		if (emitted.status !== 200) throw new Error(`the sandbox did not send LocationCreate (${emitted.status}: ${emitted.body.message ?? ''})`);
		log(`POST /__sandbox/webhooks/emit: a signed LocationCreate naming ${SANDBOX_LOCATION}`);
		return { locationId: SANDBOX_LOCATION, deliveries: [emitted.body.delivery as WebhookDelivery] };
	};
	return { credential: { name: 'HighLevel sandbox', type: 'highLevelCalendarsApi', data }, workflow: (template) => template, event };
}

async function agencyVariant(sandbox: Sandbox): Promise<Variant> {
	const credential = await agencyCredential(sandbox);
	log(`agency credential "${credential.name}": token data from the sandbox's OAuth flow (authorize page with the Company app, all sub-accounts and future sub-accounts → code → POST /oauth/token), imported into n8n with it; in the editor, Connect runs the same dance`);
	const event = async () => {
		const { location, deliveries } = await newSubAccount(sandbox, 'Acme Dental');
		log(`new sub-account: POST /__sandbox/locations → "${location.name}" (${location.id}); the app reaches it as a future sub-account, no other set-up`);
		return { locationId: location.id, deliveries };
	};
	return { credential, workflow: onAgencyCredential, event };
}

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
		log(`HighLevel sandbox at ${sandbox.url}`);
		const userFolder = join(DEFAULT_CACHE_DIR, 'demo', `n8n-${line}`);
		await rm(userFolder, { recursive: true, force: true });
		await prepareUserFolder(n8n, userFolder, tarball, (message) => log(`  ${message}`));
		const template = await readFile(join(__dirname, 'workflow.json'), 'utf8');
		const variant = args.pit ? pitVariant(sandbox) : await agencyVariant(sandbox);
		const { credential } = variant;
		const keyCredential = { ...KEY_CREDENTIAL, data: { publicKey: sandbox.webhookPublicKeyPem } };
		const editor = await startEditor(n8n, userFolder, { port: Number(args.port), owner: OWNER, log });
		// through the running editor's REST API, as its credential modal and workflow Save do: no n8n CLI start-up
		const { id: credentialId } = await createCredential(editor, credential);
		const { id: keyCredentialId } = await createCredential(editor, keyCredential);
		log(`webhook key credential "${keyCredential.name}": the sandbox's Ed25519 public key (HighLevel's published key is the trigger's default)`);
		const filled = template.replaceAll('__CREDENTIAL_ID__', credentialId).replaceAll('__KEY_CREDENTIAL_ID__', keyCredentialId);
		const workflow = asChain(variant.workflow(JSON.parse(filled) as WorkflowToImport, credentialId));
		const workflowId = await createWorkflow(editor, workflow);
		log(`n8n ${n8n.version} ready in ${userFolder}: credentials "${credential.name}" and "${keyCredential.name}", workflow "${workflow.name}"`);

		await activate(editor, workflowId);
		const trigger = triggerOf(workflow);
		const webhookUrl = productionUrl(editor, trigger.webhookId, 'highlevel');
		await waitUntilServed(webhookUrl, EXECUTION_TIMEOUT_MS);
		log(`workflow activated: n8n serves its production webhook URL (an unsigned probe was refused)`);
		const company = sandbox.app('Company');
		const registered = await sandboxAdmin(sandbox.url, '/webhooks', { appId: company.appId, url: webhookUrl });
		if (registered.status !== 201) throw new Error(`the sandbox did not take the webhook URL (${registered.status}: ${registered.body.message ?? ''})`);
		log(`the agency app's webhook URL in the sandbox (HighLevel's marketplace app settings): ${webhookUrl}`);

		if (args.ui) {
			say(`\nOpen ${editor.url}/workflow/${workflowId}\n  sign in: ${OWNER.email} / ${OWNER.password}`);
			say(`  The workflow is active: its HighLevel Trigger gets the sandbox's signed webhooks; the credential "${credential.name}" points at the sandbox.`);
			say(`  a new sub-account (LocationCreate starts the workflow): curl -X POST ${sandbox.url}/__sandbox/locations -H 'content-type: application/json' -d '{"name": "Acme Dental"}'`);
			say(`  sandbox state (deliveries too): ${sandbox.url}/__sandbox/state\nCtrl-C stops n8n and the sandbox.`);
			await new Promise<void>((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, () => resolve())));
			return 0;
		}

		const { locationId, deliveries } = await variant.event();
		for (const d of deliveries) log(`webhook ${d.type} ${d.webhookId} → n8n answered ${d.status} (${Date.parse(d.answeredAt) - Date.parse(d.sentAt)} ms)`);
		const {
			count: executions,
			newest: [summary],
		} = await waitForExecutions(editor, workflowId, 1, EXECUTION_TIMEOUT_MS);
		const execution = await savedExecution(editor, n8n, summary.id);
		log(`execution ${execution.id} (mode ${execution.mode}) finished: ${execution.status}; executions of the workflow: ${executions} (events not chosen start none)`);
		const failedSteps: string[] = [];
		for (const { name } of workflow.nodes as Array<{ name: string }>) {
			const run = execution.runData[name]?.[0];
			if (!run) failedSteps.push(`${name}: did not run`);
			else if (run.error) failedSteps.push(`${name}: ${run.error.message}`);
			if (run) showStep(name, itemsOf(execution, name));
		}
		const state = sandbox.state();
		const minted = args.pit ? '' : `; location tokens minted for it: ${state.oauth.mintsByLocation[locationId] ?? 0}`;
		say(`\nSandbox afterwards: ${state.locations[locationId]?.length ?? 0} groups and ${state.calendars[locationId]?.length ?? 0} calendars in ${locationId}${minted}; webhook deliveries: ${state.webhooks.deliveries.map((d) => `${d.type} ${d.status}`).join(', ')}`);
		if (executions !== 1) failedSteps.push(`${executions} executions started, 1 expected`);
		if (execution.status === 'success' && !failedSteps.length && deliveries.every((d) => d.status === 200)) {
			log(`every step succeeded (n8n ${n8n.version})`);
			return 0;
		}
		process.stderr.write(`\nThe demo failed (${execution.status}):\n  ${failedSteps.join('\n  ') || deliveries.map((d) => `${d.type}: ${d.status}`).join(', ')}\n`);
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
