import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import vectors from '../fixtures/webhooks/ed25519-vectors.json';
import { TRIGGER_NODE_TYPE } from '../../tools/engine/nodeTypes';
import { callWebhook, type IncomingWebhook } from '../../tools/engine/webhookCall';
import { agencyCredentials } from '../../tools/engine/agency';
import { DEFAULT_COMPANY, OTHER_AGENCY } from '../../tools/sandbox/agency';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';
import { testSigner } from './support/signer';

const signer = testSigner();
const now = Date.parse('2026-12-05T02:00:00.000Z');
const myLocation = 'myLocation0001';

function triggerNode(parameters: INode['parameters'], credentials: INode['credentials'] = {}): INode {
	return {
		id: 'trigger-1',
		name: 'HighLevel Trigger',
		type: TRIGGER_NODE_TYPE,
		typeVersion: 2,
		position: [0, 0],
		webhookId: 'hook-1',
		parameters,
		credentials,
	};
}

/** The test key in a key credential, and a Private Integration Token credential for the sub-account myLocation0001. */
const credentials = {
	highLevelCalendarsWebhookKeyApi: { publicKey: signer.publicKeyPem },
	highLevelCalendarsApi: { accessToken: 'pit-test-token', locationId: myLocation },
};
const nodeCredentials = {
	highLevelCalendarsWebhookKeyApi: { id: 'k1', name: 'key' },
	highLevelCalendarsApi: { id: 'p1', name: 'pit' },
};
/** The default Accept Events For (My Sub-Accounts) with the Private Integration Token. */
const mine = (events: string[] = ['*'], more: INode['parameters'] = {}) =>
	triggerNode({ events, verificationKey: 'credential', authentication: 'privateIntegrationToken', ...more }, nodeCredentials);

function delivery(fields: Record<string, unknown> = {}, more: Partial<IncomingWebhook> = {}): IncomingWebhook & { event: Record<string, unknown> } {
	const { raw, signature, event } = signer.signed(fields, now);
	return { headers: { 'content-type': 'application/json', 'x-ghl-signature': signature }, rawBody: raw, body: event, event, ...more };
}

const refused = { result: { noWebhookResponse: true }, answered: { status: 401, body: { message: 'Refused' } } };
const received = { result: { noWebhookResponse: true }, answered: { status: 200, body: { message: 'Received' } } };
const warnings = (call: { logged: Array<{ level: string; message: string }> }) => call.logged.filter((l) => l.level === 'warn').map((l) => l.message);

