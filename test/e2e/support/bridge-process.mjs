// The e2e tests' helper process. Jest (with ts-jest) runs the tests as CommonJS inside its own module sandbox,
// where the ESM helpers in scripts/n8n/ and scripts/lib/ cannot be imported without Node's experimental
// --experimental-vm-modules flag. So the tests fork this plain Node ESM process and call it over the IPC channel:
//   → { id, op, args }   ← { id, ok: true, value } | { id, ok: false, error }
// It also owns every long-lived process the tests start (sandboxes, n8n editors, a recording HTTP server) and
// stops them all when the tests close the channel, or when the test process dies (the channel then closes too).
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

import { ensureN8n } from '../../../scripts/n8n/install.mjs';
import { prepareUserFolder } from '../../../scripts/n8n/user-folder.mjs';
import { executeWorkflow, login, newId, runN8n, startEditor } from '../../../scripts/n8n/cli.mjs';
import { packPackage } from '../../../scripts/lib/package-tarball.mjs';
import { startSandboxProcess } from '../../../scripts/lib/sandbox-process.mjs';

const log = (msg) => process.stderr.write(`[e2e] ${msg}\n`);

const handles = new Map(); // handle id -> { kind, stop(), ... }
let nextHandle = 1;
function keep(kind, obj) {
	const handle = `${kind}-${nextHandle++}`;
	handles.set(handle, { kind, ...obj });
	return handle;
}
function take(handle) {
	const h = handles.get(handle);
	if (!h) throw new Error(`unknown handle ${handle}`);
	return h;
}
async function stopHandle(handle) {
	const h = handles.get(handle);
	if (!h) return;
	handles.delete(handle);
	await h.stop();
}
async function stopAll() {
	await Promise.allSettled([...handles.keys()].map((h) => stopHandle(h)));
}

/** Writes a JSON file n8n can import (mode 0600, deleted afterwards) and runs `n8n <command> --input=FILE`. */
async function importFile(inst, userFolder, command, data, expect) {
	const dir = join(resolve(userFolder), '.import');
	await mkdir(dir, { recursive: true, mode: 0o700 });
	const file = join(dir, `${newId()}.json`);
	await writeFile(file, JSON.stringify(data), { mode: 0o600 });
	try {
		const r = await runN8n(inst, userFolder, [command, `--input=${file}`], { allowFail: true });
		if (r.code !== 0 || !expect.test(r.stdout + r.stderr)) {
			const tail = (s) => s.split('\n').filter((l) => l && !/migration/i.test(l)).slice(-15).join('\n');
			throw new Error(`n8n ${command} failed (exit ${r.code}):\n${tail(r.stdout)}\n${tail(r.stderr)}`);
		}
		return { command, stdout: r.stdout, stderr: r.stderr, durationMs: r.durationMs };
	} finally {
		await rm(file, { force: true });
	}
}

async function walk(dir, out = []) {
	let entries;
	try {
		entries = await readdir(dir, { withFileTypes: true });
	} catch {
		return out;
	}
	for (const e of entries) {
		const p = join(dir, e.name);
		if (e.isDirectory()) await walk(p, out);
		else if (e.isFile()) out.push(p);
	}
	return out;
}

