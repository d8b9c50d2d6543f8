// Drive a real n8n (from ensureN8n) through its CLI, headless, with the embedded SQLite database that lives in
// <userFolder>/.n8n/. Every helper spawns `<nodeBin> <n8nEntry> <command>` with cwd = userFolder and
// env = process.env + inst.baseEnv + N8N_USER_FOLDER (NODE_OPTIONS and NODE_ENV from the caller, e.g. jest,
// are dropped: n8n changes behaviour under NODE_ENV=test).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fmtMs, makeLog, run } from './util.mjs';

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** A 16-character id like the ones n8n generates for workflows and credentials. */
export function newId() {
	const bytes = randomBytes(16);
	let s = '';
	for (const b of bytes) s += ID_ALPHABET[b % ID_ALPHABET.length];
	return s;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolvePromise, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolvePromise(port));
		});
	});
}

/** The environment for one n8n process. */
export async function n8nEnv(inst, userFolder, extra = {}) {
	const env = { ...process.env };
	delete env.NODE_OPTIONS;
	delete env.NODE_ENV;
	for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
	Object.assign(env, inst.baseEnv, { N8N_USER_FOLDER: resolve(userFolder) });
	// n8n 2.x always starts a task broker (default port 5679); give each process its own port so that an editor
	// and executions, or parallel tests, never collide.
	if (inst.line === '2' && !extra.N8N_RUNNERS_BROKER_PORT) env.N8N_RUNNERS_BROKER_PORT = String(await freePort());
	Object.assign(env, extra);
	return env;
}

/**
 * Run `n8n <args...>` to completion.
 * @returns {Promise<{ code: number, stdout: string, stderr: string, durationMs: number }>}
 */
export async function runN8n(inst, userFolder, args, { env: extraEnv = {}, timeoutMs = 300000, allowFail = false } = {}) {
	await mkdir(userFolder, { recursive: true });
	const env = await n8nEnv(inst, userFolder, extraEnv);
	return run(inst.nodeBin, [inst.n8nEntry, ...args], { cwd: userFolder, env, timeoutMs, allowFail });
}

async function withTempJson(userFolder, data, fn) {
	const dir = join(resolve(userFolder), '.import');
	await mkdir(dir, { recursive: true, mode: 0o700 });
	const file = join(dir, `${newId()}.json`);
	await writeFile(file, JSON.stringify(data), { mode: 0o600 });
	try {
		return await fn(file);
	} finally {
		await rm(file, { force: true });
	}
}

function importFailed(what, r) {
	const tail = (s) => s.split('\n').filter((l) => l && !/^(Starting|Finished) migration|^Migrations in progress/.test(l)).slice(-15).join('\n');
	const err = new Error(`n8n ${what} failed (exit ${r.code}):\n${tail(r.stdout)}\n${tail(r.stderr)}`);
	err.result = r;
	return err;
}

/**
 * Import credentials. Each entry: { id?, name, type, data: { ...plain fields } } — `data` as a plain object is
 * encrypted by n8n with the user folder's key on import (an already encrypted string is stored as is).
 * Ids are generated when missing.
 * @returns {Promise<string[]>} the credential ids, in order
 */
export async function importCredentials(inst, userFolder, credentialsArray) {
	if (!Array.isArray(credentialsArray)) credentialsArray = [credentialsArray];
	const now = new Date().toISOString();
	const creds = credentialsArray.map((c) => {
		if (!c?.name || !c?.type || c.data === undefined) throw new Error('a credential needs name, type and data');
		return { createdAt: now, updatedAt: now, ...c, id: c.id ?? newId() };
	});
	const r = await withTempJson(userFolder, creds, (file) =>
		runN8n(inst, userFolder, ['import:credentials', `--input=${file}`], { allowFail: true }),
	);
	// n8n exits 1 on a bad file; the success line is checked as well
	if (r.code !== 0 || !/Successfully imported \d+ credential/.test(r.stdout + r.stderr)) throw importFailed('import:credentials', r);
	return creds.map((c) => c.id);
}

/**
 * Import one workflow (n8n's export format: { name, nodes, connections, settings?, id? }).
 * @returns {Promise<string>} the workflow id (generated when missing)
 */
