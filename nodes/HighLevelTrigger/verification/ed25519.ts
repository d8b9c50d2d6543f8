import { createPublicKey, verify, type KeyObject } from 'crypto';

import { Refusal } from './refusal';

/**
 * HighLevel's published Ed25519 webhook public key (its Webhook Integration Guide), used when no
 * HighLevel Webhook Public Key credential replaces it.
 */
export const highLevelPublishedPem = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
-----END PUBLIC KEY-----`;

const pemHeader = '-----BEGIN PUBLIC KEY-----';

/** A public key given as PEM or as the base64 SPKI body of one; only Ed25519 keys are accepted. */
export function parseEd25519PublicKey(text: string): KeyObject | Refusal {
	const trimmed = text.trim();
	const pem = trimmed.startsWith(pemHeader)
		? trimmed
		: `${pemHeader}\n${trimmed.replace(/\s+/g, '')}\n-----END PUBLIC KEY-----`;
	let key: KeyObject;
	try {
		key = createPublicKey(pem);
	} catch {
		return new Refusal('the public key is not a PEM or base64 SPKI public key');
	}
	if (key.asymmetricKeyType !== 'ed25519') {
		return new Refusal(`the public key is ${key.asymmetricKeyType ?? 'unknown'}, not Ed25519`);
	}
	return key;
}

let publishedKey: KeyObject | Refusal | undefined;

/** HighLevel's published key, parsed on first use only. */
export function highLevelPublishedKey(): KeyObject | Refusal {
	publishedKey ??= parseEd25519PublicKey(highLevelPublishedPem);
	return publishedKey;
}

/** Ed25519 over exactly the bytes received. */
export function signatureMatches(rawBody: Buffer, signature: Buffer, key: KeyObject): boolean {
	return verify(null, rawBody, key, signature);
}
