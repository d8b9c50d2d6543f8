import type { ICredentialTestFunctions } from 'n8n-workflow';

import vectors from '../fixtures/webhooks/ed25519-vectors.json';
import { credentialTests } from '../../nodes/HighLevelTrigger/webhook/credentialTests';

const context = {} as ICredentialTestFunctions;
const keyTest = (publicKey: string) =>
	credentialTests.webhookKeyTest.call(context, { id: '1', name: 'key', type: 'x', data: { publicKey } });
const secretTest = (headerName: string, secret: string) =>
	credentialTests.webhookSecretTest.call(context, { id: '1', name: 'secret', type: 'x', data: { headerName, secret } });

test('the key credential test accepts an Ed25519 key and says what is wrong with anything else', async () => {
	await expect(keyTest(vectors.publicKeyPem)).resolves.toEqual({ status: 'OK', message: 'An Ed25519 public key' });
	await expect(keyTest('not a key')).resolves.toEqual({
		status: 'Error',
		message: 'Not usable: the public key is not a PEM or base64 SPKI public key',
	});
});

test('the secret credential test asks for a header name and a secret of 16 characters or more', async () => {
	await expect(secretTest('X-Webhook-Secret', 'a'.repeat(16))).resolves.toEqual({ status: 'OK', message: 'Usable' });
	await expect(secretTest('X-Webhook-Secret', 'a'.repeat(15))).resolves.toEqual({
		status: 'Error',
		message: 'Secret is shorter than 16 characters',
	});
	await expect(secretTest('X Webhook', 'a'.repeat(20))).resolves.toEqual({
		status: 'Error',
		message: 'Header Name is not a valid HTTP header name',
	});
});
