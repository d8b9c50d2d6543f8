import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { Verdict } from '../delivery/verdict';
import { isRefusal } from '../verification/refusal';

/**
 * One execution with the event as sent, or an answer of n8n's own and none: 401 `Refused` or 200 `Received`. The
 * caller learns nothing more; the reason goes to n8n's log with the workflow and the node (a refusal, or a signed
 * delivery for someone else, as a warning).
 */
export function answer(context: IWebhookFunctions, verdict: Verdict): IWebhookResponseData {
	if ('start' in verdict) {
		return { workflowData: [context.helpers.returnJsonArray(verdict.start)] };
	}
	const where = { workflowId: context.getWorkflow().id, node: context.getNode().name };
	const about = `HighLevel Trigger "${where.node}" (workflow ${where.workflowId ?? 'unsaved'})`;
	const response = context.getResponseObject();
	if (isRefusal(verdict)) {
		context.logger.warn(`${about} refused a delivery (401): ${verdict.reason}`, where);
		response.status(401).json({ message: 'Refused' });
	} else {
		const log = verdict.notForUs ? context.logger.warn : context.logger.debug;
		log.call(context.logger, `${about} started nothing for a delivery (200): ${verdict.ignore}`, where);
		response.status(200).json({ message: 'Received' });
	}
	return { noWebhookResponse: true };
}
