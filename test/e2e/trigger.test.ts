/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * End-to-end, real n8n (both lines, one n8n start each): the HighLevel Trigger behind n8n's production webhook URLs.
 * The sandbox delivers as HighLevel does (signed with its key, which the workflows' key credential holds); the
 * tampered deliveries are made here from a genuine one. Every refused delivery must start no execution: the suite
 * ends each workflow's run with a genuine delivery and counts the executions after it. The triggers accept events for
 * My Sub-Accounts (the default) with the agency credential, imported with the token data of the sandbox's OAuth2 flow;
 * another agency's app, signed with the same key, posts its genuine deliveries to the same URL.
 *
 *   npm run test:e2e -- test/e2e/trigger.test.ts     E2E_LINES=2 for one line, E2E_KEEP=1 keeps .cache/e2e/
 */
import { generateKeyPairSync, randomBytes, sign } from 'crypto';
import { request as httpRequest } from 'http';
import { join } from 'path';
import { setTimeout as sleep } from 'timers/promises';

import { activate, executionsOf, productionUrl, savedExecution, waitForExecutions, waitUntilServed } from '../../tools/n8n/activeWorkflows';
import { startEditor, type Editor } from '../../tools/n8n/editor';
import { itemsOf } from '../../tools/n8n/execute';
import { importIntoN8n } from '../../tools/n8n/importData';
import { ensureN8n, stderrLog, type N8nInstall } from '../../tools/n8n/install';
import type { Owner } from '../../tools/n8n/owner';
import { prepareUserFolder } from '../../tools/n8n/userFolder';
import { agencyCredentialFields } from '../../tools/engine/agency';
import { sandboxAdmin } from '../../tools/sandbox/admin-client';
import { DEFAULT_COMPANY, OTHER_AGENCY } from '../../tools/sandbox/agency';
import { appointmentBody, bookableCalendar, call, LOCATION } from '../../tools/sandbox/harness';
import { DEFAULT_TOKENS, startSandbox, type Sandbox } from '../../tools/sandbox/server';
import { e2eRun, LINES, MINUTE } from './support/run';
import { AGENCY_CRED_TYPE, bookingNoteWorkflow, KEY_CRED_TYPE, SECRET_CRED_TYPE, TRIGGER_PATH, triggerWorkflow, type TriggerWorkflow } from './support/triggerWorkflows';
import { CRED_TYPE } from './support/workflows';

const OWNER: Owner = { email: 'e2e-trigger@example.com', password: `E2e-${randomBytes(9).toString('hex')}-Pw1`, firstName: 'E2E', lastName: 'Trigger' };
/** the workflow action's shared secret, made at run time */
const SECRET = { headerName: 'X-Webhook-Secret', secret: `e2e-${randomBytes(12).toString('hex')}` };
const BURST = { deliveries: 200, atOnce: 20 };
const BOOKED_NOTE = 'Booked through the API; n8n noted it';
/** long enough for an execution a refused request might have started to show up before the count */
const SETTLE_MS = 1500;

interface Answer {
	status: number;
	text: string;
}

async function post(url: string, body: string | Buffer, headers: Record<string, string>): Promise<Answer> {
	const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(60_000) });
	return { status: response.status, text: await response.text() };
}

/** A POST whose header `name` is sent on two lines (fetch would join them into one). */
function postWithRepeatedHeader(url: string, body: string, name: string, values: string[]): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', [name]: values } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
		});
		request.on('error', reject);
		request.end(body);
	});
}

const run = e2eRun('e2e trigger');

