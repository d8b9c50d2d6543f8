/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * `npm run bench:intake`: how fast real n8n takes in webhook deliveries through the HighLevel Trigger, beside n8n's own
 * Webhook node, in one run on the same n8n: each workflow is the trigger node and a No Operation node; `deliveries`
 * posts, `at-once` at a time, are timed until the last is answered, and each batch's executions are waited for before
 * the next batch. The trigger runs as a user sets it up by default (Accept Events For: My Sub-Accounts, here with a
 * Private Integration Token credential) with Key From Credential, on signed ContactCreate events for that sub-account.
 * Prints each figure, the ratio and the load average; asserts nothing. Measure on an idle machine.
 * On line 2 it measures twice: as n8n starts by default, and with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true. n8n 2.x
 * takes an expression isolate for every webhook request whose start node is not its own Webhook node
 * (`LiveWebhooks.webhookPhaseNeedsIsolate`); lazily acquired, the isolate is made only when an expression needs it.
 *   --lines=1,2   --deliveries=200   --at-once=20   --rounds=2   --trigger-version=2 (1: the node's first version)
 *   --webhook-header-auth (the Webhook node checks a Header Auth credential)   --profile (n8n writes a CPU profile into its user folder)
 *   --isolates=default,lazy (line 2's settings to measure)
 */
import { generateKeyPairSync, randomBytes, randomUUID, sign } from 'crypto';
import { mkdir, rm } from 'fs/promises';
import { cpus, loadavg } from 'os';
import { join } from 'path';

import { activate, productionUrl, waitForExecutions, waitUntilServed } from '../n8n/activeWorkflows';
import { startEditor, type Editor } from '../n8n/editor';
import { importIntoN8n, type WorkflowToImport } from '../n8n/importData';
import { ensureN8n, stderrLog, type Line } from '../n8n/install';
import type { Owner } from '../n8n/owner';
import { prepareUserFolder } from '../n8n/userFolder';
import { packPackage } from '../pack/packageTarball';
import { DEFAULT_CACHE_DIR } from '../paths';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const lines = (args.get('lines') ?? '1,2').split(',') as Line[];
const deliveries = Number(args.get('deliveries') ?? 200);
const atOnce = Number(args.get('at-once') ?? 20);
const rounds = Number(args.get('rounds') ?? 2);
const profile = args.has('profile');
const triggerVersion = Number(args.get('trigger-version') ?? 2);
const isolateSettings = (args.get('isolates') ?? 'default,lazy').split(',') as IsolateSetting[];
/** n8n's Webhook node with Header Auth: like the trigger, a credential checked on every request */
const webhookAuth = args.has('webhook-header-auth');
const HEADER_AUTH = { name: 'X-Bench-Auth', value: randomBytes(16).toString('hex') };
const say = stderrLog('intake');

const LOCATION = 'benchLocation0001';
const OWNER: Owner = { email: 'intake@example.com', password: `Intake-${randomBytes(9).toString('hex')}-Pw1`, firstName: 'Intake', lastName: 'Bench' };
const keys = generateKeyPairSync('ed25519');

type Flow = 'trigger' | 'webhook';
type IsolateSetting = 'default' | 'lazy';
const isolateEnv: Record<IsolateSetting, Record<string, string>> = { default: {}, lazy: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } };

function workflow(name: string, first: { name: string } & Record<string, unknown>): WorkflowToImport {
	const noOp = { id: randomUUID(), name: 'No Operation', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} };
	const start = { id: randomUUID(), position: [0, 0], ...first };
	return { name, nodes: [start, noOp], connections: { [start.name]: { main: [[{ node: noOp.name, type: 'main', index: 0 }]] } }, settings: { executionOrder: 'v1' } };
}

/** A signed ContactCreate for the bench's sub-account, as HighLevel would send it now. */
function signedDelivery(): { body: string; headers: Record<string, string> } {
	const body = JSON.stringify({ type: 'ContactCreate', locationId: LOCATION, id: randomUUID(), timestamp: new Date().toISOString(), webhookId: randomUUID() });
	const signature = sign(null, Buffer.from(body), keys.privateKey).toString('base64');
	return { body, headers: { 'content-type': 'application/json', 'x-ghl-signature': signature, [HEADER_AUTH.name]: HEADER_AUTH.value } };
}

async function burst(url: string): Promise<number> {
	const started = performance.now();
	for (let sent = 0; sent < deliveries; sent += atOnce) {
		const wave = await Promise.all(
			Array.from({ length: Math.min(atOnce, deliveries - sent) }, async () => {
				const { body, headers } = signedDelivery();
				const answer = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(120_000) });
				await answer.arrayBuffer();
				return answer.status;
			}),
		);
		const failed = wave.filter((status) => status !== 200);
		if (failed.length) throw new Error(`${url}: ${failed.length} deliveries answered ${failed.join(', ')}`);
	}
	return performance.now() - started;
}

