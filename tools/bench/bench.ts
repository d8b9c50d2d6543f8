/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * `npm run bench`: the node through n8n-core's execution engine against the local sandbox, in the
 * scenarios of the README's performance section. Prints a table and writes it to docs/bench.md; asserts nothing.
 *   --only=1,2,3,4,5,6,7 run some scenarios    --in-flight=N   Max Requests In Flight for the node
 */
import { readFileSync, writeFileSync } from 'fs';
import type { INodeParameters } from 'n8n-workflow';
import { cpus } from 'os';
import { join } from 'path';

import { DEFAULT_MAX_IN_FLIGHT } from '../../nodes/HighLevelCalendars/description/commonFields';
import { SANDBOX_LOCATION, sandboxCredentials, SANDBOX_TOKEN } from '../engine/credentials';
import { runWorkflow } from '../engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow } from '../engine/workflows';
import { REPO_ROOT } from '../paths';
import { countedRequests, trueBoundMs } from '../pacing/limitUse';
import { agencyScenario } from './agencyScenario';
import { bookingScenario, freeSlotScenario } from './bookingScenarios';
import { onboardScenario } from './onboardScenario';
import { startSandbox, WINDOW_MODELS, type Sandbox, type SandboxOptions } from '../sandbox/server';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const only = args.get('only')?.split(',');
const inFlight = Number(args.get('in-flight') ?? 0) || undefined;

interface Row {
	scenario: string;
	wallS: number;
	requests: number;
	received429: number;
	surfaced429: number;
	groups: number;
	duplicates: number;
	listCalls: number;
	peakMemMiB: number;
	note: string;
}

const rows: Row[] = [];
const BENCH_FILE = join(REPO_ROOT, 'docs', 'bench.md');

function peakMemorySampler() {
	const baseline = process.memoryUsage.rss();
	let peak = baseline;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
	return () => {
		clearInterval(timer);
		return Math.round(((Math.max(peak, process.memoryUsage.rss()) - baseline) / 2 ** 20) * 10) / 10;
	};
}

async function withSandbox<T>(options: SandboxOptions, body: (sandbox: Sandbox) => Promise<T>): Promise<T> {
	const sandbox = await startSandbox({ port: 0, ...options });
	try {
		return await body(sandbox);
	} finally {
		await sandbox.close();
	}
}

async function runNode(sandbox: Sandbox, scenario: string, parameters: INodeParameters, items: object[], note = '') {
	const before = sandbox.requests().length;
	const stopSampling = peakMemorySampler();
	const started = process.hrtime.bigint();
	const run = await runWorkflow(
		singleNodeWorkflow({ ...parameters, options: { ...(inFlight ? { maxInFlight: inFlight } : {}), ...(parameters.options as object) } }, items),
		sandboxCredentials(sandbox.url),
	);
	const wallS = Number(process.hrtime.bigint() - started) / 1e9;
	const peakMemMiB = stopSampling();
	const requests = sandbox.requests().slice(before);
	const output = run.output(NODE_NAME) ?? [];
	const errors = output.filter((item) => item.json.error).map((item) => String(item.json.error));
	const nodeError = run.error(NODE_NAME)?.message;
	if (nodeError) errors.push(nodeError);
	const groups = sandbox.state().locations[SANDBOX_LOCATION] ?? [];
	const row: Row = {
		scenario,
		wallS: Math.round(wallS * 100) / 100,
		requests: requests.length,
		received429: requests.filter((r) => r.status === 429).length,
		surfaced429: errors.filter((e) => /too many|429|limit/i.test(e)).length,
		groups: groups.length,
		duplicates: groups.length - new Set(groups.map((g) => g.name)).size,
		listCalls: requests.filter((r) => r.method === 'GET').length,
		peakMemMiB,
		note: errors.length ? `${note} errors: ${errors.length} (${errors[0]})` : note,
	};
	rows.push(row);
	return { row, output, requests, wallMs: wallS * 1000 };
}

const names = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${i}` }));
const create = { operation: 'create', name: '={{ $json.name }}', description: 'bench' };

async function plainClient(url: string, concurrency: number, count: number): Promise<{ wallS: number; requests: number }> {
	const headers = { Authorization: `Bearer ${SANDBOX_TOKEN}`, Version: '2021-04-15', Accept: 'application/json' };
	const started = process.hrtime.bigint();
	await fetch(`${url}/calendars/groups?locationId=${SANDBOX_LOCATION}`, { headers });
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const i = next++;
			const body = JSON.stringify({ locationId: SANDBOX_LOCATION, name: `Plain ${i}`, description: 'bench', slug: `plain-${i}`, isActive: true });
			const response = await fetch(`${url}/calendars/groups`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body });
			await response.text();
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return { wallS: Number(process.hrtime.bigint() - started) / 1e9, requests: count + 1 };
}

/** In each window model, as a ratio to the earliest the limit lets the last request be answered. */
async function scenario1() {
	const latencyMs = 100;
	const rate = { max: 100, intervalMs: 1000, daily: 200_000 };
	const bulk = [];
	for (const window of WINDOW_MODELS) {
		const limited: SandboxOptions = { latencyMs, rateLimit: { ...rate, window } };
		const run = await withSandbox(limited, async (sandbox) => await runNode(sandbox, `1. 1,000 creates, 100 ms latency, 100 req/s, ${window} window`, create, names(1000, 'Bulk')));
		const boundMs = trueBoundMs(window, countedRequests(run.requests).length, rate.max, rate.intervalMs, latencyMs);
		run.row.note = `${run.row.note} ${(run.wallMs / boundMs).toFixed(3)} × the ${window} window's bound (${(boundMs / 1000).toFixed(2)} s)`.trim();
		bulk.push(run);
	}
	const serial = await withSandbox({ latencyMs, rateLimit: rate }, async (sandbox) =>
		await runNode(sandbox, '1. same, one request at a time, fixed window', { ...create, options: { maxInFlight: 1 } }, names(1000, 'Serial')),
	);
	serial.row.note = `${(serial.wallMs / bulk[0].wallMs).toFixed(1)}× the bulk run's time`;
}

