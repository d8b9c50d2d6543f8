/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * `n8n start` (editor and REST API) in its own process group, ready once /rest/settings answers JSON (while n8n starts
 * it answers 200 with an HTML "n8n is starting up" page), with the owner set up on first use or logged in after.
 */
import { mkdir } from 'fs/promises';
import { setTimeout as sleep } from 'timers/promises';

import { fmtMs } from '../duration';
import { freePort } from '../freePort';
import { start, tail } from '../processes';
import { n8nEnv, type Env } from './environment';
import type { N8nInstall } from './install';
import { signIn, type Owner } from './owner';

export interface RestAnswer {
	status: number;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- n8n's JSON, read by the callers
	json?: any;
}

export interface Editor {
	url: string;
	port: number;
	/** the n8n-auth cookie of the owner */
	cookie: string;
	/** a REST call as the owner */
	rest(method: string, path: string, body?: unknown): Promise<RestAnswer>;
	output(): string;
	stop(): Promise<string>;
}

export interface EditorOptions {
	owner: Owner;
	port?: number;
	env?: Env;
	timeoutMs?: number;
	log?: (message: string) => void;
}

export async function http(method: string, url: string, headers: Record<string, string> = {}, body?: unknown): Promise<RestAnswer> {
	const response = await fetch(url, {
		method,
		headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(60000),
	});
	const text = await response.text();
	const json = /json/.test(response.headers.get('content-type') ?? '') ? (JSON.parse(text) as unknown) : undefined;
	return { status: response.status, text, json };
}

/** Polls /rest/settings until it answers JSON; returns that JSON. */
async function waitForSettings(base: string, exited: () => boolean, timeoutMs: number): Promise<unknown> {
	const started = Date.now();
	for (;;) {
		if (exited()) throw new Error('n8n start exited before its REST API answered');
		if (Date.now() - started > timeoutMs) throw new Error(`${base}/rest/settings gave no JSON within ${fmtMs(timeoutMs)}`);
		const settings = await http('GET', `${base}/rest/settings`).catch(() => undefined);
		if (settings?.status === 200 && settings.json) return settings.json;
		await sleep(500);
	}
}

export async function startEditor(inst: N8nInstall, userFolder: string, options: EditorOptions): Promise<Editor> {
	const port = options.port ?? (await freePort());
	const url = `http://localhost:${port}`;
	const base = `http://127.0.0.1:${port}`;
	await mkdir(userFolder, { recursive: true });
	const env = await n8nEnv(inst, userFolder, {
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${url}/`,
		WEBHOOK_URL: `${url}/`,
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		...options.env,
	});
	const started = Date.now();
	const child = start(`n8n ${inst.version} start`, inst.nodeBin, [inst.n8nEntry, 'start'], { cwd: userFolder, env });
	const stop = async () => {
		await child.stop({ graceMs: 20000 });
		return child.output();
	};
	const signedIn = async () => {
		const settings = await waitForSettings(base, () => child.exit() !== undefined, options.timeoutMs ?? 180000);
		options.log?.(`n8n ${inst.version} editor ready at ${url} after ${fmtMs(Date.now() - started)}`);
		return await signIn(base, settings, options.owner, options.log);
	};
	const cookie = await signedIn().catch(async (error: Error) => {
		await stop();
		return new Error(`${error.message}\n--- n8n output (tail) ---\n${tail(child.output(), 40)}`);
	});
	if (cookie instanceof Error) throw cookie;
	const rest = async (method: string, path: string, body?: unknown) => await http(method, `${base}${path}`, { cookie, 'browser-id': 'n8n-tools' }, body);
	return { url, port, cookie, rest, output: () => child.output(), stop };
}