export async function importWorkflow(inst, userFolder, workflowJson) {
	const wf = {
		name: 'Imported workflow',
		active: false,
		settings: {},
		pinData: {},
		...workflowJson,
	};
	wf.id = workflowJson.id ?? newId();
	const r = await withTempJson(userFolder, wf, (file) =>
		runN8n(inst, userFolder, ['import:workflow', `--input=${file}`], { allowFail: true }),
	);
	if (r.code !== 0 || !/Successfully imported \d+ workflow/.test(r.stdout + r.stderr)) throw importFailed('import:workflow', r);
	return wf.id;
}

/**
 * `n8n execute --id=ID --rawOutput` prints the execution (IRun) as pretty-printed JSON (2-space indent) on stdout:
 * on success it is the only thing printed after n8n's own log lines; on failure it comes after
 * "Execution was NOT successful ... ====" lines and the exit code is 1. This finds the top-level JSON object
 * (a line "{" ... the next line "}") that is an execution.
 * @returns {object|null}
 */
export function parseExecuteOutput(stdout) {
	const lines = stdout.split(/\r?\n/);
	let found = null;
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		for (let j = i + 1; j < lines.length; j++) {
			if (lines[j] !== '}') continue;
			try {
				const obj = JSON.parse(lines.slice(i, j + 1).join('\n'));
				if (obj && typeof obj === 'object' && obj.data?.resultData) found = obj;
			} catch {
				/* not this one */
			}
			i = j;
			break;
		}
	}
	return found;
}

/** json of the items a node output in a run: items(run, 'Set') → [{...}, ...] */
export function nodeItems(runData, nodeName, { output = 0, runIndex } = {}) {
	const runs = runData?.[nodeName];
	if (!runs?.length) return undefined;
	const r = runs[runIndex ?? runs.length - 1];
	return (r?.data?.main?.[output] ?? []).map((it) => it.json);
}

/**
 * Execute a stored workflow headless (it must start with a trigger that `execute` accepts, e.g. Manual Trigger).
 * @returns {Promise<{ ok: boolean, status?: string, runData: object|undefined, run: object|null,
 *   error: object|undefined, lastNodeExecuted?: string, items: (nodeName: string, opts?) => object[]|undefined,
 *   stdout: string, stderr: string, exitCode: number, durationMs: number }>}
 *   runData is run.data.resultData.runData: { [nodeName]: [{ data: { main: [[{ json, pairedItem }]] }, executionStatus, error? }] }
 */
export async function executeWorkflow(inst, userFolder, id, { timeoutMs = 300000, env } = {}) {
	const r = await runN8n(inst, userFolder, ['execute', `--id=${id}`, '--rawOutput'], { allowFail: true, timeoutMs, env });
	const parsed = parseExecuteOutput(r.stdout);
	const resultData = parsed?.data?.resultData;
	const error = resultData?.error;
	const ok = r.code === 0 && !!parsed && !error && (parsed.status ? parsed.status === 'success' : parsed.finished === true);
	return {
		ok,
		status: parsed?.status,
		runData: resultData?.runData,
		run: parsed,
		error,
		lastNodeExecuted: resultData?.lastNodeExecuted,
		items: (nodeName, opts) => nodeItems(resultData?.runData, nodeName, opts),
		stdout: r.stdout,
		stderr: r.stderr,
		exitCode: r.code,
		durationMs: r.durationMs,
	};
}

async function httpGet(url, timeoutMs = 3000) {
	const ac = new AbortController();
	const t = setTimeout(() => ac.abort(), timeoutMs);
	try {
		const res = await fetch(url, { signal: ac.signal });
		const text = await res.text();
		return { status: res.status, text, json: /json/.test(res.headers.get('content-type') ?? '') };
	} finally {
		clearTimeout(t);
	}
}

const liveEditors = new Set();
process.on('exit', () => {
	for (const child of liveEditors) {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}
});

/**
 * Start `n8n start` (editor + REST API) and wait until it answers.
 * @param {{ port?: number, listenAddress?: string, timeoutMs?: number, log?: (m: string) => void,
 *   env?: Record<string,string>, owner?: { email: string, password: string, firstName?: string, lastName?: string } }} [opts]
 *   owner: if given and the instance has no owner yet, it is created through POST /rest/owner/setup (else logged in);
 *   `cookie` is then the `n8n-auth=...` Cookie header value for authenticated REST calls.
 * @returns {Promise<{ url: string, port: number, pid: number, cookie?: string, output: () => string,
 *   stop: () => Promise<void> }>}
 */
