/** The queue run's checks and report: what each workflow did, the totals, and PASS/FAIL per check. */
import { fmtMs } from '../duration';
import type { N8nInstall } from '../n8n/install';
import { limitUsed } from '../pacing/limitUse';
import type { GroupRecord, LoggedRequest, SandboxStats, WindowModel } from '../sandbox/server';
import type { QueueOptions } from './args';
import { table } from './table';
import { duplicates, itemName, type RunSummary } from './workload';

export interface ExecutionRow {
	id: string | number;
	workflowId: string;
	status: string;
	startedAt: string;
	stoppedAt: string;
}

export interface WorkflowOutcome {
	w: number;
	executions: ExecutionRow[];
	summary?: RunSummary;
	/** the worker that ran its first execution, if a worker log says so */
	worker?: number;
}

export interface RunFacts {
	options: QueueOptions;
	window: WindowModel;
	inst: N8nInstall;
	services: { redis: string; postgres: string };
	nodeOptions: Record<string, number>;
	outcomes: WorkflowOutcome[];
	groups: GroupRecord[];
	requests: LoggedRequest[];
	stats: SandboxStats;
	wallMs: number;
}

export interface Check {
	name: string;
	ok: boolean;
	detail: string;
}

const is429 = (e: { error: string; description?: unknown }) => /429|rate limit|too many/i.test(`${e.error} ${String(e.description ?? '')}`);

/** The lines the issue asks for, one per window model: how much of the limit the workers used together, and what it cost. */
export function limitLine(facts: RunFacts, summary: { failedItems: number; duplicates: number; received429: number; surfaced429: number }): string {
	const used = limitUsed(facts.requests, facts.options.max, facts.options.interval);
	return `limit used: ${used.toFixed(2)} (${facts.window} window); failed items ${summary.failedItems}, duplicates ${summary.duplicates}, ` +
		`429s received ${summary.received429} (${((100 * summary.received429) / facts.requests.length).toFixed(1)}% of ${facts.requests.length} requests), surfaced ${summary.surfaced429}`;
}