async function measureLine(line: Line, tarball: string, isolates: IsolateSetting): Promise<void> {
	const inst = await ensureN8n(line, { cacheDir: process.env.E2E_N8N_CACHE_DIR, log: say });
	const userFolder = join(DEFAULT_CACHE_DIR, 'intake', `line-${line}-${isolates}`);
	await rm(userFolder, { recursive: true, force: true });
	await mkdir(userFolder, { recursive: true });
	await prepareUserFolder(inst, userFolder, tarball, say);
	const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
	const {
		credentialIds: [keyId, pitId, headerAuthId],
	} = await importIntoN8n(inst, userFolder, {
		credentials: [
			{ name: 'bench key', type: 'highLevelCalendarsWebhookKeyApi', data: { publicKey } },
			{ name: 'bench sub-account', type: 'highLevelCalendarsApi', data: { accessToken: 'pit-bench-not-used', locationId: LOCATION } },
			{ name: 'bench header auth', type: 'httpHeaderAuth', data: HEADER_AUTH },
		],
	});
	const webhookAuthentication = webhookAuth
		? { parameters: { authentication: 'headerAuth' }, credentials: { httpHeaderAuth: { id: headerAuthId, name: 'bench header auth' } } }
		: { parameters: {}, credentials: {} };
	const triggerHook = randomUUID();
	const webhookPath = randomUUID();
	const flows: Record<Flow, WorkflowToImport> = {
		trigger: workflow('intake: HighLevel Trigger', {
			name: 'HighLevel Trigger',
			type: 'n8n-nodes-highlevel-calendars.highLevelTrigger',
			typeVersion: triggerVersion,
			webhookId: triggerHook,
			parameters: { events: ['*'], verificationKey: 'credential', acceptFrom: 'mySubAccounts', authentication: 'privateIntegrationToken' },
			credentials: { highLevelCalendarsWebhookKeyApi: { id: keyId, name: 'bench key' }, highLevelCalendarsApi: { id: pitId, name: 'bench sub-account' } },
		}),
		webhook: workflow("intake: n8n's Webhook node", {
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: webhookPath,
			parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {}, ...webhookAuthentication.parameters },
			credentials: webhookAuthentication.credentials,
		}),
	};
	const { workflowIds } = await importIntoN8n(inst, userFolder, { workflows: [flows.trigger, flows.webhook] });
	const ids: Record<Flow, string> = { trigger: workflowIds[0], webhook: workflowIds[1] };
	const env: Record<string, string> = { ...isolateEnv[isolates], ...(profile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${join(userFolder, 'profile')}` } : {}) };
	const setting = line === '2' ? `, isolates ${isolates === 'lazy' ? 'acquired lazily (N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true)' : "as n8n's default"}` : '';
	const editor: Editor = await startEditor(inst, userFolder, { owner: OWNER, log: say, env });
	try {
		const urls: Record<Flow, string> = { trigger: productionUrl(editor, triggerHook, 'highlevel'), webhook: `${editor.url}/webhook/${webhookPath}` };
		for (const flow of ['trigger', 'webhook'] as Flow[]) {
			await activate(editor, ids[flow]);
			await waitUntilServed(urls[flow], 60_000);
		}
		const done: Record<Flow, number> = { trigger: 0, webhook: 0 };
		const totals: Record<Flow, number> = { trigger: 0, webhook: 0 };
		for (let round = 1; round <= rounds; round++) {
			const order: Flow[] = round % 2 === 1 ? ['trigger', 'webhook'] : ['webhook', 'trigger'];
			const ms: Record<Flow, number> = { trigger: 0, webhook: 0 };
			for (const flow of order) {
				ms[flow] = await burst(urls[flow]);
				done[flow] += deliveries;
				await waitForExecutions(editor, ids[flow], done[flow], 10 * 60_000);
				totals[flow] += ms[flow];
			}
			say(`line ${line} (n8n ${inst.version}${setting}) round ${round}: HighLevel Trigger ${(ms.trigger / 1000).toFixed(2)} s, Webhook node ${(ms.webhook / 1000).toFixed(2)} s, ratio ${(ms.trigger / ms.webhook).toFixed(2)} (load average ${loadavg()[0].toFixed(2)}, ${cpus().length} cores)`);
		}
		process.stdout.write(
			`line ${line} (n8n ${inst.version}${setting}): ${deliveries} deliveries, ${atOnce} at a time, ${rounds} rounds: HighLevel Trigger (version ${triggerVersion}) ${(totals.trigger / 1000).toFixed(2)} s, n8n's Webhook node${webhookAuth ? ' (Header Auth)' : ''} ${(totals.webhook / 1000).toFixed(2)} s, ratio ${(totals.trigger / totals.webhook).toFixed(2)} (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})\n`,
		);
	} finally {
		await editor.stop();
	}
}

async function main(): Promise<void> {
	const tarball = await packPackage(say);
	for (const line of lines) {
		for (const isolates of line === '2' ? isolateSettings : ['default' as const]) await measureLine(line, tarball, isolates);
	}
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});
