import { generateKeyPairSync, type KeyObject } from 'crypto';

import vectors from '../fixtures/webhooks/ed25519-vectors.json';
import { judgeAppDelivery, type AppDeliveryRules } from '../../nodes/HighLevelTrigger/delivery/appDelivery';
import { judgeActionDelivery } from '../../nodes/HighLevelTrigger/delivery/actionDelivery';
import { receivedBytes } from '../../nodes/HighLevelTrigger/delivery/rawEvent';
import {
	highLevelPublishedKey,
	highLevelPublishedPem,
	parseEd25519PublicKey,
} from '../../nodes/HighLevelTrigger/verification/ed25519';
import { futureSkewMs } from '../../nodes/HighLevelTrigger/verification/freshness';
import { Refusal } from '../../nodes/HighLevelTrigger/verification/refusal';
import { ReplayMemory } from '../../nodes/HighLevelTrigger/verification/replayMemory';
import { testSigner } from './support/signer';

const fiveMinutes = 5 * 60_000;
const body = Buffer.from(vectors.body, 'utf8');

function keyOf(pem: string): KeyObject {
	const key = parseEd25519PublicKey(pem);
	if (key instanceof Refusal) throw new Error(key.reason);
	return key;
}

function rules(overrides: Partial<AppDeliveryRules> = {}): AppDeliveryRules {
	return {
		key: keyOf(vectors.publicKeyPem),
		events: ['LocationCreate'],
		maxAgeMs: fiveMinutes,
		memory: new ReplayMemory(),
		nowMs: vectors.bodyTimestampMs + 1_000,
		notForUs: async () => undefined,
		...overrides,
	};
}

const refusalOf = (verdict: unknown) => (verdict instanceof Refusal ? verdict.reason : undefined);

describe('the Ed25519 verifier on fixed vectors', () => {
	test('the genuine body with its signature starts, with the event exactly as sent', async () => {
		const verdict = await judgeAppDelivery(body, vectors.signature, rules());
		expect(verdict).toEqual({ start: JSON.parse(vectors.body) });
	});

	test.each([
		[
			'one byte of the body changed',
			() => {
				const tampered = Buffer.from(body);
				tampered[tampered.indexOf('ve9E')] = 'V'.charCodeAt(0);
				return { raw: tampered, header: vectors.signature };
			},
			'X-GHL-Signature does not match the body',
		],
		[
			'the signature of another body',
			() => ({ raw: body, header: vectors.otherBodySignature }),
			'X-GHL-Signature does not match the body',
		],
		[
			'the same JSON re-serialized with other whitespace',
			() => ({ raw: Buffer.from(JSON.stringify(JSON.parse(vectors.body))), header: vectors.signature }),
			'X-GHL-Signature does not match the body',
		],
		[
			'the same JSON pretty-printed',
			() => ({ raw: Buffer.from(JSON.stringify(JSON.parse(vectors.body), null, 2)), header: vectors.signature }),
			'X-GHL-Signature does not match the body',
		],
		[
			'a signature made with another key',
			() => ({ raw: body, header: vectors.signatureByOtherKey }),
			'X-GHL-Signature does not match the body',
		],
		['no header', () => ({ raw: body, header: undefined }), 'X-GHL-Signature header missing'],
		['an empty header', () => ({ raw: body, header: '' }), 'X-GHL-Signature header missing'],
		['N/A', () => ({ raw: body, header: 'N/A' }), 'X-GHL-Signature header is N/A'],
		['a header sent twice (as Node hands it over: joined with ", ")', () => ({ raw: body, header: `${vectors.signature}, ${vectors.signature}` }), 'X-GHL-Signature header repeated'],
		['not base64', () => ({ raw: body, header: 'not*base64*at*all!!' }), 'X-GHL-Signature header is not base64'],
		[
			'base64 of the wrong length',
			() => ({ raw: body, header: Buffer.alloc(63, 1).toString('base64') }),
			'X-GHL-Signature has the wrong length',
		],
	])('%s: refused', async (_case, make, reason) => {
		const { raw, header } = make();
		expect(refusalOf(await judgeAppDelivery(raw, header, rules()))).toBe(reason);
	});

	test("the body's genuine signature does not verify under another key", async () => {
		const verdict = await judgeAppDelivery(body, vectors.signature, rules({ key: keyOf(vectors.otherPublicKeyPem) }));
		expect(refusalOf(verdict)).toBe('X-GHL-Signature does not match the body');
	});

	test('the other body verifies with its own signature (the vectors are sound)', async () => {
		const verdict = await judgeAppDelivery(Buffer.from(vectors.otherBody), vectors.otherBodySignature, rules());
		expect(verdict).toEqual({ start: JSON.parse(vectors.otherBody) });
	});
});