describe.each(LINES)('HighLevel Trigger in real n8n, line %s', (line) => {
	const say = (msg: string) => process.stderr.write(`[e2e trigger line ${line}] ${msg}\n`);
	let inst: N8nInstall;
	let editor: Editor;
	let sandbox: Sandbox;
	const flows = {} as Record<'app' | 'published' | 'action' | 'burst' | 'anyAccount' | 'booked', TriggerWorkflow & { id: string; url: string }>;

	beforeAll(async () => {
		inst = await ensureN8n(line, { cacheDir: process.env.E2E_N8N_CACHE_DIR, log: stderrLog(`e2e trigger line ${line}`) });
		const userFolder = join(run.dir, `trigger-line-${line}`);
		await prepareUserFolder(inst, userFolder, run.tarball(), say);
		sandbox = await startSandbox({ port: 0 });

		const keyCred = { name: 'sandbox webhook key', type: KEY_CRED_TYPE, data: { publicKey: sandbox.webhookPublicKeyPem } };
		const secretCred = { name: 'workflow action secret', type: SECRET_CRED_TYPE, data: SECRET };
		const agencyCred = { name: 'sandbox agency', type: AGENCY_CRED_TYPE, data: await agencyCredentialFields(sandbox, { sandbox_future: 'true' }) };
		const [{ token, locationId }] = DEFAULT_TOKENS;
		const highLevelCred = { name: 'HighLevel sandbox', type: CRED_TYPE, data: { accessToken: token, locationId, baseUrl: sandbox.url } };
		const {
			credentialIds: [keyId, secretId, agencyId, highLevelId],
		} = await importIntoN8n(inst, userFolder, { credentials: [keyCred, secretCred, agencyCred, highLevelCred] });
		const agency = { [AGENCY_CRED_TYPE]: { id: agencyId, name: agencyCred.name } };
		const withKey = { ...agency, [KEY_CRED_TYPE]: { id: keyId, name: keyCred.name } };
		const made = {
			app: triggerWorkflow('trigger: marketplace app', { events: ['LocationCreate', 'AppointmentCreate', 'ContactCreate'], verificationKey: 'credential' }, withKey),
			published: triggerWorkflow("trigger: HighLevel's published key", { events: ['*'] }, agency),
			action: triggerWorkflow('trigger: workflow action', { source: 'workflowAction' }, { [SECRET_CRED_TYPE]: { id: secretId, name: secretCred.name } }),
			burst: triggerWorkflow('trigger: burst', { events: ['*'], verificationKey: 'credential' }, withKey),
			anyAccount: triggerWorkflow('trigger: Any HighLevel Account', { events: ['*'], verificationKey: 'credential', acceptFrom: 'anyAccount' }, { [KEY_CRED_TYPE]: withKey[KEY_CRED_TYPE] }),
			booked: bookingNoteWorkflow(withKey, { id: highLevelId, name: highLevelCred.name }, BOOKED_NOTE),
		};
		const keys = Object.keys(made) as Array<keyof typeof made>;
		const { workflowIds } = await importIntoN8n(inst, userFolder, { workflows: keys.map((k) => made[k].workflow) });

		editor = await startEditor(inst, userFolder, { owner: OWNER, log: say });
		for (const [i, k] of keys.entries()) {
			await activate(editor, workflowIds[i]);
			flows[k] = { ...made[k], id: workflowIds[i], url: productionUrl(editor, made[k].webhookId, TRIGGER_PATH) };
			await waitUntilServed(flows[k].url, MINUTE);
		}
		await sandboxAdmin(sandbox.url, '/webhooks', { appId: sandbox.app('Company').appId, url: flows.app.url });
		await sandboxAdmin(sandbox.url, '/webhooks', { appId: sandbox.app('Location').appId, url: flows.burst.url });
	}, 15 * MINUTE);

	afterAll(async () => {
		await editor?.stop();
		await sandbox?.close();
	}, 2 * MINUTE);

	/** The user's own sub-account and agency, as HighLevel fills them into the events it sends the user's app. */
	const mine = { companyId: DEFAULT_COMPANY, locationId: 'sandboxLocation0001' };
	/** The sandbox sends a documented event to the Company app's URL (the app workflow), as HighLevel would. */
	const emit = async (event: string, fields: Record<string, unknown> = {}, appId = sandbox.app('Company').appId) => {
		const answer = await sandboxAdmin(sandbox.url, '/webhooks/emit', { event, appId, fields });
		expect(answer.status).toBe(200);
		return answer.body as { payload: Record<string, unknown>; delivery: { status: number } };
	};
	/** What n8n logged since `from` (its output), the trigger's reasons among it. */
	const loggedSince = (from: number) => editor.output().slice(from);
	const signedHeaders = (signature: string) => ({ 'content-type': 'application/json', 'x-ghl-signature': signature });
	const sendApp = (body: string | Buffer, headers: Record<string, string>) => post(flows.app.url, body, headers);

	/** The items the workflow's executions started with, oldest first, once `count` have finished. */
	async function startedItems(flow: keyof typeof flows, count: number): Promise<Array<Record<string, unknown>>> {
		await waitForExecutions(editor, flows[flow].id, count, 2 * MINUTE);
		await sleep(SETTLE_MS);
		const { count: total, newest } = await executionsOf(editor, flows[flow].id);
		expect(total).toBe(count);
		const saved = await Promise.all(newest.reverse().map((e) => savedExecution(editor, inst, e.id)));
		return saved.flatMap((execution) => itemsOf(execution, 'HighLevel Trigger'));
	}

	describe('marketplace app source (Ed25519, X-GHL-Signature)', () => {
		let first: Record<string, unknown>;
		const refused: Array<[string, Answer]> = [];

		test('a genuine delivery from the sandbox starts one execution', async () => {
			const { payload, delivery } = await emit('LocationCreate', { name: 'E2E Genuine Clinic', id: 'e2eNewLocation01', companyId: mine.companyId });
			expect(delivery.status).toBe(200);
			first = payload;
			expect(await startedItems('app', 1)).toEqual([payload]);
		});

		test.each<[string, number, string, () => Promise<Answer>]>([
			['one byte of the body changed', 401, 'X-GHL-Signature does not match the body', async () => {
				const { body, signature } = sandbox.webhooks.signedEvent('LocationCreate', { name: 'E2E Tampered Clinic' });
				return await sendApp(body.replace('E2E Tampered', 'E2E Tampxred'), signedHeaders(signature));
			}],
			['the signature of another body', 401, 'X-GHL-Signature does not match the body', async () => {
				const { body } = sandbox.webhooks.signedEvent('LocationCreate');
				const other = sandbox.webhooks.signedEvent('LocationCreate');
				return await sendApp(body, signedHeaders(other.signature));
			}],
			['the same JSON re-serialized with other whitespace', 401, 'X-GHL-Signature does not match the body', async () => {
				const { payload, signature } = sandbox.webhooks.signedEvent('LocationCreate');
				return await sendApp(JSON.stringify(payload, null, 2), signedHeaders(signature));
			}],
			['no signature header', 401, 'X-GHL-Signature header missing', async () => {
				const { body } = sandbox.webhooks.signedEvent('LocationCreate');
				return await sendApp(body, { 'content-type': 'application/json' });
			}],
			['a signature header of N/A', 401, 'X-GHL-Signature header is N/A', async () => {
				const { body } = sandbox.webhooks.signedEvent('LocationCreate');
				return await sendApp(body, signedHeaders('N/A'));
			}],
			['a signature made with another key', 401, 'X-GHL-Signature does not match the body', async () => {
				const { body } = sandbox.webhooks.signedEvent('LocationCreate');
				const otherKey = generateKeyPairSync('ed25519').privateKey;
				return await sendApp(body, signedHeaders(sign(null, Buffer.from(body), otherKey).toString('base64')));
			}],
			['a stale timestamp (10 minutes old), correctly signed', 401, 'timestamp too old', async () => {
				const stale = new Date(Date.now() - 10 * MINUTE).toISOString();
				const { body, signature } = sandbox.webhooks.signedEvent('LocationCreate', { timestamp: stale });
				return await sendApp(body, signedHeaders(signature));
			}],
			['an event not chosen (UserCreate), correctly signed', 200, 'event not chosen', async () => {
				const { body, signature } = sandbox.webhooks.signedEvent('UserCreate', mine);
				return await sendApp(body, signedHeaders(signature));
			}],
			['a numeric timestamp, correctly signed', 401, 'timestamp is a number, not an ISO 8601 date with a time zone', async () => {
				const { body, signature } = sandbox.webhooks.signedEvent('ContactCreate', { ...mine, timestamp: Date.now() });
				return await sendApp(body, signedHeaders(signature));
			}],
			['a timestamp without a zone, correctly signed', 401, 'timestamp has no time zone (Z or an offset)', async () => {
				const { body, signature } = sandbox.webhooks.signedEvent('ContactCreate', { ...mine, timestamp: new Date().toISOString().slice(0, 19) });
				return await sendApp(body, signedHeaders(signature));
			}],
			['no webhookId, correctly signed', 401, 'webhookId missing', async () => {
				const { body, signature } = sandbox.webhooks.signedEvent('ContactCreate', { ...mine, webhookId: undefined });
				return await sendApp(body, signedHeaders(signature));
			}],
			['the signature header sent twice', 401, 'X-GHL-Signature header repeated', async () => {
				const { body, signature } = sandbox.webhooks.signedEvent('ContactCreate', mine);
				return await postWithRepeatedHeader(flows.app.url, body, 'x-ghl-signature', [signature, signature]);
			}],
			['a body that is not JSON, correctly signed (text/plain)', 401, 'body is not JSON', async () => {
				const body = 'type=LocationCreate&id=notJson';
				return await sendApp(body, { 'content-type': 'text/plain', 'x-ghl-signature': sandbox.webhooks.sign(body) });
			}],
		])('%s: answered %i, no execution, the reason in n8n\'s log only', async (_case, status, reason, send) => {
			const logFrom = editor.output().length;
			const answer = await send();
			refused.push([_case, answer]);
			expect(answer.status).toBe(status);
			expect(JSON.parse(answer.text)).toEqual({ message: status === 401 ? 'Refused' : 'Received' });
			if (status === 401) {
				await sleep(200);
				expect(loggedSince(logFrom)).toContain(`refused a delivery (401): ${reason}`);
			}
		});

		test('the genuine delivery again (a duplicate webhookId): answered 200 and no second execution', async () => {
			const again = await emit('LocationCreate', { ...first });
			expect(again.delivery.status).toBe(200);
			await sleep(SETTLE_MS);
			expect((await executionsOf(editor, flows.app.id)).count).toBe(1);
		});

		test('a body that is not JSON labelled application/json: n8n itself answers 422 before the node, no execution', async () => {
			const body = '{"type":"LocationCreate",';
			const answer = await sendApp(body, signedHeaders(sandbox.webhooks.sign(body)));
			expect(answer.status).toBe(422);
			expect(JSON.parse(answer.text)).toMatchObject({ message: 'Failed to parse request body' });
		});

		test('none of those started an execution: after one more genuine delivery the workflow has exactly two, with the sent payloads', async () => {
			const { payload } = await emit('AppointmentCreate', { locationId: 'sandboxLocation0002' });
			expect(await startedItems('app', 2)).toEqual([first, payload]);
			for (const [, answer] of refused) expect(answer.text).not.toMatch(/Tampered|E2E Genuine|notJson/);
		});

		test("a delivery signed with the sandbox's key is refused under HighLevel's published key (the default)", async () => {
			const { body, signature } = sandbox.webhooks.signedEvent('LocationCreate');
			const answer = await post(flows.published.url, body, signedHeaders(signature));
			expect(answer).toEqual({ status: 401, text: '{"message":"Refused"}' });
			await sleep(SETTLE_MS);
			expect((await executionsOf(editor, flows.published.id)).count).toBe(0);
		});
	});

	describe("another agency's app, signed by HighLevel with the same key, posting to the user's URL", () => {
		const other = () => sandbox.otherAgencyApp();
		const theirs = () => ({ appId: other().appId, companyId: OTHER_AGENCY.companyId, locationId: OTHER_AGENCY.locationId });

		test("another agency's genuine signed deliveries are answered 200 and start nothing under My Sub-Accounts (the default); the log says why", async () => {
			await sandboxAdmin(sandbox.url, '/webhooks', { appId: other().appId, url: flows.app.url });
			const logFrom = editor.output().length;
			const before = (await executionsOf(editor, flows.app.id)).count;
			for (const event of ['ContactCreate', 'LocationCreate', 'AppointmentCreate']) {
				const fields = event === 'LocationCreate' ? { id: OTHER_AGENCY.locationId, companyId: OTHER_AGENCY.companyId } : { locationId: OTHER_AGENCY.locationId };
				expect((await emit(event, fields, other().appId)).delivery.status).toBe(200);
			}
			await sleep(SETTLE_MS);
			expect((await executionsOf(editor, flows.app.id)).count).toBe(before);
			expect(loggedSince(logFrom)).toContain(`sub-account ${OTHER_AGENCY.locationId} is not one of the agency's`);
			expect(loggedSince(logFrom)).toContain(`companyId ${OTHER_AGENCY.companyId} is not the credential's agency`);
		});

		test("another agency's genuine signed delivery starts the workflow with Any HighLevel Account", async () => {
			await sandboxAdmin(sandbox.url, '/webhooks', { appId: other().appId, url: flows.anyAccount.url });
			const { payload, delivery } = await emit('INSTALL', theirs(), other().appId);
			expect(delivery.status).toBe(200);
			expect(await startedItems('anyAccount', 1)).toEqual([payload]);
		});
	});

	describe('HighLevel workflow action source (shared secret header)', () => {
		test('a wrong secret and a missing header are refused (401); the right one starts one execution with the payload as sent', async () => {
			const payload = { contact_id: 'e2eContact0001', location: { id: 'sandboxLocation0001' }, note: 'from a workflow action' };
			const wrong = await post(flows.action.url, JSON.stringify(payload), { 'content-type': 'application/json', [SECRET.headerName]: 'not-the-secret-0000000' });
			expect(wrong).toEqual({ status: 401, text: '{"message":"Refused"}' });
			const missing = await post(flows.action.url, JSON.stringify(payload), { 'content-type': 'application/json' });
			expect(missing).toEqual({ status: 401, text: '{"message":"Refused"}' });
			const right = await sandboxAdmin(sandbox.url, '/webhooks/emit', { workflowAction: { url: flows.action.url, ...SECRET, payload } });
			expect(right.body.delivery.status).toBe(200);
			expect(await startedItems('action', 1)).toEqual([payload]);
			// the secret is in no saved execution and in nothing n8n logged
			const { newest } = await executionsOf(editor, flows.action.id);
			const saved = await editor.rest('GET', `/rest/executions/${newest[0].id}`);
			expect(saved.text).toContain('from a workflow action');
			expect(saved.text).not.toContain(SECRET.secret);
			expect(editor.output()).not.toContain(SECRET.secret);
		});
	});

	test(`a burst: ${BURST.deliveries} genuine deliveries, ${BURST.atOnce} at a time, start exactly ${BURST.deliveries} executions`, async () => {
		const appId = sandbox.app('Location').appId;
		const statuses: number[] = [];
		const started = Date.now();
		for (let sent = 0; sent < BURST.deliveries; sent += BURST.atOnce) {
			const wave = await Promise.all(
				Array.from({ length: BURST.atOnce }, async () => (await sandboxAdmin(sandbox.url, '/webhooks/emit', { event: 'ContactCreate', appId, fields: { locationId: mine.locationId } })).body.delivery.status as number),
			);
			statuses.push(...wave);
		}
		const answeredMs = Date.now() - started;
		const { count } = await waitForExecutions(editor, flows.burst.id, BURST.deliveries, 5 * MINUTE);
		await sleep(SETTLE_MS);
		const total = (await executionsOf(editor, flows.burst.id)).count;
		const refusedCount = statuses.filter((s) => s !== 200).length;
		say(`burst: ${BURST.deliveries} deliveries, ${BURST.atOnce} at a time, answered in ${(answeredMs / 1000).toFixed(1)} s; ${refusedCount} not answered 200; ${total} executions (${count} finished)`);
		expect(refusedCount).toBe(0);
		expect(total).toBe(BURST.deliveries);
	});

	// after the burst: the Location app's URL moves from the burst workflow to this one
	test('a booking made through the API: the sandbox sends its signed AppointmentCreate, the trigger starts the workflow, which notes the appointment', async () => {
		const app = sandbox.app('Location');
		sandbox.install(app.clientId, { userType: 'Location', locationId: LOCATION });
		await sandboxAdmin(sandbox.url, '/webhooks', { appId: app.appId, url: flows.booked.url });
		const calendar = await bookableCalendar(sandbox);
		const start = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
		// 17:00 UTC: 12:00 or 13:00 in New York, the sub-account's zone, inside the calendar's open hours
		const booked = await call(sandbox, 'POST', '/calendars/events/appointments', { body: appointmentBody(calendar.id, `${start}T17:00:00Z`) });
		expect({ status: booked.status, body: booked.body }).toEqual({ status: 200, body: expect.objectContaining({ calendarId: calendar.id }) });
		await sandbox.webhooksSettled();
		expect(sandbox.state().webhooks.deliveries.filter((d) => d.type === 'AppointmentCreate').map((d) => d.status)).toContain(200);

		await waitForExecutions(editor, flows.booked.id, 1, 2 * MINUTE);
		await sleep(SETTLE_MS);
		const { count, newest } = await executionsOf(editor, flows.booked.id);
		expect(count).toBe(1);
		const execution = await savedExecution(editor, inst, newest[0].id);
		expect(execution.status).toBe('success');
		expect(itemsOf(execution, 'HighLevel Trigger')).toEqual([
			expect.objectContaining({ type: 'AppointmentCreate', locationId: LOCATION, appointment: expect.objectContaining({ id: booked.body.id, calendarId: calendar.id }) }),
		]);
		const [note] = itemsOf(execution, 'Note the booking');
		expect(note).toEqual(expect.objectContaining({ body: BOOKED_NOTE }));
		expect(Object.values(sandbox.state().notes).flat()).toEqual([expect.objectContaining({ id: note.id, appointmentId: booked.body.id, body: BOOKED_NOTE })]);
	});
});
