/**
 * A trigger's webhook() run as n8n runs it when a request reaches its URL: n8n-core's WebhookContext over the node in
 * a workflow, the request as n8n hands it over (headers, parsed body and, where n8n kept them, the raw bytes) and a
 * response object that records what the node answered itself.
 */
import { WebhookContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INode, IWebhookData, IWebhookResponseData } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { buildWorkflow, stubbedAdditionalData } from './runWorkflow';
import { nodeTypes } from './nodeTypes';

export interface IncomingWebhook {
	headers: Record<string, string>;
	/** the bytes n8n kept (`req.rawBody`); leave out to see what the node does without them */
	rawBody?: Buffer;
	body?: unknown;
}

export interface WebhookCall {
	result: IWebhookResponseData;
	/** what the node answered through n8n's response object (noWebhookResponse), if anything */
	answered?: { status: number; body: unknown };
}

export async function callWebhook(node: INode, credentials: Record<string, ICredentialDataDecryptedObject>, request: IncomingWebhook): Promise<WebhookCall> {
	const workflow = buildWorkflow({ nodes: [node], connections: {} });
	const stored = workflow.getNode(node.name)!;
	let answered: WebhookCall['answered'];
	const response = {
		statusCode: 200,
		status(code: number) {
			this.statusCode = code;
			return this;
		},
		json(body: unknown) {
			answered = { status: this.statusCode, body };
			return this;
		},
	};
	const httpRequest = { params: {}, query: {}, body: request.body ?? {}, headers: request.headers, rawBody: request.rawBody };
	const additionalData = stubbedAdditionalData({ credentialsHelper: new TestCredentialsHelper({ ...credentials }), httpRequest, httpResponse: response } as never);
	const webhookData = { httpMethod: 'POST', node: stored.name, path: 'highlevel', webhookDescription: { name: 'default', httpMethod: 'POST', path: 'highlevel' }, workflowId: workflow.id, webhookId: stored.webhookId } as IWebhookData;
	const context = new WebhookContext(workflow, stored, additionalData, 'webhook', webhookData, [], null);
	const nodeType = nodeTypes.getByNameAndVersion(stored.type, stored.typeVersion);
	const result = await nodeType.webhook!.call(context);
	return { result, answered };
}
