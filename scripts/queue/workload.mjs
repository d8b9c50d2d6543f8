// The bulk workflows of the queue-mode run and the checks on what they did.
import { randomUUID } from 'node:crypto';

export const CREATE_NODE = 'Create groups';
export const CODE_NODE = 'Make items';

/** "QB<w> Group <nnn>": distinct per workflow and item, so duplicates show by name and by slug. */
export function itemName(w, i) {
	return `QB${w} Group ${String(i).padStart(3, '0')}`;
}

/**
 * Webhook (POST, answers at once; in queue mode the main enqueues, a worker runs it) → Code (n items with distinct
 * names) → our node, Create, one error item per failed item (On Error: Continue), so failures are counted, not fatal.
 */
export function bulkWorkflow({ w, items, nodeType, credential, webhookPath, nodeOptions = {} }) {
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

/** What one execution's data says about our node: items out, error items, and the execution's own error. */
export function summariseRun(runExecutionData) {
	const resultData = runExecutionData?.resultData ?? {};
	const runs = resultData.runData?.[CREATE_NODE] ?? [];
	const last = runs[runs.length - 1];
	const items = (last?.data?.main?.[0] ?? []).map((it) => it.json ?? {});
	const errorItems = items.filter((j) => j.error !== undefined);
	const created = items.filter((j) => j.error === undefined && j.id);
	return {
		ran: runs.length > 0,
		itemsOut: items.length,
		created: created.length,
		createdNames: created.map((j) => j.name),
		errorItems: errorItems.map((j) => ({ error: String(j.error), description: j.description })),
		nodeError: last?.error?.message,
		executionError: resultData.error?.message,
		codeItems: (resultData.runData?.[CODE_NODE]?.at(-1)?.data?.main?.[0] ?? []).length,
	};
}

/** Duplicates in the sandbox's groups by name and by slug: [{ key, count }]. */
export function duplicates(groups, field) {
	const counts = new Map();
	for (const g of groups) counts.set(g[field], (counts.get(g[field]) ?? 0) + 1);
	return [...counts].filter(([, n]) => n > 1).map(([key, count]) => ({ key, count }));
}

/** A plain text table. */
export function table(headers, rows) {
	const cells = [headers, ...rows].map((r) => r.map((c) => String(c ?? '')));
	const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
	const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(cells[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}
