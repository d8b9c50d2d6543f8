import type { IHookFunctions, INode } from 'n8n-workflow';

import vectors from '../fixtures/webhooks/ed25519-vectors.json';
import { webhookLifecycle } from '../../nodes/HighLevelTrigger/webhook/lifecycle';
import { replayMemoryFor } from '../../nodes/HighLevelTrigger/verification/replayMemory';

const node = { id: 'n1', name: 'HighLevel Trigger' } as INode;

/** What n8n hands the trigger when it activates the workflow: the node's parameters and credentials. */
function hookContext(parameters: Record<string, unknown>, credentials: Record<string, Record<string, string>>): IHookFunctions {
	return {
		getNode: () => node,
		getWorkflow: () => ({ id: 'w1' }),
		getNodeParameter: (name: string, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
		getCredentials: async (type: string) => credentials[type],
	} as unknown as IHookFunctions;
}

const create = (context: IHookFunctions) => webhookLifecycle.default.create.call(context);

test("activation with HighLevel's published key needs no set-up", async () => {
	await expect(create(hookContext({}, {}))).resolves.toBe(true);
});

test('activation with a key credential fails with the reason when the key is not an Ed25519 key', async () => {
	const key = (publicKey: string) => hookContext({ verificationKey: 'credential' }, { highLevelCalendarsWebhookKeyApi: { publicKey } });
	await expect(create(key(vectors.publicKeyPem))).resolves.toBe(true);
	await expect(create(key('MCowBQYDK2VwAyEA'))).rejects.toThrow(
		'Verification Key: the public key is not a PEM or base64 SPKI public key',
	);
});

test.each([0, 3601, Number.NaN, undefined, '300'])('activation is refused with Max Age %p (a number of seconds from 1 to 3600)', async (seconds) => {
	await expect(create(hookContext({ 'options.maxAgeSeconds': seconds }, {}))).rejects.toThrow(
		`Max Age is ${String(seconds)}, not a number of seconds from 1 to 3600`,
	);
});

test.each([1, 3600])('activation takes Max Age %p', async (seconds) => {
	await expect(create(hookContext({ 'options.maxAgeSeconds': seconds }, {}))).resolves.toBe(true);
});

test('activation of the workflow-action source fails on a short secret or a bad header name', async () => {
	const secret = (headerName: string, value: string) =>
		hookContext({ source: 'workflowAction' }, { highLevelCalendarsWebhookSecretApi: { headerName, secret: value } });
	await expect(create(secret('X-Webhook-Secret', 'a'.repeat(16)))).resolves.toBe(true);
	await expect(create(secret('X-Webhook-Secret', 'short'))).rejects.toThrow(
		'Workflow webhook secret: Secret is shorter than 16 characters',
	);
	await expect(create(secret('X Webhook', 'a'.repeat(16)))).rejects.toThrow(
		'Workflow webhook secret: Header Name is not a valid HTTP header name',
	);
});

test('nothing is registered at HighLevel, and deactivating (a save, a re-activation, the end of a test listen) forgets no webhookId', async () => {
	const context = hookContext({}, {});
	await expect(webhookLifecycle.default.checkExists.call(context)).resolves.toBe(false);
	const now = Date.now();
	expect(replayMemoryFor('w1:n1', 'production').accept('id-1', now, 300_000)).toBe(true);
	await expect(webhookLifecycle.default.delete.call(context)).resolves.toBe(true);
	await expect(create(context)).resolves.toBe(true);
	expect(replayMemoryFor('w1:n1', 'production').accept('id-1', now, 300_000)).toBe(false);
});