async function scenario2() {
	const unlimited: SandboxOptions = { latencyMs: 100, rateLimit: { max: 1_000_000, intervalMs: 1000, daily: 10_000_000 } };
	const concurrency = inFlight ?? DEFAULT_MAX_IN_FLIGHT;
	const node = await withSandbox(unlimited, async (sandbox) => await runNode(sandbox, '2. 1,000 creates, 100 ms latency, no limit', create, names(1000, 'Free')));
	const plain = await withSandbox(unlimited, async (sandbox) => await plainClient(sandbox.url, concurrency, 1000));
	rows.push({ scenario: `2. plain fetch, ${concurrency} at a time, same requests`, wallS: Math.round(plain.wallS * 100) / 100, requests: plain.requests, received429: 0, surfaced429: 0, groups: 1000, duplicates: 0, listCalls: 1, peakMemMiB: 0, note: '' });
	node.row.note = `${node.row.note} ${(node.row.wallS / plain.wallS).toFixed(3)} × plain fetch`.trim();
}

async function scenario3() {
	const unlimited: SandboxOptions = { rateLimit: { max: 1_000_000, intervalMs: 1000, daily: 10_000_000 } };
	await withSandbox(unlimited, async (sandbox) => {
		await runNode(sandbox, '3. seed 10,000 creates, no latency, no limit', { ...create, options: { maxInFlight: 20 } }, names(10_000, 'Big'));
		const slugs = Array.from({ length: 10_000 }, (_, i) => ({ slug: `big-${(i * 7919) % 10_000}` }));
		await runNode(sandbox, '3. 10,000 items Get by slug', { operation: 'get', group: { __rl: true, mode: 'slug', value: '={{ $json.slug }}' } }, slugs);
		const many = await runNode(sandbox, '3. Get Many of 10,000 groups', { operation: 'getAll', returnAll: true }, [{}]);
		many.row.note = `${many.output.length} output items`;
	});
}

async function main() {
	const withMemory = (scenario: (inFlight?: number) => Promise<Omit<Row, 'peakMemMiB'>>) => async () => {
		const stopSampling = peakMemorySampler();
		rows.push({ ...(await scenario(inFlight)), peakMemMiB: stopSampling() });
	};
	const scenarios: Record<string, () => Promise<void>> = {
		'1': scenario1,
		'2': scenario2,
		'3': scenario3,
		'4': withMemory(agencyScenario),
		'5': withMemory(onboardScenario),
		'6': withMemory(bookingScenario),
		'7': withMemory(freeSlotScenario),
	};
	for (const [id, scenario] of Object.entries(scenarios)) if (!only || only.includes(id)) await scenario();
	const header = ['scenario', 'wall s', 'requests', '429 received', '429 surfaced', 'groups after (6: appointments, 7: days)', 'duplicates', 'list calls', 'peak mem MiB', 'note'];
	const lines = rows.map((r) => [r.scenario, r.wallS, r.requests, r.received429, r.surfaced429, r.groups, r.duplicates, r.listCalls, r.peakMemMiB, r.note].map(String));
	const table = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...lines.map((line) => `| ${line.join(' | ')} |`)].join('\n');
	const mergedTable = (fresh: string[][]) => {
		const kept = readFileSync(BENCH_FILE, 'utf8').split('\n').filter((line) => line.startsWith('| '));
		const rowsOf = (id: string) => (line: string) => line.startsWith(`| ${id}. `);
		const byScenario = [...new Set([...kept.slice(1).map((line) => /^\| (\d+)\./.exec(line)?.[1] ?? ''), ...only!])].sort();
		const freshLines = fresh.map((line) => `| ${line.join(' | ')} |`);
		const body = byScenario.flatMap((id) => (only!.includes(id) ? freshLines.filter(rowsOf(id)) : kept.filter(rowsOf(id))));
		return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body].join('\n');
	};
	const footer = `Node ${process.version}, ${cpus().length} cores; Max Requests In Flight ${inFlight ?? 'default'}`;
	process.stdout.write(`${table}\n\n${footer}\n`);
	writeFileSync(BENCH_FILE, `# Bench\n\nWritten by \`npm run bench\` (tools/bench/bench.ts) on its last run (\`--only\` replaces its scenarios' rows).\n\n${only ? mergedTable(lines) : table}\n\n${footer}\n`);
}

void main();
