/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * `npm run test:queue`: the packed package in real n8n queue mode (a main, Redis, PostgreSQL, N workers) running several
 * bulk Create workflows at once against ONE HighLevel sandbox location, then checks and a report (printed, and written
 * to docs/queue.md). Exit 0 when every check passes, 1 when one fails, 2 when the run itself broke. See tools/README.md.
 */
import { randomBytes } from 'crypto';
import { cp, mkdir, rm, writeFile } from 'fs/promises';
import { createRequire } from 'module';
import { basename, join } from 'path';
import { setTimeout as sleep } from 'timers/promises';

import { fmtMs } from '../duration';
import { activate } from '../n8n/activeWorkflows';
import { n8nEnv } from '../n8n/environment';
import { startEditor } from '../n8n/editor';
import { newId } from '../n8n/ids';
import { importIntoN8n } from '../n8n/importData';
import { ensureN8n, type N8nInstall } from '../n8n/install';
import { prepareUserFolder } from '../n8n/userFolder';
import { withLock } from '../lock';
import { packPackage } from '../pack/packageTarball';
import { DEFAULT_CACHE_DIR, REPO_ROOT } from '../paths';
import { start, stopAllChildren, type Child } from '../processes';
import { DEFAULT_TOKENS, startSandbox, type WindowModel } from '../sandbox/server';
import { parseQueueArgs, type QueueOptions } from './args';
import { killLeftovers } from '../leftovers';
import { startPostgres, type PgClient } from './postgres';
import { startRedis } from './redis';
import { report, type ExecutionRow } from './report';
import { historyLine, readHistory, withHistory } from './history';
import { ensureServices } from './services';
import { bulkWorkflow, summariseRun } from './workload';

const [{ token: TOKEN, locationId: LOCATION }] = DEFAULT_TOKENS;
const OWNER = { email: 'queue-test@example.com', password: `Queue-${randomBytes(9).toString('hex')}-1` };
const QUEUE_DIR = join(DEFAULT_CACHE_DIR, 'queue');
const RUN_DIR = join(QUEUE_DIR, 'run');
const REPORT_FILE = join(REPO_ROOT, 'docs', 'queue.md');
const FINAL = new Set(['success', 'error', 'crashed', 'canceled']);

const T0 = Date.now();
const log = (message: string) => process.stdout.write(`[queue +${((Date.now() - T0) / 1000).toFixed(1)}s] ${message}\n`);

