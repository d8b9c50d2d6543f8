#!/usr/bin/env node
// `npm run test:queue`: the packed package in real n8n queue mode (a main, Redis, PostgreSQL, N workers) running
// several bulk Create workflows at once against ONE HighLevel sandbox location, then checks and a report.
// See scripts/queue/README.md. Exit 0 when every check passes, 1 when one fails, 2 when the run itself broke.
//
//   node scripts/queue/run.mjs [--line 1|2] [--workflows 4] [--items 150] [--workers 2] [--concurrency 2]
//     [--max 100] [--interval 1000] [--latency 50] [--max-retries N] [--max-in-flight N] [--timeout 600]
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

import { ensureN8n } from '../n8n/install.mjs';
import { prepareUserFolder } from '../n8n/user-folder.mjs';
import { importCredentials, n8nEnv, newId, runN8n, startEditor } from '../n8n/cli.mjs';
import { DEFAULT_CACHE_DIR, REPO_ROOT, fmtMs, withLock } from '../n8n/util.mjs';
import { packPackage } from '../lib/package-tarball.mjs';
import { ensureServices, killAllChildrenNow, killLeftovers, spawnService, startPostgres, startRedis } from './services.mjs';
import { bulkWorkflow, duplicates, itemName, summariseRun, table } from './workload.mjs';

const LOCATION = 'sandboxLocation0001';
const TOKEN = 'pit-sandbox-0000-demo';
const OWNER = { email: 'queue-test@example.com', password: 'Queue-Test-Passw0rd' };
const QUEUE_DIR = join(DEFAULT_CACHE_DIR, 'queue');
const RUN_DIR = join(QUEUE_DIR, 'run');

function parseArgs(argv) {
	const o = { line: '2', workflows: 4, items: 150, workers: 2, concurrency: 2, max: 100, interval: 1000, latency: 50, timeout: 600 };
	const numeric = new Set(['workflows', 'items', 'workers', 'concurrency', 'max', 'interval', 'latency', 'timeout', 'max-retries', 'max-in-flight']);
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=');
		const name = flag.replace(/^--/, '');
		if (!flag.startsWith('--') || !(name === 'line' || numeric.has(name))) throw new Error(`unknown argument ${argv[i]}`);
		const raw = inline ?? argv[++i];
		if (name === 'line') {
			if (raw !== '1' && raw !== '2') throw new Error('--line is 1 or 2');
			o.line = raw;
		} else {
			const v = Number(raw);
			if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} needs a whole number (got ${raw})`);
			o[name] = v;
		}
	}
	if (o.workflows < 1 || o.items < 1 || o.workers < 1 || o.concurrency < 1) throw new Error('workflows, items, workers, concurrency must be >= 1');
	return o;
}

const T0 = Date.now();
const log = (m) => process.stdout.write(`[queue +${((Date.now() - T0) / 1000).toFixed(1)}s] ${m}\n`);

/** The HighLevel sandbox, in this process (so that its request counters can be read): tools/sandbox/server.ts via tsx. */
function loadSandboxModule() {
	const req = createRequire(join(REPO_ROOT, 'package.json'));
	req('tsx/cjs/api').register();
	return req(join(REPO_ROOT, 'tools', 'sandbox', 'server.ts'));
}

async function importWorkflows(inst, userFolder, workflows) {
	const withIds = workflows.map((wf) => ({ active: false, pinData: {}, ...wf, id: newId() }));
	const dir = join(userFolder, '.import');
	await mkdir(dir, { recursive: true, mode: 0o700 });
	const file = join(dir, `workflows-${newId()}.json`);
	await writeFile(file, JSON.stringify(withIds), { mode: 0o600 });
	try {
		const r = await runN8n(inst, userFolder, ['import:workflow', `--input=${file}`], { allowFail: true });
		if (r.code !== 0 || !/Successfully imported \d+ workflow/.test(r.stdout + r.stderr)) {
			throw new Error(`n8n import:workflow failed (${r.code}):\n${(r.stdout + r.stderr).split('\n').slice(-20).join('\n')}`);
		}
	} finally {
		await rm(file, { force: true });
	}
	return withIds.map((wf) => wf.id);
}

async function rest(editor, method, path, body) {
	const res = await fetch(`http://127.0.0.1:${editor.port}${path}`, {
		method,
		headers: { cookie: editor.cookie, 'content-type': 'application/json', 'browser-id': 'queue-test' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 400)}`);
	return JSON.parse(text);
}

/** POST the webhook; retried while n8n has not registered it yet (404). */
async function trigger(url, deadline) {
	for (;;) {
		const started = Date.now();
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		const text = await res.text();
		if (res.ok) return { at: started, answeredMs: Date.now() - started, status: res.status };
		if (res.status !== 404 || Date.now() > deadline) throw new Error(`POST ${url}: HTTP ${res.status} ${text.slice(0, 300)}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

