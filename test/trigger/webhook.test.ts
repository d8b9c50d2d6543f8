import type { INode } from 'n8n-workflow';

import vectors from '../fixtures/webhooks/ed25519-vectors.json';
import { TRIGGER_NODE_TYPE } from '../../tools/engine/nodeTypes';
import { callWebhook } from '../../tools/engine/webhookCall';

/** The fixture's body is signed for this moment: its timestamp, a second later. */
const fixtureNow = vectors.bodyTimestampMs + 1_000;

function triggerNode(parameters: INode['parameters']): INode {
	return {
		id: 'trigger-1',
		name: 'HighLevel Trigger',
		type: TRIGGER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'hook-1',
		parameters,
		credentials: { highLevelCalendarsWebhookKeyApi: { id: 'k1', name: 'key' } },
	};
}

const keyCredential = { highLevelCalendarsWebhookKeyApi: { publicKey: vectors.publicKeyPem } };
const withKey = (events: string[]) => triggerNode({ events, verificationKey: 'credential' });
const signedHeaders = { 'content-type': 'application/json', 'x-ghl-signature': vectors.signature };

describe("the trigger's webhook in n8n-core's WebhookContext", () => {
	beforeEach(() => jest.useFakeTimers({ now: fixtureNow, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
	afterEach(() => jest.useRealTimers());

	test('a genuine delivery becomes one item, the event exactly as sent', async () => {
		const call = await callWebhook(withKey(['LocationCreate']), keyCredential, {
			headers: signedHeaders,
			rawBody: Buffer.from(vectors.body),
			body: JSON.parse(vectors.body),
		});
		expect(call.answered).toBeUndefined();
		expect(call.result.workflowData).toEqual([[{ json: JSON.parse(vectors.body) }]]);
	});

	test('without the raw bytes nothing gets in, however valid the parsed body and signature', async () => {
		const call = await callWebhook(withKey(['*']), keyCredential, { headers: signedHeaders, body: JSON.parse(vectors.body) });
		expect(call).toEqual({ result: { noWebhookResponse: true }, answered: { status: 401, body: { message: 'Refused: raw body not available' } } });
	});

	test('a refusal answers 401 with the reason, starts nothing and echoes nothing of the body', async () => {
		const call = await callWebhook(withKey(['*']), keyCredential, {
			headers: { ...signedHeaders, 'x-ghl-signature': 'N/A' },
			rawBody: Buffer.from(vectors.body),
		});
		expect(call).toEqual({ result: { noWebhookResponse: true }, answered: { status: 401, body: { message: 'Refused: X-GHL-Signature header is N/A' } } });
	});

	test("HighLevel's published key (the default, no credential) does not accept the test key's signature", async () => {
		const node = { ...triggerNode({ events: ['*'] }), credentials: {} };
		const call = await callWebhook(node, {}, { headers: signedHeaders, rawBody: Buffer.from(vectors.body) });
		expect(call.answered).toEqual({ status: 401, body: { message: 'Refused: X-GHL-Signature does not match the body' } });
	});

	test('an event not chosen: 200, nothing started', async () => {
		const call = await callWebhook(withKey(['INSTALL']), keyCredential, { headers: signedHeaders, rawBody: Buffer.from(vectors.body) });
		expect(call).toEqual({ result: { noWebhookResponse: true }, answered: { status: 200, body: { message: 'Received, nothing started: event not chosen' } } });
	});

	test('the workflow-action source takes the header the credential names', async () => {
		const node = {
			...triggerNode({ source: 'workflowAction' }),
			credentials: { highLevelCalendarsWebhookSecretApi: { id: 's1', name: 'secret' } },
		};
		const secret = { highLevelCalendarsWebhookSecretApi: { headerName: 'X-My-Secret', secret: 'a-secret-of-enough-length' } };
		const body = Buffer.from('{"contact_id":"c1"}');
		const right = await callWebhook(node, secret, { headers: { 'x-my-secret': 'a-secret-of-enough-length' }, rawBody: body });
		expect(right.result.workflowData).toEqual([[{ json: { contact_id: 'c1' } }]]);
		const wrong = await callWebhook(node, secret, { headers: { 'x-webhook-secret': 'a-secret-of-enough-length' }, rawBody: body });
		expect(wrong.answered).toEqual({ status: 401, body: { message: 'Refused: X-My-Secret header missing' } });
	});
});