/** POSTs the webhook; again while n8n has not registered it yet (404). */
async function trigger(url: string, deadline: number): Promise<{ at: number; answeredMs: number }> {
	for (;;) {
		const at = Date.now();
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		const text = await response.text();
		if (response.ok) return { at, answeredMs: Date.now() - at };
		if (response.status !== 404 || Date.now() > deadline) throw new Error(`POST ${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
		await sleep(250);
	}
}

/** Polls execution_entity until every execution of the workflows after `afterId` is final. */
async function waitForExecutions(db: PgClient, workflowIds: string[], afterId: number, count: number, timeoutS: number, progress: () => string): Promise<ExecutionRow[]> {
	const deadline = Date.now() + timeoutS * 1000;
	let lastNote = 0;
	for (;;) {
		const { rows } = await db.query(
			'select id, "workflowId", status, "startedAt", "stoppedAt" from execution_entity where "workflowId" = any($1) and id > $2 order by id',
			[workflowIds, afterId],
		);
		if (rows.length >= count && rows.every((r: ExecutionRow) => FINAL.has(r.status) && r.stoppedAt)) return rows as ExecutionRow[];
		if (Date.now() > deadline) throw new Error(`timeout: executions ${JSON.stringify(rows.map((r: ExecutionRow) => [r.id, r.status]))}`);
		if (Date.now() - lastNote > 10000) {
			lastNote = Date.now();
			log(`  executions: ${rows.map((r: ExecutionRow) => `${r.id}:${r.status}`).join(' ') || 'none yet'}; ${progress()}`);
		}
		await sleep(300);
	}
}

async function main(options: QueueOptions): Promise<number> {
	const stops: Array<{ name: string; stop: () => Promise<unknown> }> = [];
	try {
		log(`n8n line ${options.line}, ${options.workflows} workflows × ${options.items} items, ${options.workers} workers (concurrency ${options.concurrency}), ` +
			`sandbox limit ${options.max} per ${options.interval} ms, latency ${options.latency} ms`);
		await killLeftovers(RUN_DIR, log);
		await rm(RUN_DIR, { recursive: true, force: true });
		await mkdir(join(RUN_DIR, 'logs'), { recursive: true });

		// services, n8n and the package at once
		const [services, inst, builtTarball] = await Promise.all([ensureServices(log), ensureN8n(options.line, { log }), packPackage(log)]);
		// the pack folder is shared with other commands: this run keeps its own copy
		const tarball = join(RUN_DIR, basename(builtTarball));
		await cp(builtTarball, tarball);
		log(`n8n ${inst.version} on Node ${inst.nodeVersion}; package ${basename(tarball)}`);

		const n8nPackageJson = join(inst.dir, 'node_modules', 'n8n', 'package.json');
		const redis = await startRedis(services.redisServer, join(RUN_DIR, 'redis'), log);
		stops.push({ name: 'redis', stop: redis.stop });
		const pg = await startPostgres(services.pgBin, RUN_DIR, n8nPackageJson, log);
		stops.push({ name: 'postgres', stop: pg.stop });
		// one sandbox per window model, in turn, on the port the credential names
		const sandboxFor = async (window: WindowModel, port = 0) =>
			await startSandbox({ port, latencyMs: options.latency, rateLimit: { max: options.max, intervalMs: options.interval, window } });
		let sandbox = await sandboxFor(options.windows[0]);
		stops.push({ name: 'sandbox', stop: async () => await sandbox.close() });
		log(`HighLevel sandbox at ${sandbox.url} (${options.max} requests per ${options.interval} ms per location, ${options.latency} ms latency)`);

		// one user folder per n8n process, the package installed in each; one encryption key for all
		const workers = Array.from({ length: options.workers }, (_, i) => i + 1);
		const folderOf = (name: string) => join(RUN_DIR, name);
		const prepared = await Promise.all(['main', ...workers.map((k) => `worker${k}`)].map(async (name) => await prepareUserFolder(inst, folderOf(name), tarball)));
		const nodeType = prepared[0].package.nodeTypes.find((type) => type.endsWith('.highLevelCalendars'));
		if (!nodeType) throw new Error('highLevelCalendars not found in the package');
		log(`package installed in ${prepared.length} user folders (main + ${options.workers} workers); node type ${nodeType}`);

		// every tools/n8n helper reads inst.baseEnv: the same install with the queue and PostgreSQL settings on top
		const queueInst: N8nInstall = {
			...inst,
			baseEnv: {
				...inst.baseEnv,
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
			},
		};

		// credential and workflows into the shared database (the first command runs n8n's migrations)
		let t = Date.now();
		const credential = { name: 'HighLevel sandbox', type: 'highLevelCalendarsApi', id: newId() };
		await importIntoN8n(queueInst, folderOf('main'), {
			credentials: [{ ...credential, data: { accessToken: TOKEN, locationId: LOCATION, baseUrl: sandbox.url } }],
		});
		log(`credential imported, database migrated (${fmtMs(Date.now() - t)})`);
		const nodeOptions: Record<string, number> = {};
		if (options['max-retries'] !== undefined) nodeOptions.maxRetries = options['max-retries'];
		if (options['max-in-flight'] !== undefined) nodeOptions.maxInFlight = options['max-in-flight'];
		const runTag = newId().slice(0, 6).toLowerCase();
		const specs = Array.from({ length: options.workflows }, (_, i) => ({ w: i + 1, webhookPath: `queue-bulk-${runTag}-${i + 1}` }));
		t = Date.now();
		const { workflowIds } = await importIntoN8n(queueInst, folderOf('main'), {
			workflows: specs.map((s) => bulkWorkflow({ ...s, items: options.items, nodeType, credential, nodeOptions })),
		});
		log(`${specs.length} workflows imported (${fmtMs(Date.now() - t)})`);

		// main and workers, started together
		t = Date.now();
		const startWorker = async (k: number): Promise<Child> => {
			const folder = folderOf(`worker${k}`);
			const worker = start(`worker${k}`, queueInst.nodeBin, [queueInst.n8nEntry, 'worker', `--concurrency=${options.concurrency}`], {
				cwd: folder,
				env: await n8nEnv(queueInst, folder),
				logFile: join(RUN_DIR, 'logs', `worker${k}.log`),
			});
			stops.push({ name: `worker${k}`, stop: async () => await worker.stop({ graceMs: 25000 }) });
			await worker.waitFor(/n8n worker is now ready/, 180000);
			return worker;
		};
		const startMain = async () => {
			const editor = await startEditor(queueInst, folderOf('main'), { owner: OWNER, log });
			stops.push({ name: 'main', stop: async () => await writeFile(join(RUN_DIR, 'logs', 'main.log'), await editor.stop()) });
			return editor;
		};
		const [editor, workerChildren] = await Promise.all([startMain(), Promise.all(workers.map(startWorker))]);
		log(`main (${editor.url}) and ${options.workers} workers ready (${fmtMs(Date.now() - t)})`);
		for (const id of workflowIds) await activate(editor, id);
		log(`${specs.length} workflows activated (production webhooks on the main)`);

		const db = await pg.connect();
		stops.push({ name: 'db client', stop: async () => await db.end() });
		const flatted = createRequire(n8nPackageJson)('flatted') as { parse(text: string): Parameters<typeof summariseRun>[0] };

		/** The four workflows at once against a fresh sandbox with `window`; its report. */
		const runScenario = async (window: WindowModel, afterId: number) => {
			sandbox.reset();
			// all at once, through the main's webhooks; in queue mode the main enqueues, the workers run them
			const fired = await Promise.all(specs.map(async (s) => await trigger(`http://127.0.0.1:${editor.port}/webhook/${s.webhookPath}`, Date.now() + 60000)));
			const firedAt = Math.min(...fired.map((f) => f.at));
			log(`${window} window: ${specs.length} webhooks answered (${fired.map((f) => `${f.answeredMs} ms`).join(', ')}); waiting for the executions ...`);
			const progress = () => `sandbox: ${sandbox.stats().total} requests ${JSON.stringify(sandbox.stats().byStatus)}`;
			const rows = await waitForExecutions(db, workflowIds, afterId, specs.length, options.timeout, progress);
			const wallMs = Math.max(...rows.map((r) => new Date(r.stoppedAt).getTime())) - firedAt;
			log(`${window} window: all ${rows.length} executions finished; wall time ${fmtMs(wallMs)} from the first webhook`);

			// what happened: the executions' data (flatted, parsed with n8n's own flatted) and which worker ran what
			const { rows: dataRows } = await db.query('select "executionId", data from execution_data where "executionId" = any($1)', [rows.map((r) => r.id)]);
			const dataById = new Map(dataRows.map((r: { executionId: unknown; data: string }) => [String(r.executionId), r.data]));
			const ranBy = new Map<string, number>();
			workerChildren.forEach((worker, i) => {
				for (const match of worker.output().matchAll(/Worker started execution (\d+)/g)) ranBy.set(match[1], i + 1);
			});
			const outcomes = specs.map((s, i) => {
				const executions = rows.filter((r) => r.workflowId === workflowIds[i]);
				const data = executions[0] ? dataById.get(String(executions[0].id)) : undefined;
				return { w: s.w, executions, summary: data ? summariseRun(flatted.parse(data)) : undefined, worker: executions[0] ? ranBy.get(String(executions[0].id)) : undefined };
			});
			const requests = sandbox.requests();
			await writeFile(join(RUN_DIR, `sandbox-requests-${window}.json`), JSON.stringify(requests.map((r) => ({
				method: r.method, path: r.path, status: r.status, receivedAt: r.receivedAt, answeredAt: r.answeredAt,
				slug: (r.body as { slug?: string } | undefined)?.slug, name: (r.body as { name?: string } | undefined)?.name,
			}))));
			const lastId = Math.max(afterId, ...rows.map((r) => Number(r.id)));
			return { lastId, ...report({
				options, window, inst, nodeOptions, outcomes, requests, wallMs,
				services: { redis: redis.version, postgres: pg.version },
				groups: sandbox.state().locations[LOCATION] ?? [],
				stats: sandbox.stats(),
			}) };
		};

		const results = [];
		let lastId = 0;
		for (const [i, window] of options.windows.entries()) {
			if (i > 0) {
				const { port } = sandbox;
				await sandbox.close();
				sandbox = await sandboxFor(window, port);
			}
			const result = await runScenario(window, lastId);
			lastId = result.lastId;
			results.push(result);
		}
		const text = [...results.map((r) => r.text), '## limit used', '', ...results.map((r) => r.limit)].join('\n\n');
		process.stdout.write(`\n${text}\n`);
		const lastRun = `# Queue-mode run\n\nWritten by \`npm run test:queue\` (tools/queue/run.ts): its last run in full, then every run.\n\n${text}`;
		const added = results.map((r) => historyLine(options, r.limit));
		await writeFile(REPORT_FILE, withHistory(lastRun, await readHistory(REPORT_FILE), added));
		const checks = results.flatMap((r) => r.checks);
		const failed = checks.filter((c) => !c.ok).length;
		log(failed ? `FAIL: ${failed} of ${checks.length} checks failed; total ${fmtMs(Date.now() - T0)}` : `PASS: ${checks.length} checks; total ${fmtMs(Date.now() - T0)}`);
		return failed ? 1 : 0;
	} catch (error) {
		log(`run failed: ${(error as Error).stack ?? String(error)}`);
		log(`ERROR: the run did not complete; total ${fmtMs(Date.now() - T0)}`);
		return 2;
	} finally {
		const t = Date.now();
		for (const { name, stop } of stops.reverse()) await stop().catch((error: Error) => log(`stopping ${name}: ${error.message}`));
		await stopAllChildren();
		log(`stopped everything in ${fmtMs(Date.now() - t)}; data and logs left in ${RUN_DIR}`);
	}
}

let queueOptions: QueueOptions;
try {
	queueOptions = parseQueueArgs(process.argv.slice(2));
} catch (error) {
	process.stderr.write(`${(error as Error).message}\n`);
	process.exit(2);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		log(`${signal}: stopping`);
		void stopAllChildren().finally(() => process.exit(130));
	});
}
// one run at a time: the run directory, and the sandbox location, are this run's alone
withLock(join(QUEUE_DIR, '.run.lock'), async () => await main(queueOptions), { log, what: 'the queue-mode run' }).then(
	(code) => process.exit(code),
	(error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exit(2);
	},
);