const ops = {
	ping: () => 'pong',

	pack: async () => packPackage({ log }),

	ensureN8n: async (line, cacheDir) => ensureN8n(line, { cacheDir: cacheDir || undefined, log: (m) => log(`line ${line}: ${m}`) }),

	prepareUserFolder: async (inst, userFolder, packageTarball) => {
		const r = await prepareUserFolder(inst, userFolder, { packageTarball, log: (m) => log(`line ${inst.line}: ${m}`) });
		return {
			userFolder: r.userFolder,
			reinstalled: r.reinstalled,
			package: r.package && {
				name: r.package.name,
				version: r.package.version,
				dir: r.package.dir,
				nodeTypes: r.package.nodes.map((n) => n.type),
				credentialTypes: r.package.credentials.map((c) => c.name),
			},
		};
	},

	/** Imports credentials (array of { id?, name, type, data }) and workflows (array) with one n8n process each. */
	importAll: async (inst, userFolder, { credentials = [], workflows = [] }) => {
		const now = new Date().toISOString();
		const creds = credentials.map((c) => ({ createdAt: now, updatedAt: now, ...c, id: c.id ?? newId() }));
		const wfs = workflows.map((w) => ({ active: false, settings: {}, pinData: {}, ...w, id: w.id ?? newId() }));
		const outputs = [];
		if (creds.length) outputs.push(await importFile(inst, userFolder, 'import:credentials', creds, /Successfully imported \d+ credential/));
		if (wfs.length) outputs.push(await importFile(inst, userFolder, 'import:workflow', wfs, /Successfully imported \d+ workflow/));
		return { credentialIds: creds.map((c) => c.id), workflowIds: wfs.map((w) => w.id), outputs };
	},

	execute: async (inst, userFolder, workflowId) => {
		const r = await executeWorkflow(inst, userFolder, workflowId, { timeoutMs: 180000 });
		return {
			ok: r.ok,
			status: r.status,
			runData: r.runData,
			error: r.error,
			lastNodeExecuted: r.lastNodeExecuted,
			stdout: r.stdout,
			stderr: r.stderr,
			exitCode: r.exitCode,
			durationMs: r.durationMs,
		};
	},

	startSandbox: async (args = []) => {
		const sb = await startSandboxProcess({ port: 0, args });
		return { handle: keep('sandbox', { stop: sb.stop, output: sb.output }), url: sb.url };
	},

	/**
	 * `n8n start`, then the owner (set up on first use, else logged in). startEditor's own readiness check accepts the
	 * first 200 from /rest/settings, but n8n 1.x answers 200 "n8n is starting up. Please wait" (text/html) while it
	 * starts; so this waits for a JSON answer before talking to the REST API.
	 */
	startEditor: async (inst, userFolder, owner) => {
		const ed = await startEditor(inst, userFolder, { log: (m) => log(`line ${inst.line}: ${m}`) });
		const handle = keep('editor', { stop: ed.stop, output: ed.output });
		const base = `http://127.0.0.1:${ed.port}`;
		const t0 = Date.now();
		let settings;
		while (!settings) {
			if (Date.now() - t0 > 180000) throw new Error(`${base}/rest/settings gave no JSON within 3 min`);
			try {
				const res = await fetch(`${base}/rest/settings`, { signal: AbortSignal.timeout(5000) });
				if (res.status === 200 && /json/.test(res.headers.get('content-type') ?? '')) settings = await res.json();
			} catch {
				/* not yet */
			}
			if (!settings) await new Promise((r) => setTimeout(r, 500));
		}
		if (Date.now() - t0 > 1000) log(`line ${inst.line}: the REST API answered JSON ${Date.now() - t0} ms after startEditor returned`);
		let cookie;
		if (settings?.data?.userManagement?.showSetupOnFirstLoad === false) {
			cookie = await login(base, owner);
		} else {
			const res = await fetch(`${base}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(owner),
			});
			if (res.status !== 200) throw new Error(`owner setup: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
			const set = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
			cookie = set ?? (await login(base, owner));
		}
		return { handle, url: ed.url, cookie };
	},

	/** A loopback HTTP server that records what reaches it; its url names 0.0.0.0, which the node must refuse. */
	startRecorder: async () => {
		const requests = [];
		const srv = createServer((req, res) => {
			requests.push({ method: req.method, url: req.url, headers: req.headers });
			res.setHeader('content-type', 'application/json');
			res.end('{"groups":[]}');
		});
		await new Promise((r) => srv.listen(0, '127.0.0.1', r));
		const stop = () => new Promise((r) => srv.close(() => r()));
		const handle = keep('recorder', { stop, requests });
		// Linux delivers a connection to 0.0.0.0 to this machine's own listeners, so a request the node wrongly sent
		// to this plain-http, not-loopback-named address would land here and never leave the machine.
		return { handle, url: `http://0.0.0.0:${srv.address().port}` };
	},

	recordedRequests: (handle) => take(handle).requests,

	output: (handle) => take(handle).output(),

	/** Stops a process or server; returns its output (editor, sandbox) when it has one. */
	stop: async (handle) => {
		const h = handles.get(handle);
		if (!h) return '';
		await stopHandle(handle);
		return h.output ? h.output() : '';
	},

	stopAll,

	http: async ({ method = 'GET', url, headers = {}, body }) => {
		const res = await fetch(url, {
			method,
			headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60000),
		});
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			/* not JSON */
		}
		return { status: res.status, text, json };
	},

	/** Read-only SQL on <userFolder>/.n8n/database.sqlite, with the sqlite3 module of that n8n install. */
	dbQuery: async (inst, userFolder, sql) => {
		const requireFromN8n = createRequire(join(inst.dir, 'node_modules', 'n8n', 'package.json'));
		const sqlite3 = requireFromN8n('sqlite3');
		const file = join(resolve(userFolder), '.n8n', 'database.sqlite');
		const db = await new Promise((res, rej) => {
			const d = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? rej(err) : res(d)));
		});
		try {
			return await new Promise((res, rej) => db.all(sql, (err, rows) => (err ? rej(err) : res(rows))));
		} finally {
			await new Promise((res) => db.close(() => res()));
		}
	},

	/** Every file under dir (recursively, minus the excluded top-level names) that contains one of the needles. */
	scanFiles: async (dir, needles, exclude = []) => {
		const files = (await walk(dir)).filter((f) => !exclude.some((x) => relative(dir, f).split('/')[0] === x));
		const hits = [];
		let bytes = 0;
		for (const f of files) {
			const buf = await readFile(f);
			bytes += buf.length;
			for (const n of needles) if (buf.includes(Buffer.from(n, 'utf8'))) hits.push({ file: relative(dir, f), needle: n });
		}
		return { files: files.map((f) => relative(dir, f)), bytes, hits };
	},

	/** Removes run-<pid>-<time> folders left by runs whose process is gone (killed before their cleanup). */
	removeStaleRuns: async (parentDir) => {
		const removed = [];
		for (const name of await readdir(parentDir).catch(() => [])) {
			const pid = Number(/^run-(\d+)-\d+$/.exec(name)?.[1]);
			if (!pid || pid === process.ppid) continue;
			let alive = true;
			try {
				process.kill(pid, 0);
			} catch (e) {
				alive = e.code === 'EPERM';
			}
			if (!alive) {
				await rm(join(parentDir, name), { recursive: true, force: true });
				removed.push(name);
			}
		}
		return removed;
	},

	exists: async (p) => stat(p).then(() => true, () => false),

	rm: async (p) => rm(p, { recursive: true, force: true }),

	mkdir: async (p) => mkdir(p, { recursive: true }),

	log: (msg) => log(msg),
};

process.on('message', async (msg) => {
	const { id, op, args = [] } = msg ?? {};
	try {
		if (!ops[op]) throw new Error(`unknown op ${op}`);
		const value = await ops[op](...args);
		process.send?.({ id, ok: true, value: value === undefined ? null : value });
	} catch (e) {
		process.send?.({ id, ok: false, error: { message: String(e?.message ?? e), stack: e?.stack } });
	}
});

let closing = false;
async function shutdown(code) {
	if (closing) return;
	closing = true;
	await stopAll();
	process.exit(code);
}
// The test process closed the channel (normal end) or died: stop everything this process started.
process.on('disconnect', () => shutdown(0));
process.on('SIGTERM', () => shutdown(143));
process.on('SIGINT', () => shutdown(130));
process.send?.({ id: 0, ok: true, value: 'ready' });
