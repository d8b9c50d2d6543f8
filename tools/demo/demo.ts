/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * `npm run demo`: the package in real n8n against the local HighLevel sandbox, no account needed.
 *   npm run demo                 build, pack, install into n8n; two workflows are active. The onboarding workflow
 *                                (HighLevel Trigger on LocationCreate → Create → its calendars: a round robin for the
 *                                owner, an event calendar, listed, the round robin moved out, the group's Delete
 *                                refused → Get Many → Update → Disable → Check Slug → Delete with its calendars → a
 *                                room for the sub-account → a reminder on the round robin → tomorrow's free slots →
 *                                the owner's availability schedule, applied to the round robin → tomorrow's free slots
 *                                again; in the sub-account's time zone; with the agency credential): a new sub-account appears in the sandbox, its signed
 *                                LocationCreate reaches n8n's production webhook URL. The booking workflow (its own
 *                                app's webhooks, in the sub-account's time zone): a new contact appears, its
 *                                ContactCreate → the round robin's first free slot tomorrow → Book → a note; the
 *                                sandbox's AppointmentCreate → Confirm → Reschedule an Hour Later → Cancel. The demo
 *                                prints each execution's steps, with times in the sub-account's zone
 *   npm run demo -- --pit        the same workflows with a Private Integration Token: the sandbox sends a signed
 *                                LocationCreate naming the token's existing sub-account (a PIT reaches that one only)
 *   npm run demo -- --ui         the same set-up, then the n8n editor at http://localhost:5678 (Ctrl-C stops)
 *   options: --line 1|2 (n8n line, default 2), --port N (editor port, default 5678)
 */
import { randomBytes } from 'crypto';
import { readFile, rm } from 'fs/promises';
import { join } from 'path';
import { parseArgs } from 'util';

import { activate, executionsOf, productionUrl, savedExecution, waitForExecutions, waitUntilServed, type SavedExecution } from '../n8n/activeWorkflows';
import { itemsOf } from '../n8n/execute';
import { startEditor, type Editor } from '../n8n/editor';
import type { CredentialToImport, WorkflowToImport } from '../n8n/importData';
import { ensureN8n, type Line, type N8nInstall } from '../n8n/install';
import { createCredential } from '../n8n/restCredentials';
import { createWorkflow } from '../n8n/restWorkflows';
import { prepareUserFolder } from '../n8n/userFolder';
import { packPackage } from '../pack/packageTarball';
import { DEFAULT_CACHE_DIR } from '../paths';
import { stopAllChildren } from '../processes';
import { sandboxAdmin } from '../sandbox/admin-client';
import { DEFAULT_TOKENS, startSandbox, type Sandbox, type WebhookDelivery } from '../sandbox/server';
import { agencyCredential, newSubAccount, onAgencyCredential } from './agencyStory';
import { BOOKING_EXECUTIONS, bookingOutcome, FIRST_FREE_SLOT, connectBookingApp, inTimeZone, newContact, timeZoneOf } from './bookingStory';
import { reportExecution } from './executionReport';
import { onboardingOutcome } from './onboardingOutcome';
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
/** the new sub-account's time zone (the sandbox's seeded ones are New York's) */
const SUB_ACCOUNT_ZONE = 'America/Los_Angeles';
const started = Date.now();
const say = (text: string) => process.stdout.write(`${text}\n`);
const log = (message: string) => say(`[demo ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

/** What the demo imports and what starts the workflow: the agency story (default) or one sub-account's PIT (--pit). */
interface Variant {
	credential: CredentialToImport;
	workflow: (template: WorkflowToImport, credentialId: string) => WorkflowToImport;
	/** the sub-account's time zone: the booking workflow's */
	timeZone: string;
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
	const credential = { name: 'HighLevel sandbox', type: 'highLevelCalendarsApi', data };
	return { credential, workflow: (template) => template, timeZone: timeZoneOf(sandbox, SANDBOX_LOCATION), event };
}

async function agencyVariant(sandbox: Sandbox): Promise<Variant> {
	const credential = await agencyCredential(sandbox);
	log(`agency credential "${credential.name}": token data from the sandbox's OAuth flow (authorize page with the Company app, all sub-accounts and future sub-accounts → code → POST /oauth/token), imported into n8n with it; in the editor, Connect runs the same dance`);
	const event = async () => {
		const { location, deliveries } = await newSubAccount(sandbox, 'Acme Dental', SUB_ACCOUNT_ZONE);
		log(`new sub-account: POST /__sandbox/locations → "${location.name}" (${location.id}, ${location.timezone}); the app reaches it as a future sub-account, no other set-up`);
		return { locationId: location.id, deliveries };
	};
	return { credential, workflow: onAgencyCredential, timeZone: SUB_ACCOUNT_ZONE, event };
}