export async function startEditor(inst, userFolder, opts = {}) {
	const log = makeLog(opts.log);
	const port = opts.port ?? (await freePort());
	const listenAddress = opts.listenAddress ?? '127.0.0.1';
	const url = `http://localhost:${port}`;
	await mkdir(userFolder, { recursive: true });
	const env = await n8nEnv(inst, userFolder, {
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: listenAddress,
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${url}/`,
		WEBHOOK_URL: `${url}/`,
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		...(opts.env ?? {}),
	});
	const t0 = Date.now();
	// own process group, so that stop() also ends n8n's task-runner children
	const child = spawn(inst.nodeBin, [inst.n8nEntry, 'start'], { cwd: userFolder, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	liveEditors.add(child);
	let output = '';
	const keep = (d) => {
		output += d;
		if (output.length > 4 * 1024 * 1024) output = output.slice(-2 * 1024 * 1024);
	};
	child.stdout.setEncoding('utf8').on('data', keep);
	child.stderr.setEncoding('utf8').on('data', keep);
	let exited = null;
	const exitPromise = new Promise((r) => child.on('exit', (code, signal) => {
		exited = { code, signal };
		liveEditors.delete(child);
		r();
	}));

	const stop = async () => {
		if (exited) return;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			/* gone */
		}
		const killer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}, 20000);
		await exitPromise;
		clearTimeout(killer);
		try {
			process.kill(-child.pid, 'SIGKILL'); // leftovers of the group, if any
		} catch {
			/* gone */
		}
	};

	const timeoutMs = opts.timeoutMs ?? 180000;
	const base = `http://127.0.0.1:${port}`;
	let cookie;
	try {
		let healthy = false;
		for (;;) {
			if (exited) throw new Error(`n8n start exited early (${exited.code ?? exited.signal})`);
			if (Date.now() - t0 > timeoutMs) throw new Error(`n8n did not answer on ${base} within ${fmtMs(timeoutMs)}`);
			try {
				if (!healthy) healthy = (await httpGet(`${base}/healthz`)).status === 200;
				// /healthz answers early; /rest/settings only once the app is fully up
				// while starting, /rest/settings answers 200 with an HTML "n8n is starting up" page: wait for JSON
				const settings = healthy ? await httpGet(`${base}/rest/settings`) : undefined;
				if (settings?.status === 200 && settings.json) break;
			} catch {
				/* not listening yet */
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		log(`n8n ${inst.version} editor ready at ${url} after ${fmtMs(Date.now() - t0)}`);
		if (opts.owner) cookie = await setupOwner(base, opts.owner, log);
	} catch (e) {
		await stop();
		const tail = output.split('\n').slice(-40).join('\n');
		e.message += `\n--- n8n output (tail) ---\n${tail}`;
		throw e;
	}
	return { url, port, pid: child.pid, cookie, output: () => output, stop };
}

function authCookieFrom(res) {
	const all = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [res.headers.get('set-cookie') ?? ''];
	const c = all.map((x) => x.split(';')[0]).find((x) => x.startsWith('n8n-auth='));
	return c;
}

/**
 * Log in to a running editor; returns the Cookie header value (`n8n-auth=...`) for REST calls.
 * @param {string} url e.g. editor.url
 */
export async function login(url, { email, password }) {
	const res = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	if (res.status !== 200) throw new Error(`login failed: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
	const cookie = authCookieFrom(res);
	if (!cookie) throw new Error('login answered 200 without an n8n-auth cookie');
	return cookie;
}

async function setupOwner(base, owner, log) {
	const settings = JSON.parse((await httpGet(`${base}/rest/settings`)).text);
	const showSetup = settings?.data?.userManagement?.showSetupOnFirstLoad;
	if (showSetup === false) {
		log('owner already set up; logging in');
		return login(base, owner);
	}
	const res = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ firstName: 'Demo', lastName: 'User', ...owner }),
	});
	if (res.status !== 200) throw new Error(`owner setup failed: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
	log(`owner ${owner.email} set up`);
	return authCookieFrom(res) ?? login(base, owner);
}
