/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * An active workflow run in the running editor through its Webhook trigger (no n8n process started for it): the body
 * POSTed to /webhook/<path>, the execution it started read as n8n saved it.
 */
import { setTimeout as sleep } from 'timers/promises';

import { executionsOf, savedExecution, waitForExecutions, type SavedExecution } from '../../../tools/n8n/activeWorkflows';
import type { Editor } from '../../../tools/n8n/editor';
import type { N8nInstall } from '../../../tools/n8n/install';
import { MINUTE } from './run';

export interface WebhookFlow {
	id: string;
	/** the Webhook node's path (and webhookId) */
	path: string;
}

export interface WebhookRun {
	/** n8n's answer to the POST */
	answer: { status: number; text: string };
	execution: SavedExecution;
}

/** POSTs the body and waits for the one execution it started; throws unless the POST was answered 200. */
export async function runByWebhook(editor: Editor, inst: N8nInstall, flow: WebhookFlow, body: unknown): Promise<WebhookRun> {
	const started = Date.now();
	const before = (await executionsOf(editor, flow.id)).count;
	const post = async () =>
		await fetch(`${editor.url}/webhook/${flow.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	let response = await post();
	// n8n 2.x serves an activated workflow's webhook a moment after the REST call returns; a 404 starts nothing
	while (response.status === 404 && Date.now() - started < MINUTE) {
		await response.arrayBuffer();
		await sleep(200);
		response = await post();
	}
	const answer = { status: response.status, text: await response.text() };
	if (answer.status !== 200) throw new Error(`POST /webhook/${flow.path}: HTTP ${answer.status} ${answer.text.slice(0, 400)}`);
	const { newest } = await waitForExecutions(editor, flow.id, before + 1, 3 * MINUTE);
	return { answer, execution: await savedExecution(editor, inst, newest[0].id) };
}
