/** The bulk workflows of the queue-mode run and what their executions say. */
import { randomUUID } from 'crypto';

import type { WorkflowToImport } from '../n8n/importData';

export const CREATE_NODE = 'Create groups';
export const CODE_NODE = 'Make items';

/** "QB<w> Group <nnn>": distinct per workflow and item, so duplicates show by name and by slug. */
export function itemName(w: number, i: number): string {
	return `QB${w} Group ${String(i).padStart(3, '0')}`;
}

export interface BulkSpec {
	w: number;
	items: number;
	nodeType: string;
	credential: { id: string; name: string };
	webhookPath: string;
	nodeOptions?: Record<string, number>;
}

/**
 * Webhook (POST, answers at once; in queue mode the main enqueues, a worker runs it) → Code (n items with distinct
 * names) → our node, Create, one error item per failed item (On Error: Continue), so failures are counted, not fatal.
 */
export function bulkWorkflow({ w, items, nodeType, credential, webhookPath, nodeOptions = {} }: BulkSpec): WorkflowToImport {
	const jsCode = [
		`const out = [];`,
		`for (let i = 1; i <= ${items}; i++) {`,
		`  const name = 'QB${w} Group ' + String(i).padStart(3, '0');`,
		`  out.push({ json: { name, description: 'queue-mode bulk test, workflow ${w}, item ' + i } });`,
		`}`,
		`return out;`,
	].join('\n');
	return {
		name: `Queue bulk ${w}`,
		nodes: [
			{
				id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
			},
			{ id: randomUUID(), name: CODE_NODE, type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode } },
			{
				id: randomUUID(), name: CREATE_NODE, type: nodeType, typeVersion: 1, position: [440, 0], onError: 'continueRegularOutput',
				credentials: { highLevelCalendarsApi: { id: credential.id, name: credential.name } },
				parameters: {
					authentication: 'privateIntegrationToken', resource: 'calendarGroup', operation: 'create',
					name: '={{ $json.name }}', description: '={{ $json.description }}', options: nodeOptions,
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: CODE_NODE, type: 'main', index: 0 }]] },
			[CODE_NODE]: { main: [[{ node: CREATE_NODE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

type Json = Record<string, unknown>;
interface RunData {
	resultData?: {
		error?: { message?: string };
		runData?: Record<string, Array<{ error?: { message?: string }; data?: { main?: Array<Array<{ json?: Json }>> } }>>;
	};
}

export interface RunSummary {
	ran: boolean;
	itemsOut: number;
	created: number;
	errorItems: Array<{ error: string; description?: unknown }>;
	nodeError?: string;
	executionError?: string;
}

/** What one execution's data says about our node: items out, error items, and the execution's own error. */
export function summariseRun(runExecutionData: RunData): RunSummary {
	const resultData = runExecutionData?.resultData ?? {};
	const runs = resultData.runData?.[CREATE_NODE] ?? [];
	const last = runs[runs.length - 1];
	const items = (last?.data?.main?.[0] ?? []).map((item) => item.json ?? {});
	return {
		ran: runs.length > 0,
		itemsOut: items.length,
		created: items.filter((json) => json.error === undefined && json.id).length,
		errorItems: items.filter((json) => json.error !== undefined).map((json) => ({ error: String(json.error), description: json.description })),
		nodeError: last?.error?.message,
		executionError: resultData.error?.message,
	};
}

/** Duplicates among the sandbox's groups by one field: [{ key, count }]. */
export function duplicates<T extends Record<string, unknown>>(groups: T[], field: keyof T): Array<{ key: unknown; count: number }> {
	const counts = new Map<unknown, number>();
	for (const group of groups) counts.set(group[field], (counts.get(group[field]) ?? 0) + 1);
	return [...counts].filter(([, count]) => count > 1).map(([key, count]) => ({ key, count }));
}