describe("the trigger's webhook in n8n-core's WebhookContext", () => {
	beforeEach(() => jest.useFakeTimers({ now: now + 1_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
	afterEach(() => jest.useRealTimers());

	test('a genuine delivery for my sub-account becomes one item, the event exactly as sent', async () => {
		const sent = delivery({ locationId: myLocation });
		const call = await callWebhook(mine(), credentials, sent, 'w-genuine');
		expect(call.answered).toBeUndefined();
		expect(call.result.workflowData).toEqual([[{ json: sent.event }]]);
	});

	test('the fixed vectors still verify through the node (a key credential holding their public key)', async () => {
		const node = triggerNode({ events: ['LocationCreate'], verificationKey: 'credential', acceptFrom: 'anyAccount' }, nodeCredentials);
		const call = await callWebhook(node, { highLevelCalendarsWebhookKeyApi: { publicKey: vectors.publicKeyPem } }, {
			headers: { 'x-ghl-signature': vectors.signature },
			rawBody: Buffer.from(vectors.body),
		}, 'w-vectors');
		expect(call.result.workflowData).toEqual([[{ json: JSON.parse(vectors.body) }]]);
	});

	test('the same delivery sent twice starts once; the second is answered 200 and starts nothing', async () => {
		const sent = delivery();
		expect((await callWebhook(mine(), credentials, sent, 'w-twice')).result.workflowData).toHaveLength(1);
		const again = await callWebhook(mine(), credentials, sent, 'w-twice');
		expect(again).toMatchObject(received);
		expect(again.logged).toContainEqual(expect.objectContaining({ level: 'debug', message: expect.stringContaining('webhookId already received') }));
	});

	test('Test URL and Production URL keep separate memories: a test delivery does not use up, nor reopen, the production one', async () => {
		const sent = delivery();
		expect((await callWebhook(mine(), credentials, { ...sent, mode: 'manual' }, 'w-modes')).result.workflowData).toHaveLength(1);
		expect((await callWebhook(mine(), credentials, sent, 'w-modes')).result.workflowData).toHaveLength(1);
		expect(await callWebhook(mine(), credentials, sent, 'w-modes')).toMatchObject(received);
		expect(await callWebhook(mine(), credentials, { ...sent, mode: 'manual' }, 'w-modes')).toMatchObject(received);
	});

	test('without the raw bytes nothing gets in; the 401 says only "Refused", the log says why, with the workflow and node', async () => {
		const call = await callWebhook(mine(), credentials, { ...delivery(), rawBody: undefined }, 'w-raw');
		expect(call).toMatchObject(refused);
		expect(warnings(call)).toEqual(['HighLevel Trigger "HighLevel Trigger" (workflow w-raw) refused a delivery (401): raw body not available']);
		expect(call.logged[0].meta).toEqual({ workflowId: 'w-raw', node: 'HighLevel Trigger' });
	});

	test('a signature header sent twice (Node joins the values) is refused', async () => {
		const sent = delivery();
		const twice = { ...sent, headers: { ...sent.headers, 'x-ghl-signature': `${sent.headers['x-ghl-signature'] as string}, ${sent.headers['x-ghl-signature'] as string}` } };
		const call = await callWebhook(mine(), credentials, twice, 'w-twice-header');
		expect(call).toMatchObject(refused);
		expect(warnings(call)[0]).toMatch(/X-GHL-Signature header repeated$/);
	});

	test("HighLevel's published key (the default) does not accept the test key's signature", async () => {
		const node = triggerNode({ events: ['*'], acceptFrom: 'anyAccount' });
		const call = await callWebhook(node, {}, delivery(), 'w-published');
		expect(call).toMatchObject(refused);
		expect(warnings(call)[0]).toMatch(/X-GHL-Signature does not match the body$/);
	});

	test('an event not chosen: 200, nothing started, whatever else the body lacks', async () => {
		const call = await callWebhook(mine(['INSTALL']), credentials, delivery({ webhookId: undefined }), 'w-unchosen');
		expect(call).toMatchObject(received);
		expect(warnings(call)).toEqual([]);
	});

	describe('Accept Events For', () => {
		test("My Sub-Accounts (the default): another account's signed delivery is answered 200, starts nothing, and is logged", async () => {
			const call = await callWebhook(mine(), credentials, delivery({ locationId: 'theirLocation01' }), 'w-theirs');
			expect(call).toMatchObject(received);
			expect(warnings(call)).toEqual([
				"HighLevel Trigger \"HighLevel Trigger\" (workflow w-theirs) started nothing for a delivery (200): sub-account theirLocation01 is not the credential's",
			]);
		});

		test('These IDs: a listed sub-account or agency starts, another does not', async () => {
			const listed = triggerNode({ events: ['*'], verificationKey: 'credential', acceptFrom: 'theseIds', accountIds: 'loc-a, company-b\nloc-c' }, nodeCredentials);
			expect((await callWebhook(listed, credentials, delivery({ locationId: 'loc-c' }), 'w-ids')).result.workflowData).toHaveLength(1);
			expect((await callWebhook(listed, credentials, delivery({ type: 'UserCreate', locationId: 'loc-x', companyId: 'company-b' }), 'w-ids')).result.workflowData).toHaveLength(1);
			expect(await callWebhook(listed, credentials, delivery({ locationId: 'loc-x' }), 'w-ids')).toMatchObject(received);
		});

		test('Any HighLevel Account: any signed delivery starts', async () => {
			const any = triggerNode({ events: ['*'], verificationKey: 'credential', acceptFrom: 'anyAccount' }, nodeCredentials);
			expect((await callWebhook(any, credentials, delivery({ locationId: 'theirLocation01' }), 'w-any')).result.workflowData).toHaveLength(1);
		});
	});

	test('a credential is read once a minute per trigger, not per delivery (n8n 2.x starts an expression isolate per read); a change takes effect after that minute', async () => {
		const moved = { ...credentials, highLevelCalendarsApi: { accessToken: 'pit-test-token', locationId: 'movedLocation01' } };
		expect((await callWebhook(mine(), credentials, delivery(), 'w-reads')).result.workflowData).toHaveLength(1);
		expect(await callWebhook(mine(), moved, delivery({ locationId: 'movedLocation01' }), 'w-reads')).toMatchObject(received);
		jest.setSystemTime(now + 61_000);
		const later = signer.signed({ locationId: 'movedLocation01' }, now + 61_000);
		const call = await callWebhook(mine(), moved, { headers: { 'x-ghl-signature': later.signature }, rawBody: later.raw }, 'w-reads');
		expect(call.result.workflowData).toHaveLength(1);
	});

	test('Max Age out of range refuses every delivery (activation refuses it too)', async () => {
		const call = await callWebhook(mine(['*'], { options: { maxAgeSeconds: 86_400 } }), credentials, delivery(), 'w-maxage');
		expect(call).toMatchObject(refused);
		expect(warnings(call)[0]).toMatch(/Max Age is 86400, not a number of seconds from 1 to 3600$/);
	});

	describe('the workflow-action source', () => {
		const node = triggerNode({ source: 'workflowAction' }, { highLevelCalendarsWebhookSecretApi: { id: 's1', name: 'secret' } });
		const secretOf = (headerName: string) => ({ highLevelCalendarsWebhookSecretApi: { headerName, secret: 'a-secret-of-enough-length' } });
		const body = Buffer.from('{"contact_id":"c1"}');

		test('takes the header the credential names; the 401 does not name it', async () => {
			const right = await callWebhook(node, secretOf('X-My-Secret'), { headers: { 'x-my-secret': 'a-secret-of-enough-length' }, rawBody: body });
			expect(right.result.workflowData).toEqual([[{ json: { contact_id: 'c1' } }]]);
			const wrong = await callWebhook(node, secretOf('X-My-Secret'), { headers: { 'x-webhook-secret': 'a-secret-of-enough-length' }, rawBody: body });
			expect(wrong).toMatchObject(refused);
			expect(warnings(wrong)[0]).toMatch(/X-My-Secret header missing$/);
		});

		test.each(['__proto__', 'constructor', 'toString'])('a header name of %s finds no inherited value: 401, not a crash', async (headerName) => {
			const call = await callWebhook(node, secretOf(headerName), { headers: {}, rawBody: body }, `w-header-${headerName}`);
			expect(call).toMatchObject(refused);
			expect(warnings(call)[0]).toMatch(new RegExp(`${headerName} header missing$`));
		});
	});
});

describe('My Sub-Accounts with the agency credential, against the sandbox (HighLevel\'s installed-locations endpoint)', () => {
	let sandbox: Sandbox;
	let agencyCredential: Record<string, ICredentialDataDecryptedObject>;
	const agencyNode = () =>
		triggerNode({ events: ['*'], verificationKey: 'credential' }, { ...nodeCredentials, highLevelCalendarsAgencyOAuth2Api: { id: 'a1', name: 'agency' } });
	const signedNow = (fields: Record<string, unknown>) => {
		const { raw, signature, event } = signer.signed(fields, Date.now());
		return { headers: { 'x-ghl-signature': signature }, rawBody: raw, event };
	};

	beforeAll(async () => {
		sandbox = await startSandbox();
		agencyCredential = { ...credentials, ...(await agencyCredentials(sandbox)) };
	});
	afterAll(async () => await sandbox.close());

	test("the agency's sub-accounts and its own app's events start; another agency's and another app's do not", async () => {
		const mine = signedNow({ type: 'ContactCreate', locationId: 'sandboxLocation0002' });
		expect((await callWebhook(agencyNode(), agencyCredential, mine, 'w-agency')).result.workflowData).toEqual([[{ json: mine.event }]]);
		const created = signedNow({ type: 'LocationCreate', id: 'brandNewLocation01', companyId: DEFAULT_COMPANY });
		expect((await callWebhook(agencyNode(), agencyCredential, created, 'w-agency')).result.workflowData).toHaveLength(1);
		const installed = signedNow({ type: 'INSTALL', appId: sandbox.app('Company').appId, locationId: 'sandboxLocation0003', companyId: DEFAULT_COMPANY });
		expect((await callWebhook(agencyNode(), agencyCredential, installed, 'w-agency')).result.workflowData).toHaveLength(1);

		const theirs = await callWebhook(agencyNode(), agencyCredential, signedNow({ type: 'ContactCreate', locationId: OTHER_AGENCY.locationId }), 'w-agency');
		expect(theirs.answered).toEqual({ status: 200, body: { message: 'Received' } });
		expect(warnings(theirs)[0]).toMatch(/sub-account otherLocation0001 is not one of the agency's$/);
		const otherApp = signedNow({ type: 'INSTALL', appId: sandbox.otherAgencyApp().appId, locationId: 'sandboxLocation0001', companyId: DEFAULT_COMPANY });
		const otherAppCall = await callWebhook(agencyNode(), agencyCredential, otherApp, 'w-agency');
		expect(warnings(otherAppCall)[0]).toMatch(/appId \w+ is not the credential's app$/);

		const reads = sandbox.requests().filter((r) => r.path === '/oauth/installedLocations');
		expect(reads).toHaveLength(1);
		expect(reads[0]).toMatchObject({ status: 200, query: { companyId: DEFAULT_COMPANY, appId: sandbox.app('Company').appId } });
	});
});
