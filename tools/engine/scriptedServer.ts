/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { RecordedRequest } from '../contract/openapi';

export interface ScriptedAnswer {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Destroy the connection instead of answering. */
	reset?: boolean;
	/** Answer this much later. */
	delayMs?: number;
}

export type Script = (request: RecordedRequest, index: number) => ScriptedAnswer;

export interface ScriptedServer {
	url: string;
	requests: RecordedRequest[];
	/** each request's body as the bytes' UTF-8 text, in the order of `requests` */
	rawBodies: string[];
	close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<{ text: string; body: unknown }> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	return { text, body: text === '' ? undefined : JSON.parse(text) };
}

function record(req: IncomingMessage, body: unknown): RecordedRequest {
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) headers[name] = String(value);
	return {
		method: req.method ?? 'GET',
		path: url.pathname,
		query: Object.fromEntries(url.searchParams),
		headers,
		body,
	};
}

/** A loopback HTTP server that records every request and answers as the test scripts it. */
export async function startScriptedServer(script: Script): Promise<ScriptedServer> {
	const requests: RecordedRequest[] = [];
	const rawBodies: string[] = [];
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		void readBody(req).then(({ text, body }) => {
			const recorded = record(req, body);
			requests.push(recorded);
			rawBodies.push(text);
			const answer = script(recorded, requests.length - 1);
			setTimeout(() => {
				if (answer.reset) {
					req.socket.destroy();
					return;
				}
				res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
				res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
			}, answer.delayMs ?? 0);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		rawBodies,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
