/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * Active workflows: activated through the REST API (the same route on both lines), and the executions their
 * production webhooks start, read through the REST API (their data is stored flatted, parsed with n8n's own
 * `flatted`).
 */
import { createRequire } from 'module';
import { join } from 'path';
import { setTimeout as sleep } from 'timers/promises';

import { fmtMs } from '../duration';
import type { Editor } from './editor';
import type { NodeRun } from './execute';
import type { N8nInstall } from './install';

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
}

export interface SavedExecution extends ExecutionSummary {
	runData: Record<string, NodeRun[]>;
}

const FINISHED = ['success', 'error', 'crashed', 'canceled'];
/** how many executions a list answer holds, newest first */
const LISTED = 100;

/** Activates a stored workflow as the editor's Activate (Publish) does, on either line: its production webhooks answer from then on. */
export async function activate(editor: Editor, workflowId: string): Promise<void> {
	const stored = await editor.rest('GET', `/rest/workflows/${workflowId}`);
	if (stored.status !== 200) throw new Error(`GET /rest/workflows/${workflowId}: HTTP ${stored.status}`);
	const answer = await editor.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId: stored.json.data.versionId });
	if (answer.status !== 200) throw new Error(`activating workflow ${workflowId}: HTTP ${answer.status} ${answer.text.slice(0, 400)}`);
}

/** The production URL of a trigger node's webhook: n8n serves it under the node's webhookId and the node's path. */
export function productionUrl(editor: Editor, webhookId: string, path: string): string {
	return `${editor.url}/webhook/${webhookId}/${path}`;
}

/**
 * Waits until n8n serves a production webhook URL (n8n 2.x registers an activated workflow's webhooks a moment after
 * the REST call returns): an empty POST answered anything but 404. Only for triggers that refuse such a request.
 */
export async function waitUntilServed(url: string, timeoutMs: number): Promise<void> {
	const started = Date.now();
	for (;;) {
		const answer = await fetch(url, { method: 'POST', body: '' }).catch(() => undefined);
		await answer?.arrayBuffer();
		if (answer && answer.status !== 404) return;
		if (Date.now() - started > timeoutMs) throw new Error(`${url} still not served after ${fmtMs(timeoutMs)}`);
		await sleep(100);
	}
}

/** How many executions of the workflow there are (in `statuses`, if given), and the newest 100 of them. */
export async function executionsOf(editor: Editor, workflowId: string, statuses?: string[]): Promise<{ count: number; newest: ExecutionSummary[] }> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId, ...(statuses ? { status: statuses } : {}) }));
	const answer = await editor.rest('GET', `/rest/executions?filter=${filter}&limit=${LISTED}`);
	if (answer.status !== 200) throw new Error(`GET /rest/executions: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
	const { count, results } = answer.json.data as { count: number; results: Array<{ id: unknown; status: string; mode: string }> };
	return { count, newest: results.map((e) => ({ id: String(e.id), status: e.status, mode: e.mode })) };
}

/** Waits until the workflow has at least `count` finished executions, listed; returns how many there are and the newest. */
export async function waitForExecutions(editor: Editor, workflowId: string, count: number, timeoutMs: number): Promise<{ count: number; newest: ExecutionSummary[] }> {
	const started = Date.now();
	for (;;) {
		const finished = await executionsOf(editor, workflowId, FINISHED);
		// n8n lists, then counts (ExecutionService.findRangeWithCount): an execution that finished in between is counted, not listed
		if (finished.count >= count && finished.newest.length >= Math.min(count, LISTED)) return finished;
		if (Date.now() - started > timeoutMs) {
			throw new Error(`workflow ${workflowId}: ${finished.count} finished executions after ${fmtMs(timeoutMs)}, ${count} expected`);
		}
		await sleep(250);
	}
}

/** The saved execution once it finished (polled through the REST API). */
export async function finishedExecution(editor: Editor, inst: N8nInstall, id: string, timeoutMs: number): Promise<SavedExecution> {
	const started = Date.now();
	for (;;) {
		const answer = await editor.rest('GET', `/rest/executions/${id}`);
		const status = answer.json?.data?.status as string | undefined;
		if (status && FINISHED.includes(status)) return await savedExecution(editor, inst, id);
		if (Date.now() - started > timeoutMs) throw new Error(`execution ${id} still ${status ?? `HTTP ${answer.status}`} after ${fmtMs(timeoutMs)}`);
		await sleep(250);
	}
}

export async function savedExecution(editor: Editor, inst: N8nInstall, id: string): Promise<SavedExecution> {
	const answer = await editor.rest('GET', `/rest/executions/${id}`);
	if (answer.status !== 200) throw new Error(`GET /rest/executions/${id}: HTTP ${answer.status}`);
	const flatted = createRequire(join(inst.dir, 'node_modules', 'n8n', 'package.json'))('flatted') as { parse(text: string): unknown };
	const { status, mode, data } = answer.json.data as { status: string; mode: string; data: string };
	const parsed = flatted.parse(data) as { resultData?: { runData?: Record<string, NodeRun[]> } };
	return { id, status, mode, runData: parsed.resultData?.runData ?? {} };
}