const FINAL = new Set(['success', 'error', 'crashed', 'canceled']);

async function main(opts) {
	const stops = []; // run in reverse order
	const checks = [];
	const check = (name, ok, detail) => checks.push({ name, ok: !!ok, detail });
	let exitCode = 2;
	let cleaning = false;
	const cleanup = async () => {
		if (cleaning) return;
		cleaning = true;
		const t = Date.now();
		for (const { name, fn } of stops.reverse()) {
			try {
				await fn();
			} catch (e) {
				log(`stopping ${name}: ${e.message}`);
			}
		}
		killAllChildrenNow();
		log(`stopped everything in ${fmtMs(Date.now() - t)}; data and logs left in ${RUN_DIR}`);
	};
	for (const sig of ['SIGINT', 'SIGTERM']) {
		process.once(sig, () => {
			log(`${sig}: stopping`);
			cleanup().finally(() => process.exit(130));
		});
	}
	process.on('exit', killAllChildrenNow);

	try {
		log(`n8n line ${opts.line}, ${opts.workflows} workflows × ${opts.items} items, ${opts.workers} workers (concurrency ${opts.concurrency}), ` +
			`sandbox limit ${opts.max} per ${opts.interval} ms, latency ${opts.latency} ms`);
		await killLeftovers(RUN_DIR, log);
		await rm(RUN_DIR, { recursive: true, force: true });
		await mkdir(join(RUN_DIR, 'logs'), { recursive: true });

		// 1-2: services installed, n8n installed, package packed (the installs and the build at once)
		const [svc, inst, tarballBuilt] = await Promise.all([
			ensureServices({ log }),
			ensureN8n(opts.line, { log }),
			packPackage({ log }),
		]);
		// packPackage's folder is shared with other scripts: keep our own copy
		const tarball = join(RUN_DIR, basename(tarballBuilt));
		await cp(tarballBuilt, tarball);
		log(`n8n ${inst.version} on Node ${inst.nodeVersion}; package ${basename(tarball)}`);

		const n8nRequire = join(inst.dir, 'node_modules', 'n8n', 'package.json');
		const redis = await startRedis({ redisServer: svc.redisServer, dir: join(RUN_DIR, 'redis'), log });
		stops.push({ name: 'redis', fn: redis.stop });
		const pg = await startPostgres({ pgBin: svc.pgBin, runDir: RUN_DIR, log, requireFrom: n8nRequire });
		stops.push({ name: 'postgres', fn: pg.stop });

		const { startSandbox } = loadSandboxModule();
		const sandbox = await startSandbox({ latencyMs: opts.latency, rateLimit: { max: opts.max, intervalMs: opts.interval } });
		stops.push({ name: 'sandbox', fn: () => sandbox.close() });
		log(`HighLevel sandbox at ${sandbox.url} (${opts.max} requests per ${opts.interval} ms per location, ${opts.latency} ms latency)`);

		// 3: one user folder per n8n process, the package installed in each; one encryption key for all
		const folders = { main: join(RUN_DIR, 'main') };
		for (let k = 1; k <= opts.workers; k++) folders[`worker${k}`] = join(RUN_DIR, `worker${k}`);
		const prepared = await Promise.all(Object.values(folders).map((f) => prepareUserFolder(inst, f, { packageTarball: tarball, log: () => {} })));
		const node = prepared[0].package.nodes.find((n) => n.name === 'highLevelCalendarGroup');
		if (!node) throw new Error('highLevelCalendarGroup not found in the package');
		log(`package installed in ${prepared.length} user folders (main + ${opts.workers} workers); node type ${node.type}`);

		const shared = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: pg.host,
			DB_POSTGRESDB_PORT: String(pg.port),
			DB_POSTGRESDB_DATABASE: pg.database,
			DB_POSTGRESDB_USER: pg.user,
			DB_POSTGRESDB_PASSWORD: pg.password,
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			N8N_LOG_LEVEL: 'info',
		};
		// every helper of scripts/n8n reads inst.baseEnv: the same inst with the queue/Postgres settings on top
		const qinst = { ...inst, baseEnv: { ...inst.baseEnv, ...shared } };

		// 4: credential and workflows into the shared database (the first command runs n8n's migrations)
		let t = Date.now();
		const credential = { name: 'HighLevel sandbox', type: 'highLevelCalendarsApi' };
		[credential.id] = await importCredentials(qinst, folders.main, [
			{ ...credential, data: { accessToken: TOKEN, locationId: LOCATION, baseUrl: sandbox.url } },
		]);
		log(`credential imported, database migrated (${fmtMs(Date.now() - t)})`);
		const nodeOptions = {};
		if (opts['max-retries'] !== undefined) nodeOptions.maxRetries = opts['max-retries'];
		if (opts['max-in-flight'] !== undefined) nodeOptions.maxInFlight = opts['max-in-flight'];
		const runTag = newId().slice(0, 6).toLowerCase();
		const specs = Array.from({ length: opts.workflows }, (_, i) => ({ w: i + 1, webhookPath: `queue-bulk-${runTag}-${i + 1}` }));
		t = Date.now();
		const workflowIds = await importWorkflows(qinst, folders.main, specs.map((s) =>
			bulkWorkflow({ ...s, items: opts.items, nodeType: node.type, credential, nodeOptions })));
		specs.forEach((s, i) => (s.id = workflowIds[i]));
		log(`${specs.length} workflows imported (${fmtMs(Date.now() - t)})`);

		// main and workers, started together
		t = Date.now();
		const workerProcs = [];
		const startWorker = async (k) => {
			const env = await n8nEnv(qinst, folders[`worker${k}`]);
			const w = spawnService(`worker${k}`, qinst.nodeBin, [qinst.n8nEntry, 'worker', `--concurrency=${opts.concurrency}`], {
				cwd: folders[`worker${k}`], env, logFile: join(RUN_DIR, 'logs', `worker${k}.log`),
			});
			workerProcs.push({ k, w });
			stops.push({ name: `worker${k}`, fn: () => w.stop('SIGTERM', 25000) });
			await w.waitFor(/n8n worker is now ready/, 180000);
			return w;
		};
		const [editor] = await Promise.all([
			startEditor(qinst, folders.main, { owner: OWNER, log }).then((e) => {
				stops.push({
					name: 'main',
					fn: async () => {
						await e.stop();
						await writeFile(join(RUN_DIR, 'logs', 'main.log'), e.output());
					},
				});
				return e;
			}),
			...Array.from({ length: opts.workers }, (_, k) => startWorker(k + 1)),
		]);
		log(`main (${editor.url}) and ${opts.workers} workers ready (${fmtMs(Date.now() - t)})`);

		for (const s of specs) {
			const wf = await rest(editor, 'GET', `/rest/workflows/${s.id}`);
			await rest(editor, 'POST', `/rest/workflows/${s.id}/activate`, { versionId: wf.data.versionId });
		}
		log(`${specs.length} workflows activated (production webhooks on the main)`);

		// 5: all at once, through the main's webhooks; in queue mode the main enqueues, the workers run them
		sandbox.reset();
		const deadline = Date.now() + 60000;
		const fired = await Promise.all(specs.map((s) => trigger(`http://127.0.0.1:${editor.port}/webhook/${s.webhookPath}`, deadline)));
		const firedAt = Math.min(...fired.map((f) => f.at));
		log(`${specs.length} webhooks answered (${fired.map((f) => `${f.answeredMs} ms`).join(', ')}); waiting for the executions ...`);

		const db = await pg.connect();
		stops.push({ name: 'db client', fn: () => db.end() });
		let rows = [];
		let lastNote = 0;
		const waitUntil = Date.now() + opts.timeout * 1000;
		for (;;) {
			rows = (await db.query(
				`select id, "workflowId", status, mode, "startedAt", "stoppedAt" from execution_entity where "workflowId" = any($1) order by id`,
				[workflowIds],
			)).rows;
			const done = rows.filter((r) => FINAL.has(r.status) && r.stoppedAt);
			if (rows.length >= specs.length && done.length === rows.length) break;
			if (Date.now() > waitUntil) throw new Error(`timeout: executions ${JSON.stringify(rows.map((r) => [r.id, r.status]))}`);
			if (Date.now() - lastNote > 10000) {
				lastNote = Date.now();
				const st = sandbox.stats();
				log(`  executions: ${rows.map((r) => `${r.id}:${r.status}`).join(' ') || 'none yet'}; sandbox: ${st.total} requests ${JSON.stringify(st.byStatus)}`);
			}
			await new Promise((r) => setTimeout(r, 300));
		}
		const allDoneAt = Math.max(...rows.map((r) => new Date(r.stoppedAt).getTime()));
		log(`all ${rows.length} executions finished; wall time ${fmtMs(allDoneAt - firedAt)} from the first webhook`);

		// 6: what happened
		const flatted = createRequire(n8nRequire)('flatted');
		const dataRows = (await db.query(`select "executionId", data from execution_data where "executionId" = any($1)`, [rows.map((r) => r.id)])).rows;
		const dataById = new Map(dataRows.map((r) => [String(r.executionId), r.data]));
		const ranBy = new Map();
		for (const { k, w } of workerProcs) for (const m of w.output().matchAll(/Worker started execution (\d+)/g)) ranBy.set(m[1], k);

		const stats = sandbox.stats();
		const requests = sandbox.requests();
		const groups = sandbox.state().locations[LOCATION] ?? [];
		const byMethod = {};
		for (const r of requests) {
			const k = `${r.method} ${r.status}`;
			byMethod[k] = (byMethod[k] ?? 0) + 1;
		}

		// how many 429s the unluckiest create took before it went through (the node gives up after Max Retries)
		const postRejects = new Map();
		for (const r of requests) {
			if (r.method !== 'POST') continue;
			const key = r.body?.slug ?? r.path;
			postRejects.set(key, (postRejects.get(key) ?? 0) + (r.status === 429 ? 1 : 0));
		}
		const worstItem429 = Math.max(0, ...postRejects.values());
		const retryLimit = opts['max-retries'] ?? 5;

		const perWf = [];
		let surfaced429 = 0;
		let failedItems = 0;
		for (const s of specs) {
			const execs = rows.filter((r) => r.workflowId === s.id);
			const ex = execs[0];
			const raw = ex ? dataById.get(String(ex.id)) : undefined;
			const sum = raw ? summariseRun(flatted.parse(raw)) : undefined;
			const errs = sum?.errorItems ?? [];
			const missing = sum ? opts.items - sum.created - errs.length : opts.items;
			const e429 = errs.filter((e) => /429|rate limit|too many/i.test(`${e.error} ${e.description ?? ''}`)).length;
			surfaced429 += e429;
			failedItems += errs.length + Math.max(0, missing);
			perWf.push({ s, execs, ex, sum, errs, e429, missing });
		}

		const headers = ['workflow', 'execution', 'worker', 'status', 'items out', 'created', 'failed items', 'of which 429', 'wall time'];
		const tableRows = perWf.map(({ s, execs, ex, sum, errs, e429 }) => [
			`Queue bulk ${s.w}`,
			execs.map((e) => e.id).join(',') || '-',
			ex ? (ranBy.get(String(ex.id)) ? `worker${ranBy.get(String(ex.id))}` : 'main?') : '-',
			ex?.status ?? 'missing',
			sum?.itemsOut ?? 0,
			sum?.created ?? 0,
			errs.length,
			e429,
			ex ? fmtMs(new Date(ex.stoppedAt) - new Date(ex.startedAt)) : '-',
		]);
		const expected = opts.workflows * opts.items;
		const expectedNames = new Set(specs.flatMap((s) => Array.from({ length: opts.items }, (_, i) => itemName(s.w, i + 1))));
		const groupNames = new Set(groups.map((g) => g.name));
		const missingNames = [...expectedNames].filter((n) => !groupNames.has(n));
		const strayNames = [...groupNames].filter((n) => !expectedNames.has(n));
		const dupNames = duplicates(groups, 'name');
		const dupSlugs = duplicates(groups, 'slug');
		const got429 = stats.byStatus['429'] ?? 0;
		const createdInOutputs = perWf.reduce((a, p) => a + (p.sum?.created ?? 0), 0);

		for (const p of perWf) {
			check(`Queue bulk ${p.s.w}: exactly one execution`, p.execs.length === 1, `${p.execs.length}`);
			check(`Queue bulk ${p.s.w}: status success`, p.ex?.status === 'success', p.ex?.status ?? 'missing');
			check(`Queue bulk ${p.s.w}: run by a worker`, p.ex && ranBy.has(String(p.ex.id)), p.ex ? (ranBy.has(String(p.ex.id)) ? `worker${ranBy.get(String(p.ex.id))}` : 'not in any worker log') : '-');
			check(`Queue bulk ${p.s.w}: ${opts.items} items out, all created`, p.sum?.itemsOut === opts.items && p.sum?.created === opts.items,
				`${p.sum?.itemsOut ?? 0} out, ${p.sum?.created ?? 0} created${p.sum?.executionError ? `, execution error: ${p.sum.executionError}` : ''}`);
		}
		check('failed items = 0', failedItems === 0, `${failedItems}`);
		check(`groups in the sandbox = ${expected}`, groups.length === expected, `${groups.length}`);
		check('every expected name present, nothing else', missingNames.length === 0 && strayNames.length === 0,
			`${missingNames.length} missing${missingNames.length ? ` (e.g. ${missingNames.slice(0, 3).join(', ')})` : ''}, ${strayNames.length} stray`);
		check('duplicates by name = 0', dupNames.length === 0, `${dupNames.length}${dupNames.length ? ` e.g. ${JSON.stringify(dupNames.slice(0, 3))}` : ''}`);
		check('duplicates by slug = 0', dupSlugs.length === 0, `${dupSlugs.length}`);
		check('sandbox 201s = groups created (no double create)', (byMethod['POST 201'] ?? 0) === groups.length, `${byMethod['POST 201'] ?? 0} POST 201`);
		check('429s surfaced to users = 0', surfaced429 === 0, `${surfaced429}`);
		check('workers shared the load (both ran executions)', opts.workers < 2 || new Set(ranBy.values()).size >= Math.min(opts.workers, opts.workflows),
			[...new Set(ranBy.values())].map((k) => `worker${k}`).join(', '));

		const wall = allDoneAt - firedAt;
		const report = [
			'',
			`n8n ${inst.version} (Node ${inst.nodeVersion}) queue mode: main + ${opts.workers} workers (concurrency ${opts.concurrency}), Redis ${redis.version}, PostgreSQL ${pg.version}`,
			`sandbox: ${opts.max} requests per ${opts.interval} ms for the location, ${opts.latency} ms latency; node options ${JSON.stringify(nodeOptions)}`,
			'',
			table(headers, tableRows),
			'',
			table(['total', 'value'], [
				['wall time (first webhook → last execution stopped)', fmtMs(wall)],
				['groups in sandbox / expected', `${groups.length} / ${expected}`],
				['created items in the outputs', createdInOutputs],
				['failed items', failedItems],
				['duplicates by name / by slug', `${dupNames.length} / ${dupSlugs.length}`],
				['requests the sandbox received', stats.total],
				['429s received by the sandbox (absorbed by retries)', `${got429} (${Math.max(0, got429 - surfaced429)} absorbed)`],
				['429s surfaced to users (error items)', surfaced429],
				['most 429s one create took before it went through', `${worstItem429} (Max Retries ${retryLimit})`],
				['requests by method and status', Object.entries(byMethod).sort().map(([k, v]) => `${k}: ${v}`).join(', ')],
				['effective create rate', `${(groups.length / (wall / 1000)).toFixed(1)} groups/s (limit ${(opts.max * 1000 / opts.interval).toFixed(0)} requests/s)`],
			]),
			'',
			...perWf.flatMap((p) => p.errs.slice(0, 3).map((e) => `  Queue bulk ${p.s.w} error item: ${e.error}${e.description ? ` — ${e.description}` : ''}`)),
			'checks:',
			...checks.map((c) => `  ${c.ok ? 'PASS' : 'FAIL'}  ${c.name}${c.detail !== undefined ? `: ${c.detail}` : ''}`),
		].join('\n');
		console.log(report);
		await writeFile(join(RUN_DIR, 'report.txt'), report + '\n');
		await writeFile(join(RUN_DIR, 'sandbox-requests.json'), JSON.stringify(requests.map((r) => ({
			method: r.method, path: r.path, status: r.status, receivedAt: r.receivedAt, answeredAt: r.answeredAt,
			slug: r.body?.slug, name: r.body?.name,
		}))));
		exitCode = checks.every((c) => c.ok) ? 0 : 1;
	} catch (error) {
		log(`run failed: ${error.stack ?? error}`);
		exitCode = 2;
	} finally {
		await cleanup();
	}
	const failed = checks.filter((c) => !c.ok).length;
	log(exitCode === 0 ? `PASS: ${checks.length} checks; total ${fmtMs(Date.now() - T0)}` :
		exitCode === 1 ? `FAIL: ${failed} of ${checks.length} checks failed; total ${fmtMs(Date.now() - T0)}` :
			`ERROR: the run did not complete; total ${fmtMs(Date.now() - T0)}`);
	return exitCode;
}

let options;
try {
	options = parseArgs(process.argv.slice(2));
} catch (e) {
	console.error(e.message);
	process.exit(2);
}
// one run at a time: the run directory, and the sandbox location, are this run's alone
withLock(join(QUEUE_DIR, '.run.lock'), () => main(options), { log, what: 'the queue-mode run' }).then(
	(code) => process.exit(code),
	(e) => {
		console.error(e);
		process.exit(2);
	},
);