describe('keys', () => {
	test("HighLevel's published key is the one its Webhook Integration Guide prints, parsed once", () => {
		const published = highLevelPublishedKey();
		if (published instanceof Refusal) throw new Error(published.reason);
		expect(published.asymmetricKeyType).toBe('ed25519');
		expect(published.export({ format: 'der', type: 'spki' }).toString('base64')).toBe('MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=');
		expect(highLevelPublishedKey()).toBe(published);
		expect(keyOf(highLevelPublishedPem).equals(published)).toBe(true);
	});

	test('a key given as the base64 body of its PEM parses to the same key', () => {
		const base64 = vectors.publicKeyPem.split('\n')[1];
		expect(keyOf(base64).export({ format: 'der', type: 'spki' })).toEqual(
			keyOf(vectors.publicKeyPem).export({ format: 'der', type: 'spki' }),
		);
	});

	test('an RSA key and text that is no key are refused with a reason', () => {
		expect(refusalOf(parseEd25519PublicKey('hello'))).toBe('the public key is not a PEM or base64 SPKI public key');
		const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
		const rsaPem = rsa.export({ type: 'spki', format: 'pem' }).toString();
		expect(refusalOf(parseEd25519PublicKey(rsaPem))).toBe('the public key is rsa, not Ed25519');
	});
});

describe('replay protection', () => {
	test('a timestamp older than the window is refused, one just inside is not', async () => {
		const late = rules({ nowMs: vectors.bodyTimestampMs + fiveMinutes + 1 });
		expect(refusalOf(await judgeAppDelivery(body, vectors.signature, late))).toBe('timestamp too old');
		const justIn = rules({ nowMs: vectors.bodyTimestampMs + fiveMinutes });
		expect(await judgeAppDelivery(body, vectors.signature, justIn)).toHaveProperty('start');
	});

	test('a configured window applies', async () => {
		const tight = rules({ maxAgeMs: 500 });
		expect(refusalOf(await judgeAppDelivery(body, vectors.signature, tight))).toBe('timestamp too old');
	});

	test('a timestamp further ahead than the allowed skew is refused, one within it is not', async () => {
		const early = rules({ nowMs: vectors.bodyTimestampMs - futureSkewMs - 1 });
		expect(refusalOf(await judgeAppDelivery(body, vectors.signature, early))).toBe('timestamp in the future');
		const withinSkew = rules({ nowMs: vectors.bodyTimestampMs - futureSkewMs });
		expect(await judgeAppDelivery(body, vectors.signature, withinSkew)).toHaveProperty('start');
	});

	test('a webhookId accepted before is answered without a second start, within the window', async () => {
		const memory = new ReplayMemory();
		expect(await judgeAppDelivery(body, vectors.signature, rules({ memory }))).toHaveProperty('start');
		const again = await judgeAppDelivery(body, vectors.signature, rules({ memory, nowMs: vectors.bodyTimestampMs + 60_000 }));
		expect(again).toEqual({ ignore: 'webhookId already received' });
	});

	test('a refused delivery does not take its webhookId: the genuine one still starts after it', async () => {
		const memory = new ReplayMemory();
		expect(refusalOf(await judgeAppDelivery(body, vectors.otherBodySignature, rules({ memory })))).toBeDefined();
		expect(await judgeAppDelivery(body, vectors.signature, rules({ memory }))).toHaveProperty('start');
	});

	test('an id is forgotten once its delivery would be refused as too old anyway', async () => {
		const memory = new ReplayMemory();
		const now = vectors.bodyTimestampMs;
		expect(memory.accept('id-1', now, fiveMinutes)).toBe(true);
		expect(memory.accept('id-1', now + fiveMinutes + futureSkewMs - 1, fiveMinutes)).toBe(false);
		expect(memory.accept('id-1', now + fiveMinutes + futureSkewMs, fiveMinutes)).toBe(true);
	});
});

describe('events and bodies', () => {
	test('an event not chosen is answered without a start', async () => {
		expect(await judgeAppDelivery(body, vectors.signature, rules({ events: ['INSTALL'] }))).toEqual({
			ignore: 'event not chosen',
		});
	});

	test('Any Event lets every type through', async () => {
		expect(await judgeAppDelivery(body, vectors.signature, rules({ events: ['*'] }))).toHaveProperty('start');
	});

	test('rawBody that is not a Buffer (absent, or a re-serialized string) is refused: nothing is verified on other bytes', () => {
		expect(refusalOf(receivedBytes({}))).toBe('raw body not available');
		expect(refusalOf(receivedBytes({ rawBody: vectors.body }))).toBe('raw body not available');
		expect(receivedBytes({ rawBody: body })).toBe(body);
	});
});

