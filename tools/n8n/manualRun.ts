/**
 * A stored workflow run in a running editor as its Execute Workflow button runs it (`POST /rest/workflows/:id/run`),
 * from its Manual Trigger: no n8n process is started for it, unlike `n8n execute`.
 */
import { finishedExecution, type SavedExecution } from './activeWorkflows';
import type { Editor } from './editor';
import type { N8nInstall } from './install';

export async function runManually(editor: Editor, inst: N8nInstall, workflowId: string, trigger: string, timeoutMs: number): Promise<SavedExecution> {
	const stored = await editor.rest('GET', `/rest/workflows/${workflowId}`);
	if (stored.status !== 200) throw new Error(`GET /rest/workflows/${workflowId}: HTTP ${stored.status}`);
	// n8n 1.x runs the workflow the body carries; 2.x runs the stored one, from the trigger named
	const answer = await editor.rest('POST', `/rest/workflows/${workflowId}/run`, { workflowData: stored.json.data, triggerToStartFrom: { name: trigger } });
	const executionId = answer.json?.data?.executionId as string | undefined;
	if (answer.status !== 200 || !executionId) throw new Error(`running workflow ${workflowId}: HTTP ${answer.status} ${answer.text.slice(0, 400)}`);
	return await finishedExecution(editor, inst, String(executionId), timeoutMs);
}
