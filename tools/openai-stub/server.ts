/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * A scripted OpenAI-compatible server on 127.0.0.1, for the OpenAI credential's Base URL (`<url>`, ending in /v1):
 * POST /v1/chat/completions answers as the script says; GET /v1/models (the editor's model list) lists one model.
 * Every request is recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

import { completion, scriptedReply, type AgentScript, type ChatRequest } from './chat';

export const STUB_MODEL = 'gpt-4o-mini';

export interface StubRequest {
	method: string;
	path: string;
	body?: unknown;
}

export interface OpenAiStub {
	/** The Base URL to put in n8n's OpenAI credential. */
	url: string;
	requests: StubRequest[];
	/** The chat requests, in order. */
	chats(): ChatRequest[];
	close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

function answerChat(res: ServerResponse, request: ChatRequest, script: AgentScript): void {
	// n8n's agent asks for whole answers; it streams only to a chat trigger, which these tests do not use
	if (request.stream) return sendJson(res, 400, { error: { message: 'The stub does not stream', type: 'invalid_request_error' } });
	sendJson(res, 200, completion(scriptedReply(request, script), request.model, Math.floor(Date.now() / 1000)));
}

/** Starts the stub; requests must carry `Authorization: Bearer <apiKey>`, as n8n sends the credential's API key. */
export async function startOpenAiStub(script: AgentScript, apiKey: string): Promise<OpenAiStub> {
	const requests: StubRequest[] = [];
	const server = createServer((req, res) => {
		void readJson(req)
			.then((body) => {
				const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
				requests.push({ method: req.method ?? 'GET', path, body });
				if (req.headers.authorization !== `Bearer ${apiKey}`) return sendJson(res, 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } });
				if (req.method === 'GET' && path === '/v1/models') return sendJson(res, 200, { object: 'list', data: [{ id: STUB_MODEL, object: 'model', created: 0, owned_by: 'stub' }] });
				if (req.method === 'POST' && path === '/v1/chat/completions') return answerChat(res, body as ChatRequest, script);
				sendJson(res, 404, { error: { message: `The stub does not serve ${req.method} ${path}`, type: 'invalid_request_error' } });
			})
			.catch((error: Error) => sendJson(res, 500, { error: { message: error.message, type: 'server_error' } }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		chats: () => requests.filter((request) => request.path === '/v1/chat/completions').map((request) => request.body as ChatRequest),
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