describe('the workflow action source: shared secret', () => {
	const expected = { headerName: 'X-Webhook-Secret', secret: 'correct horse battery staple' };
	const payload = Buffer.from('{"contact_id":"c1","location":{"id":"loc1"}}');

	test('the right secret starts with the body as sent', () => {
		expect(judgeActionDelivery(payload, 'correct horse battery staple', expected)).toEqual({
			start: { contact_id: 'c1', location: { id: 'loc1' } },
		});
	});

	test.each([
		['a wrong secret', 'correct horse battery stapler', 'X-Webhook-Secret header does not match'],
		['a missing header', undefined, 'X-Webhook-Secret header missing'],
		['a prefix of the secret', 'correct horse', 'X-Webhook-Secret header does not match'],
	])('%s is refused', (_case, header, reason) => {
		expect(refusalOf(judgeActionDelivery(payload, header, expected))).toBe(reason);
	});

	test('an empty secret in the credential lets nothing in, not even a post with an empty header', () => {
		expect(refusalOf(judgeActionDelivery(payload, '', { ...expected, secret: '' }))).toBe('the credential holds no secret');
		expect(refusalOf(judgeActionDelivery(payload, undefined, { ...expected, secret: '' }))).toBe('the credential holds no secret');
	});

	test('a body that is not a JSON object is refused', () => {
		expect(refusalOf(judgeActionDelivery(Buffer.from('a=1'), expected.secret, expected))).toBe('body is not JSON');
		expect(refusalOf(judgeActionDelivery(Buffer.from('[1]'), expected.secret, expected))).toBe(
			'body is not a JSON object',
		);
	});
});

describe('bodies signed at test time (a key made for this run)', () => {
	const signer = testSigner();
	const now = Date.parse('2026-12-05T02:00:00.000Z');
	const signedRules = (overrides: Partial<AppDeliveryRules> = {}) => rules({ key: keyOf(signer.publicKeyPem), events: ['*'], nowMs: now, ...overrides });
	const judge = async (fields: Record<string, unknown>, overrides: Partial<AppDeliveryRules> = {}) => {
		const { raw, signature } = signer.signed(fields, now);
		return await judgeAppDelivery(raw, signature, signedRules(overrides));
	};

	test('a delivery signed now starts', async () => {
		expect(await judge({})).toHaveProperty('start');
	});

	test.each([
		['no timestamp', { timestamp: undefined }, 'timestamp missing'],
		['a numeric timestamp (epoch ms)', { timestamp: now }, 'timestamp is a number, not an ISO 8601 date with a time zone'],
		['a timestamp without a zone', { timestamp: '2026-12-05T02:00:00' }, 'timestamp has no time zone (Z or an offset)'],
		['a date without a time', { timestamp: '2026-12-05' }, 'timestamp has no time zone (Z or an offset)'],
		['an unparsable timestamp', { timestamp: 'Sat, 05 Dec 2026 02:00:00 GMT' }, 'timestamp is not an ISO 8601 date'],
		['a day that does not exist', { timestamp: '2026-11-31T02:00:00Z' }, 'timestamp is not an ISO 8601 date'],
		['no webhookId, for a chosen event', { webhookId: undefined }, 'webhookId missing'],
		['an empty webhookId', { webhookId: '' }, 'webhookId missing'],
	])('%s: refused', async (_case, fields, reason) => {
		expect(refusalOf(await judge(fields))).toBe(reason);
	});

	test('an offset timestamp is read at its offset, not in this server\'s zone', async () => {
		expect(await judge({ timestamp: '2026-12-05T07:30:00+05:30' })).toHaveProperty('start');
		expect(await judge({ timestamp: '2026-12-04T21:00:00-0500' })).toHaveProperty('start');
		expect(refusalOf(await judge({ timestamp: '2026-12-05T02:00:00-05:00' }))).toBe('timestamp in the future');
	});

	test('no webhookId on an event not chosen: answered 200 first', async () => {
		expect(await judge({ webhookId: undefined }, { events: ['INSTALL'] })).toEqual({ ignore: 'event not chosen' });
	});

	test('a signed delivery for someone else starts nothing, is marked for the log and takes no webhookId', async () => {
		const memory = new ReplayMemory();
		const { raw, signature } = signer.signed({ locationId: 'theirLocation01' }, now);
		const refused = await judgeAppDelivery(raw, signature, signedRules({ memory, notForUs: async (e) => `sub-account ${String(e.locationId)} is not the credential's` }));
		expect(refused).toEqual({ ignore: "sub-account theirLocation01 is not the credential's", notForUs: true });
		expect(memory.size).toBe(0);
	});
});

describe('the replay memory', () => {
	test('keeps at most its cap, the oldest out first', () => {
		const memory = new ReplayMemory(3);
		for (const id of ['a', 'b', 'c', 'd']) expect(memory.accept(id, 0, fiveMinutes)).toBe(true);
		expect(memory.size).toBe(3);
		expect(memory.accept('a', 1, fiveMinutes)).toBe(true);
		expect(memory.accept('d', 1, fiveMinutes)).toBe(false);
	});

	test('forgets what expired from the front: ids accepted later stay', () => {
		const memory = new ReplayMemory();
		memory.accept('early', 0, fiveMinutes);
		memory.accept('late', 60_000, fiveMinutes);
		expect(memory.accept('other', fiveMinutes + futureSkewMs, fiveMinutes)).toBe(true);
		expect(memory.size).toBe(2);
		expect(memory.accept('late', fiveMinutes + futureSkewMs, fiveMinutes)).toBe(false);
	});
});
