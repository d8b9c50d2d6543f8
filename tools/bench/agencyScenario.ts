/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * Bench scenario 4: 1,000 creates spread over 100 sub-accounts with the agency credential, each location's token
 * minted from the agency token, against limits scaled to 100 requests per second per location and per company and
 * 100 ms latency. Its wall time is set against the bound those limits and Max Requests In Flight set.
 */
import { loadavg } from 'os';

import { DEFAULT_MAX_IN_FLIGHT } from '../../nodes/HighLevelCalendars/description/commonFields';
import { AGENCY_PER_ITEM, agencyCredentials } from '../engine/agency';
import { runWorkflow, type WorkflowRun } from '../engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow } from '../engine/workflows';
import { startSandboxProcess, type SandboxProcess } from '../sandbox/sandboxProcess';

const COMPANY = 'benchAgency0000001';
export const LOCATIONS = 100;
const CREATES = 1000;
export const LATENCY_MS = 100;
export const LIMIT = { max: 100, intervalMs: 1000 };

/**
 * The least time the run can take: every request waits the latency, at most `inFlight` at once, and no bucket
 * (the company's for the mints, each location's for its group calls) takes more than its limit per interval.
 */
function agencyBound(inFlight: number): { boundS: number; requests: number; inFlightS: number; rateS: number } {
	const perLocation = CREATES / LOCATIONS + 1; // its creates and one list call
	const requests = CREATES + LOCATIONS + LOCATIONS; // + one list call and one mint per location
	const inFlightS = (requests * LATENCY_MS) / inFlight / 1000;
	const windowsBeyondFirst = (count: number) => Math.ceil(count / LIMIT.max) - 1;
	const rateS = (Math.max(windowsBeyondFirst(LOCATIONS), windowsBeyondFirst(perLocation)) * LIMIT.intervalMs + LATENCY_MS) / 1000;
	return { boundS: Math.max(inFlightS, rateS), requests, inFlightS, rateS };
}

export const locationId = (index: number) => `benchLocation${String(index).padStart(5, '0')}`;

/**
 * The sandbox of scenarios 4 and 5: one agency with 100 sub-accounts, its limits and latency, in a process of its own
 * (its CPU is not the node's).
 */
export async function agencySandbox(): Promise<SandboxProcess> {
	return await startSandboxProcess({
		latencyMs: LATENCY_MS,
		rateLimit: { ...LIMIT, daily: 200_000 },
		agency: {
			companies: [{ id: COMPANY, locations: Array.from({ length: LOCATIONS }, (_, i) => ({ id: locationId(i) })) }],
			apps: [{ distribution: 'Company', clientId: 'bench-agency-app', clientSecret: 'bench-agency-app-secret' }],
		},
	});
}

/** Wall time and what the machine did meanwhile: a process that used little CPU yet missed its bound was kept waiting by the machine, not by its own work. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; wallS: number; machine: string }> {
	const started = Date.now();
	const cpuBefore = process.cpuUsage();
	const result = await work();
	const wallS = (Date.now() - started) / 1000;
	const cpu = process.cpuUsage(cpuBefore);
	return { result, wallS, machine: `process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, load average ${loadavg()[0].toFixed(1)}` };
}

/** The errors of a node's run: its error items and the error that stopped it. */
export function runErrors(run: WorkflowRun, nodeName: string): string[] {
	const errors = (run.output(nodeName) ?? []).filter((item) => item.json.error).map((item) => String(item.json.error));
	const nodeError = run.error(nodeName)?.message;
	return nodeError ? [...errors, nodeError] : errors;
}

/** Runs scenario 4 once and returns its row of the bench table (without memory); items go round the sub-accounts, as a trigger reporting many of them would send them. */
export async function agencyScenario(inFlight?: number) {
	const sandbox = await agencySandbox();
	try {
		const credentials = await agencyCredentials(sandbox);
		const items = Array.from({ length: CREATES }, (_, i) => ({ locationId: locationId(i % LOCATIONS), name: `Agency ${i}` }));
		const parameters = { ...AGENCY_PER_ITEM, operation: 'create', name: '={{ $json.name }}', description: 'bench', options: inFlight ? { maxInFlight: inFlight } : {} };
		const before = (await sandbox.requests()).length;
		const { result: run, wallS, machine } = await timed(async () => await runWorkflow(singleNodeWorkflow(parameters, items), credentials));

		const sent = (await sandbox.requests()).slice(before);
		const errors = runErrors(run, NODE_NAME);
		const state = await sandbox.state();
		const groups = Object.values(state.locations).flat();
		const duplicates = groups.length - new Set(groups.map((group) => `${group.locationId} ${group.name}`)).size;
		const { mints } = state.oauth;
		const bound = agencyBound(inFlight ?? DEFAULT_MAX_IN_FLIGHT);
		const ratio = `${(wallS / bound.boundS).toFixed(3)} × the ${bound.boundS.toFixed(2)} s bound`;
		const boundWhy = `max(in flight: ${bound.requests} requests × ${LATENCY_MS} ms / ${inFlight ?? DEFAULT_MAX_IN_FLIGHT} = ${bound.inFlightS.toFixed(2)} s, limits: ${bound.rateS.toFixed(2)} s)`;
		const failed = errors.length ? `; errors: ${errors.length} (${errors[0]})` : '';
		return {
			scenario: `4. 1,000 creates over 100 sub-accounts, agency credential, 100 ms latency, 100 req/s per location and company`,
			wallS: Math.round(wallS * 100) / 100,
			requests: sent.length,
			received429: sent.filter((request) => request.status === 429).length,
			surfaced429: errors.filter((error) => /too many|429|limit/i.test(error)).length,
			groups: groups.length,
			duplicates,
			listCalls: sent.filter((request) => request.method === 'GET').length,
			note: `${ratio} ${boundWhy}; mints: ${mints} (target ${LOCATIONS}); ${machine}${failed}`,
		};
	} finally {
		await sandbox.close();
	}
}
