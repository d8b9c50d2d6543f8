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
	headers: Record<string, string | string[]>;
	/** the bytes n8n kept (`req.rawBody`); leave out to see what the node does without them */
	rawBody?: Buffer;
	body?: unknown;
	/** 'manual' is a delivery to the Test URL while the editor listens; default 'webhook' (the Production URL) */
	mode?: 'webhook' | 'manual';
}

export interface WebhookCall {
	result: IWebhookResponseData;
	/** what the node answered through n8n's response object (noWebhookResponse), if anything */
	answered?: { status: number; body: unknown };
	/** what the node wrote to n8n's log, by level */
	logged: Array<{ level: string; message: string; meta?: unknown }>;
}

export async function callWebhook(node: INode, credentials: Record<string, ICredentialDataDecryptedObject>, request: IncomingWebhook, workflowId = 'test'): Promise<WebhookCall> {
	const workflow = buildWorkflow({ nodes: [node], connections: {} });
	workflow.id = workflowId;
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
	const context = new WebhookContext(workflow, stored, additionalData, request.mode ?? 'webhook', webhookData, [], null);
	const logged: WebhookCall['logged'] = [];
	const record = (level: string) => (message: string, meta?: unknown) => logged.push({ level, message, meta });
	const logger = { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
	Object.defineProperty(context, 'logger', { value: logger });
	const nodeType = nodeTypes.getByNameAndVersion(stored.type, stored.typeVersion);
	const result = await nodeType.webhook!.call(context);
	return { result, answered, logged };
}
