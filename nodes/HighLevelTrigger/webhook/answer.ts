import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { Verdict } from '../delivery/verdict';
import { isRefusal } from '../verification/refusal';

/** One execution with the event as sent, or an answer of n8n's own and none: 401 with the reason, or 200. */
export function answer(context: IWebhookFunctions, verdict: Verdict): IWebhookResponseData {
	if ('start' in verdict) {
		return { workflowData: [context.helpers.returnJsonArray(verdict.start)] };
	}
	const response = context.getResponseObject();
	if (isRefusal(verdict)) {
		response.status(401).json({ message: `Refused: ${verdict.reason}` });
	} else {
		response.status(200).json({ message: `Received, nothing started: ${verdict.ignore}` });
	}
	return { noWebhookResponse: true };
}
