/** Workflows stored through n8n's REST API (the editor's own route), for credentials made there too. */
import type { Editor } from './editor';

export interface WorkflowBody {
	name: string;
	nodes: object[];
	connections: Record<string, unknown>;
}

export async function createWorkflow(editor: Editor, workflow: WorkflowBody): Promise<string> {
	const r = await editor.rest('POST', '/rest/workflows', { settings: { executionOrder: 'v1' }, active: false, ...workflow });
	if (r.status !== 200) throw new Error(`creating workflow "${workflow.name}": HTTP ${r.status} ${r.text.slice(0, 300)}`);
	return String(r.json.data.id);
}
