import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/** Names one trigger (workflow and node) for its replay memory. */
export function triggerKey(context: Pick<IWebhookFunctions | IHookFunctions, 'getWorkflow' | 'getNode'>): string {
	return `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
}