export function report(facts: RunFacts): { text: string; checks: Check[]; limit: string } {
	const { options, outcomes, groups, requests, stats } = facts;
	const checks: Check[] = [];
	const check = (name: string, ok: boolean, detail: unknown) => checks.push({ name, ok, detail: String(detail) });

	const byMethod: Record<string, number> = {};
	for (const r of requests) byMethod[`${r.method} ${r.status}`] = (byMethod[`${r.method} ${r.status}`] ?? 0) + 1;
	// how many 429s the unluckiest create took before it went through (the node gives up after Max Retries)
	const postRejects = new Map<string, number>();
	for (const r of requests.filter((request) => request.method === 'POST')) {
		const key = String((r.body as { slug?: string } | undefined)?.slug ?? r.path);
		postRejects.set(key, (postRejects.get(key) ?? 0) + (r.status === 429 ? 1 : 0));
	}
	const worstItem429 = Math.max(0, ...postRejects.values());
	const errorItems = (o: WorkflowOutcome) => o.summary?.errorItems ?? [];
	const missing = (o: WorkflowOutcome) => (o.summary ? options.items - o.summary.created - errorItems(o).length : options.items);
	const surfaced429 = outcomes.reduce((sum, o) => sum + errorItems(o).filter(is429).length, 0);
	const failedItems = outcomes.reduce((sum, o) => sum + errorItems(o).length + Math.max(0, missing(o)), 0);
	const expected = options.workflows * options.items;
	const expectedNames = new Set(outcomes.flatMap((o) => Array.from({ length: options.items }, (_, i) => itemName(o.w, i + 1))));
	const groupNames = new Set(groups.map((g) => g.name));
	const missingNames = [...expectedNames].filter((name) => !groupNames.has(name));
	const strayNames = [...groupNames].filter((name) => !expectedNames.has(name));
	const dupNames = duplicates(groups as unknown as Array<Record<string, unknown>>, 'name');
	const dupSlugs = duplicates(groups as unknown as Array<Record<string, unknown>>, 'slug');
	const received429 = stats.byStatus['429'] ?? 0;
	const workersUsed = new Set(outcomes.map((o) => o.worker).filter((k) => k !== undefined));

	const limit = limitLine(facts, { failedItems, duplicates: dupNames.length, received429, surfaced429 });

	for (const o of outcomes) {
		const first = o.executions[0];
		check(`Queue bulk ${o.w}: exactly one execution`, o.executions.length === 1, o.executions.length);
		check(`Queue bulk ${o.w}: status success`, first?.status === 'success', first?.status ?? 'missing');
		check(`Queue bulk ${o.w}: run by a worker`, o.worker !== undefined, o.worker !== undefined ? `worker${o.worker}` : first ? 'not in any worker log' : '-');
		const s = o.summary;
		check(`Queue bulk ${o.w}: ${options.items} items out, all created`, s?.itemsOut === options.items && s?.created === options.items,
			`${s?.itemsOut ?? 0} out, ${s?.created ?? 0} created${s?.executionError ? `, execution error: ${s.executionError}` : ''}`);
	}
	check('failed items = 0', failedItems === 0, failedItems);
	check(`groups in the sandbox = ${expected}`, groups.length === expected, groups.length);
	check('every expected name present, nothing else', missingNames.length === 0 && strayNames.length === 0,
		`${missingNames.length} missing${missingNames.length ? ` (e.g. ${missingNames.slice(0, 3).join(', ')})` : ''}, ${strayNames.length} stray`);
	check('duplicates by name = 0', dupNames.length === 0, `${dupNames.length}${dupNames.length ? ` e.g. ${JSON.stringify(dupNames.slice(0, 3))}` : ''}`);
	check('duplicates by slug = 0', dupSlugs.length === 0, dupSlugs.length);
	check('sandbox 201s = groups created (no double create)', (byMethod['POST 201'] ?? 0) === groups.length, `${byMethod['POST 201'] ?? 0} POST 201`);
	check('429s surfaced to users = 0', surfaced429 === 0, surfaced429);
	check('workers shared the load (both ran executions)', options.workers < 2 || workersUsed.size >= Math.min(options.workers, options.workflows),
		[...workersUsed].map((k) => `worker${k}`).join(', '));

	const perWorkflow = outcomes.map((o) => {
		const first = o.executions[0];
		return [
			`Queue bulk ${o.w}`,
			o.executions.map((e) => e.id).join(',') || '-',
			first ? (o.worker !== undefined ? `worker${o.worker}` : 'main?') : '-',
			first?.status ?? 'missing',
			o.summary?.itemsOut ?? 0,
			o.summary?.created ?? 0,
			errorItems(o).length,
			errorItems(o).filter(is429).length,
			first ? fmtMs(new Date(first.stoppedAt).getTime() - new Date(first.startedAt).getTime()) : '-',
		];
	});
	const totals = [
		['wall time (first webhook → last execution stopped)', fmtMs(facts.wallMs)],
		['groups in sandbox / expected', `${groups.length} / ${expected}`],
		['created items in the outputs', outcomes.reduce((sum, o) => sum + (o.summary?.created ?? 0), 0)],
		['failed items', failedItems],
		['duplicates by name / by slug', `${dupNames.length} / ${dupSlugs.length}`],
		['requests the sandbox received', stats.total],
		['429s received by the sandbox (absorbed by retries)', `${received429} (${Math.max(0, received429 - surfaced429)} absorbed)`],
		['429s surfaced to users (error items)', surfaced429],
		['most 429s one create took before it went through', `${worstItem429} (Max Retries ${options['max-retries'] ?? 5})`],
		['requests by method and status', Object.entries(byMethod).sort().map(([k, v]) => `${k}: ${v}`).join(', ')],
		['effective create rate', `${(groups.length / (facts.wallMs / 1000)).toFixed(1)} groups/s (limit ${((options.max * 1000) / options.interval).toFixed(0)} requests/s)`],
	];
	const text = [
		`## ${facts.window} window`,
		'',
		limit,
		'',
		`n8n ${facts.inst.version} (Node ${facts.inst.nodeVersion}) queue mode: main + ${options.workers} workers (concurrency ${options.concurrency}), Redis ${facts.services.redis}, PostgreSQL ${facts.services.postgres}`,
		`sandbox: ${options.max} requests per ${options.interval} ms for the location (${facts.window} window), ${options.latency} ms latency; node options ${JSON.stringify(facts.nodeOptions)}`,
		'',
		table(['workflow', 'execution', 'worker', 'status', 'items out', 'created', 'failed items', 'of which 429', 'wall time'], perWorkflow),
		'',
		table(['total', 'value'], totals),
		'',
		...outcomes.flatMap((o) => errorItems(o).slice(0, 3).map((e) => `  Queue bulk ${o.w} error item: ${e.error}${e.description ? ` — ${String(e.description)}` : ''}`)),
		'checks:',
		...checks.map((c) => `  ${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`),
	].join('\n');
	return { text, checks: checks.map((c) => ({ ...c, name: `${facts.window} window: ${c.name}` })), limit };
}
