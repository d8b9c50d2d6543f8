/**
 * The demo workflow's steps run in the order workflow.json lists them: its connections are made here, one step to the
 * next, so a step is added by adding its node where it belongs in the list.
 */
import type { WorkflowToImport } from '../n8n/importData';

interface ChainNode {
	name: string;
	type: string;
	webhookId?: string;
}

export function asChain(workflow: WorkflowToImport): WorkflowToImport {
	const nodes = workflow.nodes as ChainNode[];
	const connections = Object.fromEntries(
		nodes.slice(0, -1).map((node, i) => [node.name, { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] }]),
	);
	return { ...workflow, connections };
}

/** The workflow's first node, its HighLevel Trigger, with the webhookId its production URL is served under. */
export function triggerOf(workflow: WorkflowToImport): { name: string; webhookId: string } {
	const [first] = workflow.nodes as ChainNode[];
	if (!first?.type.endsWith('.highLevelTrigger') || !first.webhookId) throw new Error('the demo workflow starts with a HighLevel Trigger that has a webhookId');
	return { name: first.name, webhookId: first.webhookId };
}
