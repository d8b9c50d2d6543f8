/**
 * Cases a suite runs in its running editor (no n8n start of their own): workflows stored through the REST API and
 * activated before the describe's tests, each run by POSTing to its Webhook.
 */
import { randomUUID } from 'crypto';

import { activate, type SavedExecution } from '../../../tools/n8n/activeWorkflows';
import type { Editor } from '../../../tools/n8n/editor';
import type { N8nInstall } from '../../../tools/n8n/install';
import type { Answers } from '../../../tools/n8n/restCredentials';
import { createWorkflow, type WorkflowBody } from '../../../tools/n8n/restWorkflows';
import type { Sandbox } from '../../../tools/sandbox/server';
import { MINUTE } from './run';
import { runByWebhook, type WebhookFlow } from './webhookRun';
import type { CredRef } from './workflows';

export interface EditorContext {
	inst: N8nInstall;
	editor: Editor;
	sandbox: Sandbox;
	/** the suite's token credential for the sandbox's first sub-account */
	cred: CredRef;
	/** every REST and webhook answer, for the suite's token searches */
	answers: Answers;
	/** hands an execution the editor ran to the suite (its token searches) and throws unless it succeeded */
	ran(label: string, started: number, execution: SavedExecution): SavedExecution;
}

export interface WebhookCases<K extends string> {
	/** POSTs the body to the workflow's Webhook; the execution it started, once it succeeded */
	run(key: K, body: unknown): Promise<SavedExecution>;
	/** the executions run so far, oldest first */
	executions: SavedExecution[];
}

/** Registers a beforeAll that stores and activates one workflow per key (`build` gets its Webhook path). */
export function webhookCases<K extends string>(context: () => EditorContext, build: Record<K, (path: string) => WorkflowBody | Promise<WorkflowBody>>): WebhookCases<K> {
	const flows = {} as Record<K, WebhookFlow>;
	const executions: SavedExecution[] = [];

	beforeAll(async () => {
		const { editor } = context();
		for (const key of Object.keys(build) as K[]) {
			const path = randomUUID();
			const id = await createWorkflow(editor, await build[key](path));
			await activate(editor, id);
			flows[key] = { id, path };
		}
	}, 2 * MINUTE);

	async function run(key: K, body: unknown): Promise<SavedExecution> {
		const { editor, inst, answers, ran } = context();
		const started = Date.now();
		const { answer, execution } = await runByWebhook(editor, inst, flows[key], body);
		answers.push({ what: `POST /webhook (${key})`, text: answer.text });
		executions.push(execution);
		return ran(key, started, execution);
	}

	return { run, executions };
}