/** An active workflow in the running editor: activated, its production URL served. */
async function activated(editor: Editor, workflowId: string, workflow: WorkflowToImport): Promise<string> {
	await activate(editor, workflowId);
	const webhookUrl = productionUrl(editor, triggerOf(workflow).webhookId, 'highlevel');
	await waitUntilServed(webhookUrl, EXECUTION_TIMEOUT_MS);
	return webhookUrl;
}

/** Waits for the workflow's executions, then the sandbox's webhooks; prints each execution; returns what went wrong. */
async function reportRuns(run: { editor: Editor; n8n: N8nInstall; sandbox: Sandbox }, workflow: WorkflowToImport, workflowId: string, expected: number, zone: string) {
	const { newest } = await waitForExecutions(run.editor, workflowId, expected, EXECUTION_TIMEOUT_MS);
	const problems: string[] = [];
	const executions: SavedExecution[] = [];
	for (const summary of newest.slice(0, expected).reverse()) {
		const execution = await savedExecution(run.editor, run.n8n, summary.id);
		say(`\n━━ "${workflow.name}": execution ${execution.id} (mode ${execution.mode}) ${execution.status}`);
		problems.push(...reportExecution(workflow, execution, zone).map((problem) => `execution ${execution.id}: ${problem}`));
		if (execution.status !== 'success') problems.push(`execution ${execution.id}: ${execution.status}`);
		executions.push(execution);
	}
	return { problems, executions };
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
		const variant = args.pit ? pitVariant(sandbox) : await agencyVariant(sandbox);
		const { credential } = variant;
		const keyCredential = { ...KEY_CREDENTIAL, data: { publicKey: sandbox.webhookPublicKeyPem } };
		const editor = await startEditor(n8n, userFolder, { port: Number(args.port), owner: OWNER, log });
		// through the running editor's REST API, as its credential modal and workflow Save do: no n8n CLI start-up
		const { id: credentialId } = await createCredential(editor, credential);
		const { id: keyCredentialId } = await createCredential(editor, keyCredential);
		log(`webhook key credential "${keyCredential.name}": the sandbox's Ed25519 public key (HighLevel's published key is the trigger's default)`);
		const fromTemplate = async (file: string) => {
			const template = await readFile(join(__dirname, file), 'utf8');
			const filled = template.replaceAll('__CREDENTIAL_ID__', credentialId).replaceAll('__KEY_CREDENTIAL_ID__', keyCredentialId);
			return variant.workflow(JSON.parse(filled) as WorkflowToImport, credentialId);
		};
		const workflow = asChain(inTimeZone(await fromTemplate('workflow.json'), variant.timeZone));
		const booking = inTimeZone(await fromTemplate('bookingWorkflow.json'), variant.timeZone);
		const workflowId = await createWorkflow(editor, workflow);
		const bookingId = await createWorkflow(editor, booking);
		log(`n8n ${n8n.version} ready in ${userFolder}: credentials "${credential.name}" and "${keyCredential.name}", workflows "${workflow.name}" and "${booking.name}" (time zone ${variant.timeZone})`);

		const webhookUrl = await activated(editor, workflowId, workflow);
		const bookingUrl = await activated(editor, bookingId, booking);
		log(`workflows activated: n8n serves their production webhook URLs (an unsigned probe was refused)`);
		const company = sandbox.app('Company');
		const registered = await sandboxAdmin(sandbox.url, '/webhooks', { appId: company.appId, url: webhookUrl });
		if (registered.status !== 201) throw new Error(`the sandbox did not take the webhook URL (${registered.status}: ${registered.body.message ?? ''})`);
		log(`the agency app's webhook URL in the sandbox (HighLevel's marketplace app settings): ${webhookUrl}`);

		if (args.ui) {
			say(`\nOpen ${editor.url}/workflow/${workflowId}\n  sign in: ${OWNER.email} / ${OWNER.password}`);
			say(`  The workflow is active: its HighLevel Trigger gets the sandbox's signed webhooks; the credential "${credential.name}" points at the sandbox.`);
			say(`  a new sub-account (LocationCreate starts the workflow): curl -X POST ${sandbox.url}/__sandbox/locations -H 'content-type: application/json' -d '{"name": "Acme Dental"}'`);
			if (args.pit) {
				await connectBookingApp(sandbox, SANDBOX_LOCATION, bookingUrl);
				say(`  a new contact (ContactCreate starts ${editor.url}/workflow/${bookingId}): curl -X POST ${sandbox.url}/__sandbox/contacts -H 'content-type: application/json' -d '{"locationId": "${SANDBOX_LOCATION}", "name": "Joan Clarke"}'`);
			}
			say(`  sandbox state (deliveries too): ${sandbox.url}/__sandbox/state\nCtrl-C stops n8n and the sandbox.`);
			await new Promise<void>((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, () => resolve())));
			return 0;
		}

		const run = { editor, n8n, sandbox };
		const { locationId, deliveries } = await variant.event();
		for (const d of deliveries) log(`webhook ${d.type} ${d.webhookId} → n8n answered ${d.status} (${Date.parse(d.answeredAt) - Date.parse(d.sentAt)} ms)`);
		const onboarding = await reportRuns(run, workflow, workflowId, 1, variant.timeZone);
		const onboarded = onboardingOutcome(sandbox, locationId, onboarding.executions[0], variant.timeZone);
		const minted = args.pit ? '' : `; location tokens minted for it: ${sandbox.state().oauth.mintsByLocation[locationId] ?? 0}`;
		say(`\nSandbox afterwards: ${onboarded.lines[0]}${minted}\n${onboarded.lines[1]}`);

		await connectBookingApp(sandbox, locationId, bookingUrl);
		log(`the booking app installed in ${locationId}, its webhook URL: ${bookingUrl}`);
		const { contact, deliveries: contactDeliveries } = await newContact(sandbox, locationId);
		log(`new contact: POST /__sandbox/contacts → "${contact.name}" (${contact.id}); ContactCreate → ${contactDeliveries.map((d) => `${d.url === bookingUrl ? 'booking' : 'onboarding'} workflow ${d.status}`).join(', ')}`);
		const bookings = await reportRuns(run, booking, bookingId, BOOKING_EXECUTIONS, variant.timeZone);
		await sandbox.webhooksSettled();
		const slotRun = bookings.executions.find((execution) => execution.runData[FIRST_FREE_SLOT]?.[0]);
		const bookedStart = slotRun ? String(itemsOf(slotRun, FIRST_FREE_SLOT)[0]?.start ?? '') : '';
		const outcome = bookingOutcome(sandbox, locationId, contact.id, bookedStart, variant.timeZone);
		say(`\nSandbox afterwards: ${outcome.lines.join('; ')}`);
		say(`webhook deliveries: ${sandbox.state().webhooks.deliveries.map((d) => `${d.type} ${d.status}`).join(', ')}`);

		const problems = [...onboarding.problems, ...onboarded.problems, ...bookings.problems, ...outcome.problems];
		for (const [id, expected] of [[workflowId, 1], [bookingId, BOOKING_EXECUTIONS]] as const) {
			const { count } = await executionsOf(editor, id);
			if (count !== expected) problems.push(`workflow ${id}: ${count} executions started, ${expected} expected (events not chosen start none)`);
		}
		const refused = [...deliveries, ...contactDeliveries].filter((d) => d.status !== 200);
		problems.push(...refused.map((d) => `webhook ${d.type} answered ${d.status}`));
		if (!problems.length) {
			log(`every step succeeded (n8n ${n8n.version}): 1 onboarding and ${BOOKING_EXECUTIONS} booking executions, times in ${variant.timeZone}`);
			return 0;
		}
		process.stderr.write(`\nThe demo failed:\n  ${problems.join('\n  ')}\n`);
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
