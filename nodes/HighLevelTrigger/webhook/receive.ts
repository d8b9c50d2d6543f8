import type { IWebhookFunctions } from 'n8n-workflow';

import { judgeActionDelivery } from '../delivery/actionDelivery';
import { judgeAppDelivery } from '../delivery/appDelivery';
import { headerValue } from '../delivery/headers';
import { receivedBytes } from '../delivery/rawEvent';
import type { Verdict } from '../delivery/verdict';
import { senderCheck } from '../senders/acceptance';
import { isRefusal, Refusal } from '../verification/refusal';
import { replayMemoryFor } from '../verification/replayMemory';
import { signatureHeaderName } from '../verification/signatureHeader';
import { actionSecret, chosenEvents, maxAgeMs, sourceOf, verificationKey } from './settings';
import { triggerKey } from './triggerKey';

/** Judges the request n8n received for this trigger, from the bytes n8n kept of it. */
export async function receive(context: IWebhookFunctions): Promise<Verdict> {
	const request = context.getRequestObject();
	const raw = receivedBytes(request);
	if (isRefusal(raw)) {
		return raw;
	}
	if (sourceOf(context) === 'workflowAction') {
		const expected = await actionSecret(context);
		return judgeActionDelivery(raw, headerValue(request.headers, expected.headerName.toLowerCase()), expected);
	}
	const key = await verificationKey(context);
	if (isRefusal(key)) {
		return new Refusal(`Verification Key: ${key.reason}`);
	}
	const maxAge = maxAgeMs(context);
	if (isRefusal(maxAge)) {
		return maxAge;
	}
	const trigger = triggerKey(context);
	return await judgeAppDelivery(raw, headerValue(request.headers, signatureHeaderName), {
		key,
		events: chosenEvents(context),
		maxAgeMs: maxAge,
		memory: replayMemoryFor(trigger, context.getMode() === 'manual' ? 'test' : 'production'),
		nowMs: Date.now(),
		notForUs: senderCheck(context, trigger),
	});
}
