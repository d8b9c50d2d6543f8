/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-only tooling: runs in Node, never inside n8n */
/**
 * What the demo prints of an execution: each step that ran with its items (times also in the sub-account's zone),
 * and the steps that failed or should have run and did not (a step should run when a step before it gave items on
 * the output leading to it: an If's branch not taken is not missed).
 */
import { DateTime } from 'luxon';

import type { SavedExecution } from '../n8n/activeWorkflows';
import { itemsOf } from '../n8n/execute';
import type { WorkflowToImport } from '../n8n/importData';

type Connections = Record<string, { main: Array<Array<{ node: string }>> }>;

const TIME_FIELDS = ['start', 'end', 'startTime', 'endTime'];
const say = (text: string) => process.stdout.write(`${text}\n`);

/** "Tue 8 Dec 2026 09:00" in the zone, for each time field the item has. */
function timesInZone(item: Record<string, unknown>, zone: string): string {
	const times = TIME_FIELDS.filter((key) => typeof item[key] === 'string')
		.map((key) => ({ key, at: DateTime.fromISO(item[key] as string, { zone }) }))
		.filter(({ at }) => at.isValid)
		.map(({ key, at }) => `${key} ${at.toFormat('ccc d LLL yyyy HH:mm')}`);
	return times.length ? `   ⏱ ${times.join(', ')} (${zone})` : '';
}

function showStep(name: string, items: Array<Record<string, unknown>>, zone: string): void {
	say(`\n▶ ${name}: ${items.length} item${items.length === 1 ? '' : 's'}`);
	for (const item of items) {
		say(`   ${Object.entries(item).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join('  ')}`);
		const times = timesInZone(item, zone);
		if (times) say(times);
	}
}

/** The steps that should have run: the first node, and each node a step that ran gave items to. */
function expectedSteps(workflow: WorkflowToImport, execution: SavedExecution): Set<string> {
	const [first] = workflow.nodes as Array<{ name: string }>;
	const expected = new Set([first.name]);
	for (const [from, { main }] of Object.entries(workflow.connections as Connections)) {
		main.forEach((targets, output) => {
			if (execution.runData[from]?.[0] && itemsOf(execution, from, output).length > 0) targets.forEach(({ node }) => expected.add(node));
		});
	}
	return expected;
}

/** Prints the steps that ran, in the workflow's order; returns what went wrong (nothing when all went well). */
export function reportExecution(workflow: WorkflowToImport, execution: SavedExecution, zone: string): string[] {
	const expected = expectedSteps(workflow, execution);
	const failedSteps: string[] = [];
	for (const { name } of workflow.nodes as Array<{ name: string }>) {
		const run = execution.runData[name]?.[0];
		if (!run && expected.has(name)) failedSteps.push(`${name}: did not run`);
		else if (run?.error) failedSteps.push(`${name}: ${run.error.message}`);
		if (run) showStep(name, (run.data?.main ?? []).flatMap((output) => (output ?? []).map((item) => item.json)), zone);
	}
	return failedSteps;
}
