/** An Ed25519 key pair made when the tests run, so a test can sign any body it needs (the fixed vectors cannot). */
import { generateKeyPairSync, sign } from 'crypto';

export interface TestSigner {
	publicKeyPem: string;
	sign(body: string | Buffer): string;
	/** the event as bytes, with a fresh `webhookId` and `timestamp` unless `fields` set them, and its signature */
	signed(fields: Record<string, unknown>, sentMs: number): { raw: Buffer; signature: string; event: Record<string, unknown> };
}

let counter = 0;

export function testSigner(): TestSigner {
	const { publicKey, privateKey } = generateKeyPairSync('ed25519');
	const signBody = (body: string | Buffer) => sign(null, Buffer.from(body), privateKey).toString('base64');
	return {
		publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString().trim(),
		sign: signBody,
		signed(fields, sentMs) {
			counter += 1;
			const event = { type: 'ContactCreate', locationId: 'myLocation0001', timestamp: new Date(sentMs).toISOString(), webhookId: `hook-${counter}`, ...fields };
			const raw = Buffer.from(JSON.stringify(Object.fromEntries(Object.entries(event).filter(([, v]) => v !== undefined))));
			return { raw, signature: signBody(raw), event: JSON.parse(raw.toString()) };
		},
	};
}
