import type { IDataObject } from 'n8n-workflow';
import type { KeyObject } from 'crypto';

import { signatureMatches } from '../verification/ed25519';
import { checkTimestamp } from '../verification/freshness';
import { isRefusal, Refusal } from '../verification/refusal';
import type { ReplayMemory } from '../verification/replayMemory';
import { readSignature } from '../verification/signatureHeader';
import { anyEvent } from '../description/events';
import { parseEvent } from './rawEvent';
import type { Verdict } from './verdict';

export interface AppDeliveryRules {
	key: KeyObject;
	events: string[];
	maxAgeMs: number;
	memory: ReplayMemory;
	nowMs: number;
	/** Why a signed event is not for this user (Accept Events For), or undefined when it is. */
	notForUs: (event: IDataObject) => Promise<string | undefined>;
}

/**
 * A marketplace app's delivery: the signature over the exact bytes first, then the timestamp window, then the
 * chosen events, then whose it is, then the `webhookId` seen before. Only a delivery that passes all starts.
 */
export async function judgeAppDelivery(
	raw: Buffer,
	signatureHeader: string | undefined,
	rules: AppDeliveryRules,
): Promise<Verdict> {
	const signature = readSignature(signatureHeader);
	if (isRefusal(signature)) {
		return signature;
	}
	if (!signatureMatches(raw, signature, rules.key)) {
		return new Refusal('X-GHL-Signature does not match the body');
	}
	const event = parseEvent(raw);
	if (isRefusal(event)) {
		return event;
	}
	const sentMs = checkTimestamp(event.timestamp, rules.nowMs, rules.maxAgeMs);
	if (isRefusal(sentMs)) {
		return sentMs;
	}
	if (!rules.events.includes(anyEvent) && !rules.events.includes(String(event.type))) {
		return { ignore: 'event not chosen' };
	}
	if (typeof event.webhookId !== 'string' || event.webhookId === '') {
		return new Refusal('webhookId missing');
	}
	const notForUs = await rules.notForUs(event);
	if (notForUs !== undefined) {
		return { ignore: notForUs, notForUs: true };
	}
	if (!rules.memory.accept(event.webhookId, rules.nowMs, rules.maxAgeMs)) {
		return { ignore: 'webhookId already received' };
	}
	return { start: event };
}
