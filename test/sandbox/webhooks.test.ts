import { DEFAULT_COMPANY, OTHER_AGENCY } from '../../tools/sandbox/agency';
import { sandboxAdmin } from '../../tools/sandbox/admin-client';
import { connect } from '../../tools/sandbox/oauth-client';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';
import { eventIssues } from '../../tools/contract/webhookEvents';
import { startScriptedServer, type ScriptedServer } from '../../tools/engine/scriptedServer';
import { judgeAppDelivery } from '../../nodes/HighLevelTrigger/delivery/appDelivery';
import { parseEd25519PublicKey } from '../../nodes/HighLevelTrigger/verification/ed25519';
import { ReplayMemory } from '../../nodes/HighLevelTrigger/verification/replayMemory';
import type { KeyObject } from 'crypto';

const admin = (sandbox: Sandbox, path: string, body: unknown) => sandboxAdmin(sandbox.url, path, body);

describe('sandbox webhooks: signed as HighLevel signs them, logged, checked against the documented schemas', () => {
	let sandbox: Sandbox;
	let receiver: ScriptedServer;
	let key: KeyObject;

	beforeAll(async () => {
		sandbox = await startSandbox();
		receiver = await startScriptedServer(() => ({ status: 200, body: { message: 'Workflow was started' } }));
		key = parseEd25519PublicKey(sandbox.webhookPublicKeyPem) as KeyObject;
	});
	afterAll(async () => {
		await sandbox.close();
		await receiver.close();
	});
	beforeEach(() => {
		sandbox.reset();
		receiver.requests.length = 0;
		receiver.rawBodies.length = 0;
	});

	/** What the trigger's own verifier says of delivery `index`, on the bytes received. */
	const verdictOn = (index: number) =>
		judgeAppDelivery(Buffer.from(receiver.rawBodies[index]), receiver.requests[index].headers['x-ghl-signature'], {
			key,
			events: ['*'],
			maxAgeMs: 300_000,
			memory: new ReplayMemory(),
			nowMs: Date.now(),
			notForUs: async () => undefined,
		});

	it('a new sub-account sends LocationCreate, and INSTALL where the agency app reaches future sub-accounts', async () => {
		const company = sandbox.app('Company');
		await connect(sandbox.url, company);
		expect((await admin(sandbox, '/webhooks', { appId: company.appId, url: `${receiver.url}/hook` })).status).toBe(201);

		const created = await admin(sandbox, '/locations', { id: 'newSubAccount00001', name: 'New Clinic' });
		expect(created.status).toBe(201);
		expect(created.body.deliveries.map((d: { type: string; status: number }) => [d.type, d.status])).toEqual([
			['LocationCreate', 200],
			['INSTALL', 200],
		]);

		const [locationCreate, install] = receiver.requests;
		expect(locationCreate.path).toBe('/hook');
		expect(locationCreate.body).toEqual({
			type: 'LocationCreate',
			id: 'newSubAccount00001',
			companyId: DEFAULT_COMPANY,
			name: 'New Clinic',
			email: 'newsubaccount00001@sandbox.invalid',
			stripeProductId: 'prod_xyz123abc',
			timestamp: expect.any(String),
			webhookId: expect.any(String),
		});
		expect(install.body).toMatchObject({ type: 'INSTALL', appId: company.appId, locationId: 'newSubAccount00001', companyId: DEFAULT_COMPANY });
		expect(install.body).not.toHaveProperty('userId');
		expect(eventIssues('LocationCreate', locationCreate.body)).toEqual([]);
		expect(eventIssues('AppInstall', install.body)).toEqual([]);
		expect(await verdictOn(0)).toEqual({ start: locationCreate.body });
		expect(await verdictOn(1)).toEqual({ start: install.body });

		const { deliveries } = sandbox.state().webhooks;
		expect(deliveries).toHaveLength(2);
		expect(deliveries[0]).toMatchObject({ source: 'app', type: 'LocationCreate', status: 200, url: `${receiver.url}/hook` });
		expect(Date.parse(deliveries[0].answeredAt)).toBeGreaterThanOrEqual(Date.parse(deliveries[0].sentAt));
	});

	it('an install without future sub-accounts gets LocationCreate only; an app without a URL gets nothing', async () => {
		const company = sandbox.app('Company');
		await connect(sandbox.url, company, { sandbox_future: 'false' });
		expect((await admin(sandbox, '/locations', {})).body.deliveries).toEqual([]);
		await admin(sandbox, '/webhooks', { appId: company.appId, url: receiver.url });
		const created = await admin(sandbox, '/locations', {});
		expect(created.body.deliveries.map((d: { type: string }) => d.type)).toEqual(['LocationCreate']);
	});

	it('emits any documented event from its example, fields overridable, signed over the bytes sent', async () => {
		const app = sandbox.app('Location');
		await admin(sandbox, '/webhooks', { appId: app.appId, url: receiver.url });
		const emitted = await admin(sandbox, '/webhooks/emit', {
			event: 'AppointmentCreate',
			fields: { locationId: 'sandboxLocation0002' },
		});
		expect(emitted.status).toBe(200);
		expect(emitted.body.delivery).toMatchObject({ type: 'AppointmentCreate', status: 200, appId: app.appId });
		expect(receiver.requests[0].body).toEqual(emitted.body.payload);
		expect(receiver.requests[0].body).toMatchObject({ type: 'AppointmentCreate', locationId: 'sandboxLocation0002' });
		expect(await verdictOn(0)).toEqual({ start: emitted.body.payload });
	});

	it('refuses what HighLevel does not document: an unknown event, a field of the wrong type, an unknown app', async () => {
		const app = sandbox.app('Location');
		await admin(sandbox, '/webhooks', { appId: app.appId, url: receiver.url });
		expect(await admin(sandbox, '/webhooks/emit', { event: 'CalendarGroupCreate' })).toEqual({
			status: 400,
			body: { statusCode: 400, message: '"CalendarGroupCreate" is not a documented webhook event' },
		});
		const wrongType = await admin(sandbox, '/webhooks/emit', { event: 'LocationCreate', fields: { id: 42 } });
		expect(wrongType.status).toBe(400);
		expect(wrongType.body.message).toBe('the LocationCreate payload does not match its documented schema: /id must be string');
		expect((await admin(sandbox, '/webhooks', { appId: 'nope', url: receiver.url })).status).toBe(400);
		expect(receiver.requests).toHaveLength(0);
	});

	it("posts a workflow action's payload with the user's secret header and no signature", async () => {
		const posted = await admin(sandbox, '/webhooks/emit', {
			workflowAction: { url: receiver.url, headerName: 'X-Webhook-Secret', secret: 'a-long-shared-secret', payload: { contact_id: 'c1' } },
		});
		expect(posted.body.delivery).toMatchObject({ source: 'workflowAction', status: 200 });
		expect(receiver.requests[0].headers['x-webhook-secret']).toBe('a-long-shared-secret');
		expect(receiver.requests[0].headers).not.toHaveProperty('x-ghl-signature');
		expect(receiver.requests[0].body).toEqual({ contact_id: 'c1' });
	});

	it("another agency's developer app: its own company, sub-account and app, signed with the same key as the user's", async () => {
		const other = sandbox.otherAgencyApp();
		expect(other.appId).not.toBe(sandbox.app('Company').appId);
		expect(other.clientId.startsWith(`${other.appId}-`)).toBe(true);
		await admin(sandbox, '/webhooks', { appId: other.appId, url: receiver.url });
		const fields = { appId: other.appId, companyId: OTHER_AGENCY.companyId, locationId: OTHER_AGENCY.locationId };
		const emitted = await admin(sandbox, '/webhooks/emit', { event: 'INSTALL', appId: other.appId, fields });
		expect(receiver.requests[0].body).toMatchObject({ type: 'INSTALL', ...fields });
		expect(await verdictOn(0)).toEqual({ start: emitted.body.payload });
		expect(sandbox.state().agency.companies.map((c) => c.id)).toContain(OTHER_AGENCY.companyId);
	});

	it('logs a delivery nobody answered with status 0', async () => {
		const app = sandbox.app('Location');
		await admin(sandbox, '/webhooks', { appId: app.appId, url: 'http://127.0.0.1:1/closed' });
		const emitted = await admin(sandbox, '/webhooks/emit', { event: 'ContactCreate' });
		expect(emitted.body.delivery.status).toBe(0);
		expect(sandbox.state().webhooks.deliveries[0].status).toBe(0);
	});
});
